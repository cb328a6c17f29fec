import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The roll call shows the mark the store derived from the whole log, never one re-derived
/// from the event it just wrote: an undo, a correction and another process's marks all land
/// on the row, the header counts and the library alike.
@Suite struct RollCallMarkOutcomeTests {
    /// The mini course's roll call (`--course`): T-003, T-001, T-002 by family name.
    func driver() throws -> AppDriver { try AppDriver(options: AppOptions(startCourse: "mini-2024")) }

    /// The mark cell of a person's row, as drawn: the row's last column.
    func drawnMark(_ d: AppDriver, name: String) -> String? {
        guard let line = d.frame(theme: .monochrome).lines.first(where: { $0.contains(name) }) else { return nil }
        return line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").last?.trimmingCharacters(in: .whitespaces)
    }

    @Test("p k x u leaves the row, the header and the library on present")
    func undoAfterACorrectionShowsTheMarkItRestores() throws {
        let d = try driver()
        d.press(.char("p"), .char("k"), .char("x"))
        #expect(try d.storedMark("T-003") == .absent)
        d.press(.char("u"))
        #expect(try d.storedMark("T-003") == .present)
        #expect(d.rollCall?.mark(of: try d.store.people.person(code: "T-003").id!)?.status == .present)
        #expect(d.rollCall?.countsText == "1/3 marked · 1 present")
        #expect(d.state.message?.text == "Undid Nguyễn Văn A; now present")
        #expect(drawnMark(d, name: "Nguyễn Văn") == "P ✓")
        #expect(d.screenText.contains("1/3 marked · 1 present"))
    }

    @Test("undoing every mark of a person leaves no mark, drawn as ·")
    func undoingTheOnlyMarkClearsTheRow() throws {
        let d = try driver()
        d.press(.char("p"), .char("u"))
        #expect(try d.storedMark("T-003") == nil)
        #expect(d.rollCall?.countsText == "0/3 marked · 0 present")
        #expect(d.state.message?.text == "Undid Nguyễn Văn A; now no mark")
        #expect(drawnMark(d, name: "Nguyễn Văn") == "·")
    }

    @Test("undo restores a late mark with its arrival time, not just its status")
    func undoRestoresTheWholeEarlierMark() throws {
        let d = try driver()
        d.press(.char("l"), .enter, .char("k"), .char("p"), .char("u"))
        let restored = d.rollCall?.mark(of: try d.store.people.person(code: "T-003").id!)
        #expect(restored?.status == .late)
        #expect(restored?.arrival != nil)
        #expect(try d.storedMark("T-003") == .late)
    }

    @Test("a mark another process commits shows at the next tick; this process's own at once")
    func marksFromAnotherConnectionShowAfterATick() throws {
        let d = try driver()
        // A second connection to the same file, as `muster mark` or a kiosk in another process.
        let other = try CourseStore(path: d.store.path, actor: "kiosk")
        let session = try other.courses.session(course: other.courses.course(code: "mini-2024"), key: "am")
        try other.attendance.mark(session: session, person: other.people.person(code: "T-001"), status: .present, source: .rollcall)
        #expect(d.rollCall?.countsText == "0/3 marked · 0 present")  // not yet: nothing polled
        d.send(.tick)
        #expect(d.rollCall?.countsText == "1/3 marked · 1 present")
        d.press(.char("x"))  // this process: no tick needed
        #expect(d.rollCall?.countsText == "2/3 marked · 1 present")
        #expect(try d.storedMark("T-003") == .absent)
    }

    @Test("a kiosk check-in after the facilitator's absent shows late, flagged and explained, until a mark key confirms")
    func aCheckInAfterAbsentIsFlaggedUntilConfirmed() throws {
        let d = try driver()
        d.press(.char("x"))  // T-003 absent by the facilitator; the selection moves on
        let other = try CourseStore(path: d.store.path, actor: "kiosk")
        let session = try other.courses.session(course: other.courses.course(code: "mini-2024"), key: "am")
        let result = try other.kiosk.checkIn(sessionID: session.id!, personID: other.people.person(code: "T-003").id!)
        guard case .checkedIn(let current) = result else { Issue.record("got \(result)"); return }
        #expect(current.status == .late && current.kioskAfterAbsent)  // the store says what counts
        d.send(.tick)
        let id = try d.store.people.person(code: "T-003").id!
        #expect(d.rollCall?.mark(of: id)?.kioskAfterAbsent == true)
        #expect(try d.storedMark("T-003") == .late)
        // The mark cell ends in "!"; the check-in came from another store, so a FROM column follows it.
        let row = d.frame(theme: .monochrome).lines.first { $0.contains("Nguyễn Văn") } ?? ""
        #expect(row.contains("! ") && row.contains("kiosk"), "\(row)")
        #expect(!d.screenText.contains("after being marked absent"))  // only for the selected row
        d.press(.char("k"))
        #expect(d.screenText.contains("Checked in at the kiosk at"))
        #expect(d.screenText.contains("after being marked absent"))
        d.press(.char("l"), .enter)  // the facilitator confirms (l asks the arrival): their mark comes after the check-in
        #expect(d.rollCall?.mark(of: id)?.status == .late)
        // The arrival proposed, and kept, is the time they checked in at the kiosk.
        let palau = TimeZone(identifier: "Pacific/Palau")!
        let kept = d.rollCall?.mark(of: id)?.arrival, checkedIn = try #require(current.arrival)
        #expect(kept.map { LocalTime.clock($0, in: palau) } == LocalTime.clock(checkedIn, in: palau))
        #expect(d.rollCall?.mark(of: id)?.kioskAfterAbsent == false)
        #expect(drawnMark(d, name: "Nguyễn Văn")?.hasSuffix("!") == false)
    }
}
