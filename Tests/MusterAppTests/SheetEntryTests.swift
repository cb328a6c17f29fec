import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Marks typed back from a paper sign-in sheet on the roll call: `#`, the sheet's id, then a row
/// number (or a code), a mark letter, Enter; each mark an appended event with the paper source,
/// undone as usual. The mini course's sheet: 1 T-003 A, 2 T-001 Núñez, 3 T-004 O'Neil-Smith
/// (facilitator), 4 T-002 李.
@Suite struct SheetEntryTests {
    func rollCall(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"), size: size)
        d.press(.char("#"), .enter)  // today's sheet, its id filled in
        return d
    }

    var entry: (AppDriver) -> SheetEntryState? {
        { d in if case .sheetEntry(let e) = d.state.top { e } else { nil } }
    }

    func enter(_ d: AppDriver, _ line: String) {
        d.type(line)
        d.press(.enter)
    }

    @Test func parsesCodeAndMark() {
        #expect(SheetLine.parse("19 p") == .mark(code: "19", status: .present, note: ""))
        #expect(SheetLine.parse("19p") == .mark(code: "19", status: .present, note: ""))
        #expect(SheetLine.parse(" PW-019  X ") == .mark(code: "PW-019", status: .absent, note: ""))
        #expect(SheetLine.parse("pw-019a") == .mark(code: "pw-019", status: .absent, note: ""))
        #expect(SheetLine.parse("7 e ministry meeting") == .mark(code: "7", status: .excused, note: "ministry meeting"))
        #expect(SheetLine.parse("7 l") == .mark(code: "7", status: .late, note: ""))
        #expect(SheetLine.parse("u") == .undo)
        #expect(SheetLine.parse("   ") == .empty)
        guard case .invalid = SheetLine.parse("19") else { Issue.record("a code alone has no mark"); return }
        guard case .invalid = SheetLine.parse("19 q") else { Issue.record("q is no mark"); return }
        guard case .invalid = SheetLine.parse("p") else { Issue.record("a letter alone has no code"); return }
    }

    @Test func resolvesCodesNumbersAndPrefixes() {
        let codes = ["PW-001", "PW-019", "PW-190", "GT-019", "T-7", "ABC"]
        #expect(CodeMatch.resolve("pw-019", among: codes) == .one(1))
        #expect(CodeMatch.resolve("PW019", among: codes) == .one(1))
        #expect(CodeMatch.resolve("1", among: codes) == .one(0))
        #expect(CodeMatch.resolve("190", among: codes) == .one(2))
        #expect(CodeMatch.resolve("7", among: codes) == .one(4))
        #expect(CodeMatch.resolve("19", among: codes) == .many(["PW-019", "GT-019"]))
        #expect(CodeMatch.resolve("gt", among: codes) == .one(3))
        #expect(CodeMatch.resolve("pw-0", among: codes) == .many(["PW-001", "PW-019"]))
        #expect(CodeMatch.resolve("ab", among: codes) == .one(5))
        #expect(CodeMatch.resolve("42", among: codes) == .none)
        #expect(CodeMatch.resolve("-", among: codes) == .none)
    }

    @Test func marksByNumberWithThePaperSourceAndClearsTheLine() throws {
        let d = try rollCall()
        #expect(entry(d) != nil)
        enter(d, "2p")
        #expect(try d.storedMark("T-001") == .present)
        enter(d, "t-002 X")
        #expect(try d.storedMark("T-002") == .absent)
        enter(d, "1 e visa office")
        let e = try #require(entry(d))
        #expect(e.field.text.isEmpty && e.problem == nil)
        #expect(e.log.map(\.code) == ["T-001", "T-002", "T-003"])
        #expect(e.log.map(\.status) == [.present, .absent, .excused])
        #expect(e.log[2].text == "excused (visa office)")
        let session = try #require(d.rollCall?.data?.session)
        let marks = try d.store.attendance.marks(sessionID: session.id!)
        #expect(marks.values.allSatisfy { $0.source == .paper })
        #expect(d.rollCall?.countsText == "3/3 marked · 1 present")
        #expect(d.screenText.contains("3/3 marked"))
        #expect(d.screenText.contains("李小龍"))
    }

    /// Late marks typed after the session take the sheet's time, on the session's day.
    @Test func lateTakesTheArrivalTimeFromTheSheet() throws {
        let d = try rollCall()
        d.type("2 l 9:20 bus")
        #expect(d.screenText.contains("2 José Núñez (T-001) — late at 09:20 — bus? Enter to keep"))
        d.press(.enter)
        let session = try #require(d.rollCall?.data?.session)
        let event = try #require(try d.store.attendance.marks(sessionID: session.id!)[try d.store.people.person(code: "T-001").id!])
        #expect(event.status == .late && event.note == "bus")
        #expect(event.arrival.map { LocalTime.format($0, in: TimeZone(identifier: "Pacific/Palau")!) } == "2024-05-07 09:20")
        #expect(entry(d)?.log.last?.text == "late, arrived 09:20")
        d.type("2 l")
        #expect(d.screenText.contains("late (add the time: l 09:20)"))
    }

    @Test func correctingAMarkSaysWhatItWas() throws {
        let d = try rollCall()
        enter(d, "2 x")
        enter(d, "2 p")
        #expect(entry(d)?.log.last?.text == "present (was absent)")
        #expect(try d.storedMark("T-001") == .present)
    }

    @Test func unknownAndAmbiguousCodesRecordNothing() throws {
        let d = try rollCall()
        enter(d, "42p")
        var e = try #require(entry(d))
        #expect(
            e.problem
                == "Row 42 has no printed name (names are rows 1–4) — for a walk-in written on a blank line: + Given Family, Country p")
        #expect(e.field.text == "42p", "the line stays to be corrected")
        #expect(d.effects.last == "bell")
        d.press(.ctrl("u"))
        enter(d, "t-00 p")
        e = try #require(entry(d))
        #expect(e.problem == "“t-00” could be 4 people: T-001, T-002, T-003, T-004 — type more of the code")
        d.press(.ctrl("u"))
        enter(d, "1 z")
        #expect(entry(d)?.problem?.hasPrefix("“z” is not a mark") == true)
        d.press(.ctrl("u"))
        enter(d, "x-9 p")
        #expect(entry(d)?.problem == "No one on this sheet has the code “x-9”")
        #expect(entry(d)?.log.isEmpty == true)
        for code in ["T-001", "T-002", "T-003"] { #expect(try d.storedMark(code) == nil) }
        // Typing again clears the message.
        d.press(.backspace)
        #expect(entry(d)?.problem == nil)
    }

    @Test func undoInsideAndAfterTheMode() throws {
        let d = try rollCall()
        enter(d, "2p")
        enter(d, "4l")
        enter(d, "u")
        #expect(try d.storedMark("T-002") == nil)
        #expect(entry(d)?.log.last?.text == "undone; now no mark")
        #expect(entry(d)?.log.last?.status == nil)
        d.press(.escape)
        guard case .rollCall = d.state.top else { Issue.record("Esc leaves the mode"); return }
        #expect(d.state.message?.text == "2 marks from the sheet recorded; u undoes the last")
        d.press(.char("u"))
        #expect(try d.storedMark("T-001") == nil)
        #expect(d.state.message?.text == "Undid José Núñez; now no mark")
        d.press(.char("#"), .enter)
        enter(d, "u")
        #expect(entry(d)?.problem == "Nothing to undo in this roll call")
    }

    /// Keys that are commands on the roll call are only typing here: `q` does not leave, `p` marks nobody.
    @Test func commandKeysAreTyping() throws {
        let d = try rollCall()
        d.press(.char("q"), .char("p"), .char("P"), .char("?"))
        #expect(entry(d)?.field.text == "qpP?")
        #expect(!d.quit)
        for code in ["T-001", "T-002", "T-003"] { #expect(try d.storedMark(code) == nil) }
    }

    /// The line under the field names whom Enter will mark, before it is pressed.
    @Test func previewNamesThePersonBeforeEnter() throws {
        let d = try rollCall()
        d.type("4 l")
        #expect(d.screenText.contains("4 李小龍 (T-002) — late"))
        d.press(.ctrl("u"))
        d.type("9")
        #expect(d.screenText.contains("After the code, a mark"))
    }
}
