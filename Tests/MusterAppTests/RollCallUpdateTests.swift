import CourseKit
import Foundation
import GRDB
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Every roll-call command, through keys, with the database read back after each mark.
@Suite struct RollCallUpdateTests {
    /// Opens the mini course straight on its roll call (`--course`), at 08:00 before the first session.
    func driver() throws -> AppDriver {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        #expect(d.rollCall?.sessionKey == "am")
        return d
    }

    func selectedCode(_ d: AppDriver) -> String? { d.rollCall?.selectedPerson?.person.code }

    @Test func opensOnTheCurrentSessionSortedByFamilyNameWithoutFacilitators() throws {
        let d = try driver()
        let codes = d.rollCall?.loadedRows.map(\.person.code)
        #expect(codes == ["T-003", "T-001", "T-002"])  // A (Nguyễn Văn), Núñez, 李; no facilitator, no substituted
        #expect(selectedCode(d) == "T-003")
        #expect(d.rollCall?.countsText == "0/3 marked · 0 present")
    }

    @Test func presentWritesThenMovesToTheNextPerson() throws {
        let d = try driver()
        d.press(.char("p"))
        #expect(try d.storedMark("T-003") == .present)
        #expect(selectedCode(d) == "T-001")
        #expect(d.rollCall?.countsText == "1/3 marked · 1 present")
        #expect(d.state.message?.text == "Nguyễn Văn A: present")
    }

    @Test func absentLateAndClear() throws {
        let d = try driver()
        d.press(.char("x"), .char("l"), .enter)  // the arrival prompt's default: 09:00 + 15 minutes
        #expect(try d.storedMark("T-003") == .absent)
        #expect(try d.storedMark("T-001") == .late)
        #expect(d.state.message?.text.hasPrefix("José Núñez: late, arrived 09:15") == true)
        d.press(.char("k"), .char("0"))
        #expect(try d.storedMark("T-001") == nil)
        #expect(selectedCode(d) == "T-001")  // clearing does not move on
        #expect(d.rollCall?.countsText == "1/3 marked · 0 present")
    }

    @Test func excusedAsksForAnOptionalReason() throws {
        let d = try driver()
        d.press(.char("e"))
        guard case .prompt = d.state.top else { Issue.record("no prompt"); return }
        d.type("ministry meeting")
        d.press(.enter)
        #expect(try d.storedMark("T-003") == .excused)
        #expect(d.state.message?.text == "Nguyễn Văn A: excused (ministry meeting)")
        d.press(.char("e"), .enter)  // no reason is fine
        #expect(try d.storedMark("T-001") == .excused)
        d.press(.char("e"), .escape)  // Esc records nothing
        #expect(try d.storedMark("T-002") == nil)
    }

    @Test func allPresentConfirmsWithTheCountAndSkipsMarkedPeople() throws {
        let d = try driver()
        d.press(.char("x"))
        d.press(.char("P"))
        guard case .confirm(let c) = d.state.top else { Issue.record("no confirmation"); return }
        #expect(c.dialog.message.contains("Mark 2 unmarked participants present"))
        d.press(.char("y"))
        #expect(try d.storedMark("T-003") == .absent)
        #expect(try d.storedMark("T-001") == .present)
        #expect(try d.storedMark("T-002") == .present)
        #expect(d.state.message?.text == "Marked 2 present")
        d.press(.char("P"))
        #expect(d.state.message?.text == "Everyone already has a mark")
    }

    @Test func allPresentCanBeDeclined() throws {
        let d = try driver()
        d.press(.char("P"), .char("n"))
        #expect(try d.store.attendance.eventCount() == 0)
        d.press(.char("P"), .escape)
        #expect(try d.store.attendance.eventCount() == 0)
    }

    @Test func undoSaysWhatItUndidAndAppends() throws {
        let d = try driver()
        d.press(.char("p"), .char("x"))
        d.press(.char("u"))
        #expect(try d.storedMark("T-001") == nil)
        #expect(d.state.message?.text == "Undid José Núñez; now no mark")
        #expect(selectedCode(d) == "T-001")
        d.press(.char("u"))
        #expect(try d.storedMark("T-003") == nil)
        d.press(.char("u"))
        #expect(d.state.message?.text == "Nothing to undo in this roll call")
        #expect(try d.store.attendance.eventCount() == 4)  // two marks and two undo events, nothing deleted
    }

    @Test func searchJumpsAccentInsensitivelyAndEscReturns() throws {
        let d = try driver()
        d.press(.char("/"))
        d.type("nun")
        #expect(selectedCode(d) == "T-001")
        d.press(.escape)
        #expect(selectedCode(d) == "T-003")
        d.press(.char("/"))
        d.type("jose")
        d.press(.enter)
        #expect(selectedCode(d) == "T-001")
        d.press(.char("p"))  // keys are commands again after Enter
        #expect(try d.storedMark("T-001") == .present)
    }

    /// A Han name typed as it is written, without a space between family and given name.
    @Test func searchFindsAHanNameTypedWithoutASpace() throws {
        let d = try driver()
        d.press(.char("/"))
        d.type("李小")
        #expect(selectedCode(d) == "T-002")
        #expect(d.rollCall?.search?.found == true)
    }

    @Test func nextAndPreviousMatch() throws {
        let d = try driver()
        d.press(.char("n"))
        #expect(d.state.message?.text.contains("No search yet") == true)
        d.press(.char("/"))
        d.type("a")  // "A" (family of Nguyễn Văn A) only
        d.press(.enter)
        #expect(selectedCode(d) == "T-003")
        d.press(.char("n"))
        #expect(selectedCode(d) == "T-003")  // wraps to the only match
    }

    @Test func filterShowsOnlyOneKindOfMarkAndEscClears() throws {
        let d = try driver()
        d.press(.char("p"))
        d.press(.char("f"), .char("u"))
        #expect(d.rollCall?.filter == .unmarked)
        #expect(d.rollCall?.total == 2)
        #expect(selectedCode(d) == "T-001")
        d.press(.char("p"))  // the row leaves the filter; the next person is selected
        #expect(d.rollCall?.total == 1)
        #expect(selectedCode(d) == "T-002")
        d.press(.escape)
        #expect(d.rollCall?.filter == .all)
        #expect(d.rollCall?.total == 3)
    }

    /// T-002 checked in present by a kiosk: another process, writing its own journal.
    func kioskChecksInT002(_ d: AppDriver) throws {
        let kiosk = try CourseStore(path: d.store.path, actor: "kiosk")
        let course = try kiosk.courses.course(code: "mini-2024")
        try kiosk.attendance.mark(
            session: kiosk.courses.session(course: course, key: "am"), person: kiosk.people.person(code: "T-002"),
            status: .present, source: .kiosk)
    }

    @Test func marksFromAnotherProcessAppearOnTheNextTick() throws {
        let d = try driver()
        try kioskChecksInT002(d)
        #expect(d.rollCall?.countsText == "0/3 marked · 0 present")
        d.send(.tick)
        #expect(d.rollCall?.countsText == "1/3 marked · 1 present")
        #expect(d.rollCall?.mark(of: try d.store.people.person(code: "T-002").id!)?.source == .kiosk)
    }

    /// A mark made here between another process's commit and the next tick reads only the
    /// counts again; the tick still brings the other process's mark into the rows.
    @Test func anotherProcessesMarkStillArrivesAfterAMarkMadeHere() throws {
        let d = try driver()
        try kioskChecksInT002(d)
        d.press(.char("p"))  // T-003, here
        d.send(.tick)
        #expect(d.rollCall?.countsText == "2/3 marked · 2 present")
        #expect(d.rollCall?.mark(of: try d.store.people.person(code: "T-002").id!)?.source == .kiosk)
        #expect(d.rollCall?.mark(of: try d.store.people.person(code: "T-003").id!)?.source == .rollcall)
    }

    @Test func navigationHelpBackAndQuit() throws {
        let d = try driver()
        d.press(.char("G"))
        #expect(selectedCode(d) == "T-002")
        d.press(.char("g"))
        #expect(selectedCode(d) == "T-003")
        d.press(.char("?"))
        guard case .help = d.state.top else { Issue.record("no help"); return }
        d.press(.escape)
        guard case .rollCall = d.state.top else { Issue.record("help did not close"); return }
        d.press(.char("q"))
        guard case .overview = d.state.top else { Issue.record("q did not go back"); return }
        d.press(.char("Q"))
        #expect(d.quit)
    }

    @Test func markFailureShowsAnErrorKeepsTheRowAndRecordsNothing() throws {
        let d = try driver()
        // Someone else removes T-003 from the course while the roll call is open.
        let other = try DatabaseQueue(path: d.store.path)
        try other.write { try $0.execute(sql: "DELETE FROM enrolment WHERE person_id = (SELECT id FROM person WHERE code = 'T-003')") }
        d.press(.char("p"))
        #expect(try d.store.attendance.eventCount() == 0)
        #expect(d.state.message == StatusMessage("participant 'T-003' is not enrolled in course 'mini-2024'", isError: true))
        #expect(selectedCode(d) == "T-003")
        #expect(d.effects.last == "bell")
        d.press(.char("j"))  // the next key acknowledges the error
        #expect(d.state.message == nil)
    }
}
