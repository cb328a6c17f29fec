import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Arrival and departure stay inside the session's day; a departure keeps the mark and shows in
/// the exports (issue 13, item 5).
@Suite struct AttendanceTimesTests {
    let palau = TimeZone(identifier: "Pacific/Palau")!

    func at(_ text: String) -> Date { LocalTime.parse(text, in: palau)! }

    @Test func lateTypedAfterTheSessionIsNotStampedWithTheClock() throws {
        let dir = TemporaryDirectory()
        let clock = TestClock(LocalTime.parse("2024-05-08 00:44", in: TimeZone(identifier: "Pacific/Palau")!)!)
        let store = try makeStore(dir, clock: clock)
        let session = try store.courses.session(course: store.courses.course(code: "mini-2024"), key: "am")
        let late = try store.attendance.mark(session: session, person: store.people.person(code: "T-001"), status: .late, source: .cli)
        #expect(late.event.arrival == at("2024-05-07 09:15"))
        clock.set(at("2024-05-07 10:05"))  // while the session runs, now is the arrival
        let now = try store.attendance.mark(session: session, person: store.people.person(code: "T-002"), status: .late, source: .cli)
        #expect(now.event.arrival == at("2024-05-07 10:05"))
    }

    @Test func timesOffTheSessionDayOrOutOfOrderAreRefusedAndNothingIsWritten() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let session = try store.courses.session(course: store.courses.course(code: "mini-2024"), key: "am")
        let jose = try store.people.person(code: "T-001")
        #expect(
            throws: MusterError.refused(.timeOffSessionDay(what: "arrival", time: "2024-05-08 09:20", day: "2024-05-07"))
        ) {
            try store.attendance.mark(session: session, person: jose, status: .late, source: .cli, arrival: at("2024-05-08 09:20"))
        }
        #expect(throws: MusterError.refused(.departureBeforeArrival(arrival: "10:00", departure: "09:30"))) {
            try store.attendance.mark(
                session: session, person: jose, status: .late, source: .cli, arrival: at("2024-05-07 10:00"),
                departure: at("2024-05-07 09:30"))
        }
        #expect(throws: MusterError.refused(.timeNeedsAttendance(what: "departure", status: "absent"))) {
            try store.attendance.mark(session: session, person: jose, status: .absent, source: .cli, departure: at("2024-05-07 10:00"))
        }
        #expect(throws: MusterError.refused(.nothingToLeaveFrom(code: "T-001", name: jose.displayName))) {
            try store.attendance.recordDeparture(session: session, person: jose, at: at("2024-05-07 10:00"), source: .cli)
        }
        #expect(try store.attendance.eventCount() == 0)
    }

    @Test func aDepartureKeepsTheMarkAndReachesTheWideAndLongExports() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let session = try store.courses.session(course: store.courses.course(code: "mini-2024"), key: "am")
        let jose = try store.people.person(code: "T-001")
        try store.attendance.mark(session: session, person: jose, status: .late, source: .rollcall, arrival: at("2024-05-07 09:25"))
        let left = try store.attendance.recordDeparture(session: session, person: jose, at: at("2024-05-07 11:00"), source: .rollcall)
        #expect(left.current?.status == .late)
        #expect(left.current.map { StayText.text($0, zone: palau) } == "09:25–11:00")

        let facts = try CourseFacts.load(store, code: "mini-2024")
        let columns = WideAttendanceExport.columns(facts)
        let row = try #require(WideAttendanceExport.rows(facts).first { $0[0] == "T-001" })
        #expect(row[columns.firstIndex(of: "am")!] == "L½")
        #expect(row[columns.firstIndex(of: "attended")!] == "1")  // still attended

        let long = try AttendanceExport.longRows(store: store, courseCode: "mini-2024")
        let line = try #require(long.first { $0[3] == "T-001" })
        let names = AttendanceExport.longColumns
        #expect(line[names.firstIndex(of: "arrival")!] == "2024-05-07T09:25:00+09:00")
        #expect(line[names.firstIndex(of: "departure")!] == "2024-05-07T11:00:00+09:00")

        try store.attendance.undo(session: session, person: jose, source: .rollcall)
        let after = try #require(WideAttendanceExport.rows(CourseFacts.load(store, code: "mini-2024")).first { $0[0] == "T-001" })
        #expect(after[columns.firstIndex(of: "am")!] == "L")
    }
}
