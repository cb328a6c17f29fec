import CourseKit
import Foundation
import Testing
import TestSupport

/// Adding, editing and deleting from the screens: the same rules as a course file, a log entry
/// per change, and undo.
@Suite struct EditingTests {
    @Test func sessionsAreValidatedSavedAndUndone() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        var session = try store.courses.session(course: course, key: "pm")
        let start = LocalTime.parse("2024-05-07 14:00", in: course.zone)!
        session.start = start
        let (saved, change) = try store.courses.saveSession(session)
        #expect(try store.courses.session(course: course, key: "pm").start == start)
        #expect(change.summary == "edited session pm Afternoon")
        try store.changeLog.undoChange(id: change.id)
        #expect(try store.courses.session(course: course, key: "pm").start == LocalTime.parse("2024-05-07 13:00", in: course.zone))

        var bad = saved
        bad.end = bad.start
        #expect(throws: ValidationFailure(field: "end", key: "endsBeforeStart")) { try store.courses.saveSession(bad) }
        bad = saved
        bad.key = "am"
        #expect((try? store.courses.saveSession(bad)) == nil)

        let (added, addChange) = try store.courses.saveSession(
            Session(
                courseID: course.id!, key: "eve", title: "Evening",
                start: start.addingTimeInterval(6 * 3600),
                end: start.addingTimeInterval(7 * 3600)))
        #expect(try store.courses.sessions(courseID: course.id!).count == 3)
        let delete = try store.courses.deleteSession(id: added.id!)
        #expect(try store.courses.sessions(courseID: course.id!).count == 2)
        try store.changeLog.undoChange(id: delete.id)
        #expect(try store.courses.sessions(courseID: course.id!).map(\.key).contains("eve"))
        try store.changeLog.undoChange(id: try store.courses.deleteSession(id: added.id!).id)
        _ = addChange
    }

    @Test func aSessionWithAttendanceCannotBeDeleted() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        try store.attendance.mark(session: session, person: store.people.person(code: "T-001"), status: .present, source: .rollcall)
        #expect(
            throws: MusterError.refused(.sessionHasAttendance(title: "Morning", events: 1))
        ) {
            try store.courses.deleteSession(id: session.id!)
        }
        #expect(throws: MusterError.refused(.courseHasAttendance(code: "mini-2024", events: 1))) {
            try store.courses.deleteCourse(id: course.id!)
        }
        // Both voices say the same words for a rule the library keeps.
        #expect(
            MusterError.refused(.sessionHasAttendance(title: "Morning", events: 1)).description
                == "'Morning' has attendance recorded (1 event); the attendance log is append-only, so it cannot be deleted")
    }

    @Test func coursesAndPeopleAreSavedDeletedAndRestored() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let (course, _) = try store.courses.saveCourse(
            Course(
                code: "new-2025", title: "New", timeZone: "Europe/Paris",
                startDate: CalendarDate(year: 2025, month: 1, day: 2),
                endDate: CalendarDate(year: 2025, month: 1, day: 3)))
        #expect(throws: ValidationFailure.self) {
            try store.courses.saveCourse(Course(code: "new-2025", title: "Again", startDate: course.startDate, endDate: course.endDate))
        }
        let (person, _) = try store.people.savePerson(
            Person(code: "n-1", givenName: "  Zoë ", familyName: "Ångström", country: "fr"),
            enrolIn: course.id!, status: .confirmed)
        #expect(person.code == "N-1" && person.givenName == "Zoë" && person.country == "FR")
        #expect(try store.people.search("angstrom").map(\.code) == ["N-1"])
        #expect(try store.rosters.roster(courseID: course.id!).count == 1)
        #expect(throws: ValidationFailure.self) { try store.people.savePerson(Person(code: "x 1", givenName: "A", familyName: "")) }

        let delete = try store.courses.deleteCourse(id: course.id!)
        #expect((try? store.courses.course(code: "new-2025")) == nil)
        try store.changeLog.undoChange(id: delete.id)
        #expect(try store.rosters.roster(courseID: try store.courses.course(code: "new-2025").id!).map(\.person.code) == ["N-1"])

        var renamed = person
        renamed.familyName = "Berg"
        let rename = try store.people.savePerson(renamed).1
        #expect(try store.people.search("berg").map(\.code) == ["N-1"])
        try store.changeLog.undoChange(id: rename.id)
        #expect(try store.people.search("angstrom").map(\.code) == ["N-1"])
        #expect(try store.people.search("berg").isEmpty)
    }
}
