import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Arrival and departure on the roll call (issue 13, item 5): `l` asks when the person arrived
/// and `d` when they left, each with a default filled in; times are on the session's day.
@Suite struct RollCallTimesTests {
    /// The mini course at 08:00 Palau, an hour before its 09:00–12:00 morning session.
    func driver() throws -> AppDriver { try AppDriver(options: AppOptions(startCourse: "mini-2024")) }

    func stored(_ d: AppDriver, _ code: String) throws -> AttendanceEvent? {
        let session = try #require(d.rollCall?.data?.session)
        return try d.store.attendance.marks(sessionID: session.id!)[d.store.people.person(code: code).id!]
    }

    func clock(_ date: Date?) -> String? { date.map { LocalTime.clock($0, in: TimeZone(identifier: "Pacific/Palau")!) } }

    @Test func lateAfterTheFactDefaultsToTheStartPlusTheThresholdNotTheClock() throws {
        let d = try driver()
        d.press(.char("l"))
        guard case .prompt(let prompt) = d.state.top else {
            Issue.record("no prompt: \(d.state.top) \(String(describing: d.state.message))"); return
        }
        #expect(prompt.field.text == "09:15")
        d.press(.enter)
        #expect(clock(try stored(d, "T-003")?.arrival) == "09:15")
        #expect(d.state.message?.text == "Nguyễn Văn A: late, arrived 09:15")
    }

    @Test func typingReplacesTheDefaultAndBadTimesAreExplained() throws {
        let d = try driver()
        d.press(.char("l"))
        d.type("25:00")
        d.press(.enter)
        guard case .prompt(let prompt) = d.state.top else { Issue.record("the prompt closed on a bad time"); return }
        #expect(prompt.problem == "“25:00” is not a time — type a time like 09:25")
        #expect(try d.store.attendance.eventCount() == 0)
        d.press(.ctrl("u"))
        d.type("9:40")
        d.press(.enter)
        #expect(clock(try stored(d, "T-003")?.arrival) == "09:40")
        d.press(.char("l"), .escape)  // Esc records nothing
        #expect(try stored(d, "T-001") == nil)
    }

    @Test func leftEarlyKeepsTheStatusAddsTheDepartureAndUndoTakesOnlyThatBack() throws {
        let d = try driver()
        d.press(.char("d"))  // nobody is marked yet: nothing to end
        #expect(d.state.message?.isError == true)
        #expect(d.state.message?.text.contains("not marked present or late") == true)
        d.press(.char("l"))
        d.type("09:40")
        d.press(.enter, .char("k"), .char("d"))
        guard case .prompt(let prompt) = d.state.top else {
            Issue.record("no prompt: \(d.state.top) \(String(describing: d.state.message))"); return
        }
        #expect(prompt.field.text == "12:00")  // after the fact: the session's end
        d.type("11:30")
        d.press(.enter)
        let mark = try #require(try stored(d, "T-003"))
        #expect(mark.status == .late && clock(mark.arrival) == "09:40" && clock(mark.departure) == "11:30")
        #expect(d.state.message?.text == "Nguyễn Văn A: late, arrived 09:40, left at 11:30")
        #expect(d.screenText.contains("L 09:40–11:30"))
        d.press(.char("u"))
        let back = try #require(try stored(d, "T-003"))
        #expect(back.status == .late && clock(back.arrival) == "09:40" && back.departure == nil)
        #expect(d.screenText.contains("L 09:40 "))
    }
}
