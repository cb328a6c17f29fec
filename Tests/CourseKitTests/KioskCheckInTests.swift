import CourseKit
import Foundation
import Testing
import TestSupport

/// The kiosk's check-in against a facilitator's earlier marks, through the store: what it says,
/// what every reader shows (Swift rule, `attendance_mark`, roster counts) and what undo gives.
@Suite struct KioskCheckInTests {
    struct Library {
        let dir = TemporaryDirectory("kiosk-check-in")
        let clock = TestClock()  // 08:00 in Palau; the morning session starts at 09:00
        let store: CourseStore
        let session: Session
        let person: Person
        init() throws {
            store = try makeStore(dir, clock: clock)
            let course = try store.courses.course(code: "mini-2024")
            session = try store.courses.session(course: course, key: "am")
            person = try #require(try store.rosters.roster(courseID: course.id!).map(\.person).first { $0.code == "T-001" })
        }
        var sqlMark: AttendanceStatus? {
            get throws {
                try store.attendance.currentMarks(courseID: session.courseID, personIDs: [person.id!])[person.id!]?[session.id!]
            }
        }
    }

    @Test func aCheckInAfterTheRollCallsAbsentIsLateEverywhereAndFlagged() throws {
        let lib = try Library()
        lib.clock.advance(seconds: 3600)  // 09:00, the roll call
        try lib.store.attendance.mark(session: lib.session, person: lib.person, status: .absent, source: .rollcall)
        lib.clock.advance(seconds: 25 * 60)  // 09:25, the latecomer
        let result = try lib.store.kiosk.checkIn(sessionID: lib.session.id!, personID: lib.person.id!)
        guard case .checkedIn(let current) = result else { Issue.record("got \(result)"); return }
        #expect(current.status == .late && current.kioskAfterAbsent)
        #expect(current.arrival == lib.clock())
        let stored = try #require(try lib.store.attendance.marks(sessionID: lib.session.id!)[lib.person.id!])
        #expect(stored.status == .late && stored.kioskAfterAbsent)
        #expect(try lib.sqlMark == .late)

        // The facilitator confirms with a mark key: their later mark decides and the flag goes.
        lib.clock.advance(seconds: 60)
        let confirmed = try lib.store.attendance.mark(session: lib.session, person: lib.person, status: .late, source: .rollcall)
        #expect(confirmed.current?.status == .late && confirmed.current?.kioskAfterAbsent == false)
        // Undoing the confirmation brings the flag back; undoing the check-in too brings back absent.
        let undone = try lib.store.attendance.undo(session: lib.session, person: lib.person, source: .rollcall)
        #expect(undone.current?.kioskAfterAbsent == true)
        let again = try lib.store.attendance.undo(session: lib.session, person: lib.person, source: .rollcall)
        #expect(again.current?.status == .absent)
        #expect(try lib.sqlMark == .absent)
    }

    @Test func anExcusedPersonIsToldSoNotCheckedIn() throws {
        let lib = try Library()
        try lib.store.attendance.mark(session: lib.session, person: lib.person, status: .excused, source: .rollcall)
        lib.clock.advance(seconds: 3600)
        #expect(try lib.store.kiosk.checkIn(sessionID: lib.session.id!, personID: lib.person.id!) == .recordedAs(.excused))
        #expect(try lib.sqlMark == .excused)
    }
}
