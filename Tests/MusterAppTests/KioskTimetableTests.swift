import CourseKit
import Foundation
import TerminalUI
import Testing

/// Issue 13, item 3: without `--session` the kiosk follows the timetable on its tick. The mini
/// course has Morning 09:00–12:00 and Afternoon 13:00–17:00 (Palau), check-in opening 30 min early.
@Suite struct KioskTimetableTests {
    /// 2024-05-07 at `hh:mm` in Palau (UTC+9).
    static func palau(_ hour: Int, _ minute: Int = 0) -> Date {
        Date(timeIntervalSince1970: 1_715_036_400 + Double((hour - 8) * 3600 + minute * 60))
    }

    @Test func theKioskMovesOnToTheAfternoonByItselfAndAfternoonArrivalsAreNotLateForTheMorning() throws {
        let k = try KioskDriver(start: Self.palau(8, 50), followsTimetable: true)
        #expect(k.state.context.sessionTitle == "Morning")
        #expect(k.text.contains("Day 1 · 09:00–12:00"))

        k.clock.set(Self.palau(12, 10))
        k.send(.tick)  // no key
        #expect(!k.state.context.checkInOpen)
        #expect(k.text.contains("No session is open for check-in."))
        #expect(k.text.contains("Next, at 13:00: Afternoon"))
        #expect(k.text.contains("Check-in opens at 12:30."))
        k.type("jose")  // nothing to check in to: typing does nothing
        #expect(k.state.query.isEmpty)

        k.clock.set(Self.palau(12, 30))
        k.send(.tick)
        #expect(k.state.context.sessionTitle == "Afternoon")
        #expect(k.text.contains("Day 1 · 13:00–17:00"))
        k.clock.set(Self.palau(16, 0))
        k.type("jose")
        k.press(.enter, .enter)
        guard case .success(_, let time, false) = k.state.phase else { Issue.record("not checked in: \(k.state.phase)"); return }
        #expect(time == "16:00")
        let course = try k.store.courses.course(code: "mini-2024")
        let pm = try k.store.courses.session(course: course, key: "pm"), am = try k.store.courses.session(course: course, key: "am")
        let jose = try k.store.people.person(code: "T-001")
        #expect(try k.store.attendance.marks(sessionID: pm.id!)[jose.id!]?.status == .late)
        #expect(try k.store.attendance.marks(sessionID: am.id!)[jose.id!] == nil)

        k.clock.set(Self.palau(17, 0))
        k.send(.tick)
        #expect(k.text.contains("No session is open for check-in — today is over."))
    }

    @Test func checkInClosingSendsSomeoneHalfWayBackToAnEmptyWelcome() throws {
        // 30 s before the end: well inside the idle timeout, so only the timetable can reset it.
        let k = try KioskDriver(start: Self.palau(11, 59).addingTimeInterval(30), followsTimetable: true)
        k.type("jose")
        k.press(.enter)
        guard case .confirm = k.state.phase else { Issue.record("no confirm"); return }
        k.clock.set(Self.palau(12, 0))
        k.send(.tick)
        #expect(k.state.phase == .welcome)
        #expect(k.state.query.isEmpty)
        k.press(.enter)
        #expect(try k.store.attendance.eventCount() == 0)
    }

    @Test func typingOnTheSuccessScreenAfterCheckInClosedStartsNoSearch() throws {
        let k = try KioskDriver(start: Self.palau(11, 59).addingTimeInterval(30), followsTimetable: true)
        k.type("jose")
        k.press(.enter, .enter)
        guard case .success = k.state.phase else { Issue.record("not checked in"); return }
        k.clock.set(Self.palau(12, 0))
        k.send(.tick)
        k.type("li")
        #expect(k.state.phase == .welcome && k.state.query.isEmpty)
        #expect(k.text.contains("No session is open for check-in."))
    }

    /// Item 4 at the kiosk: its words come from the mark after the write, not from the write.
    @Test func anExcusedPersonIsToldToSeeTheFacilitatorNotWelcomed() throws {
        let k = try KioskDriver()
        let course = try k.store.courses.course(code: "mini-2024")
        try k.store.attendance.mark(
            session: try k.store.courses.session(course: course, key: "am"), person: try k.store.people.person(code: "T-001"),
            status: .excused, source: .rollcall)
        k.type("jose")
        k.press(.enter, .enter)
        #expect(k.state.phase == .recordedAs(name: "José", status: .excused))
        #expect(k.text.contains("José, you are recorded as excused."))
        #expect(k.text.contains("Please see the facilitator."))
        #expect(!k.text.contains("checked in"))
    }

    @Test func overlappingWindowsGoToTheOneThatOpenedLast() {
        func session(_ key: String, _ start: Date, _ end: Date) -> Session {
            Session(id: 1, courseID: 1, key: key, title: key, kind: .module, start: start, end: end)
        }
        let am = session("am", Self.palau(9), Self.palau(12, 45)), pm = session("pm", Self.palau(13), Self.palau(17))
        let at = { (h: Int, m: Int) in CheckInWindow.openSession(at: Self.palau(h, m), in: [pm, am], opensMinutes: 30)?.key }
        #expect(at(8, 29) == nil)
        #expect(at(8, 30) == "am")
        #expect(at(12, 29) == "am")
        #expect(at(12, 30) == "pm")  // the morning still runs, but the afternoon's window opened last
        #expect(at(16, 59) == "pm")
        #expect(at(17, 0) == nil)
        #expect(CheckInWindow.openSession(at: Self.palau(12, 30), in: [am, pm], opensMinutes: 30)?.key == "pm")  // any order
    }
}
