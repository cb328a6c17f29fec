import CourseKit
import Foundation
import LibraryTestSupport
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

    /// The kiosk lists only people expected in this course's room, however many others share
    /// the name: 25 people called Ana Garcia who declined come first in name order, and the
    /// three expected ones (nominated, confirmed, walk-in) are still found, with their agency.
    /// The same people in another course are never listed.
    @Test func onlyExpectedPeopleOfTheCourseAreListedWhateverComesFirst() throws {
        let dir = TemporaryDirectory("kiosk-matches")
        let store = try CourseStore(path: dir.file("lib.sqlite"), actor: "tester", clock: TestClock().function)
        // The mini course under another code, with 30 more people of one name appended.
        var yaml = Fixtures.miniCourseYAML.replacingOccurrences(of: "code: mini-2024", with: "code: crowd-2024")
        let statuses = Array(repeating: "declined", count: 25) + ["nominated", "confirmed", "walk-in", "withdrawn", "waitlisted"]
        for (i, status) in statuses.enumerated() {
            yaml += """
                - code: G-\(String(format: "%03d", i))
                  given_name: Ana
                  family_name: Garcia
                  sex: female
                  country: PW
                  agency: pw-bim
                  role: participant
                  status: \(status)

                """
        }
        try store.courses.importCourse(CourseFileCodec.decode(Data(yaml.utf8), path: "crowd.yaml"))
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
        let crowd = try store.courses.course(code: "crowd-2024")
        let found = try store.kiosk.kioskMatches("ana garc", courseID: crowd.id!, limit: 6)
        let roster = try store.rosters.roster(courseID: crowd.id!)
        let expected = roster.filter { $0.enrolment.status.isExpected && $0.person.familyName == "Garcia" }.map { $0.person.id! }
        #expect(found.map(\.personID).sorted() == expected.sorted())
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.givenName == "Ana" && $0.familyInitial == "G" && $0.agency == "Bureau of Immigration" })
        #expect(try store.kiosk.kioskMatches("ana garc", courseID: crowd.id!, limit: 2).count == 2)
        // Fewer than three letters find nobody; people of another course are never listed.
        #expect(try store.kiosk.kioskMatches("an", courseID: crowd.id!, limit: 6).isEmpty)
        // Nor do three one-letter fragments (issue 21, item 1): they count as one letter.
        #expect(try store.kiosk.kioskMatches("a g a", courseID: crowd.id!, limit: 6).isEmpty)
        let mini = try store.courses.course(code: "mini-2024")
        #expect(try store.kiosk.kioskMatches("ana garc", courseID: mini.id!, limit: 6).isEmpty)
        #expect(try store.kiosk.kioskMatches("ana tellei", courseID: mini.id!, limit: 6).isEmpty)  // substituted
        #expect(try store.kiosk.kioskMatches("nunez", courseID: mini.id!, limit: 6).map(\.givenName) == ["José"])
    }
}
