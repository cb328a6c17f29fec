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
        let course = try store.course(code: "mini-2024")
        var session = try store.session(course: course, key: "pm")
        let start = LocalTime.parse("2024-05-07 14:00", in: course.zone)!
        session.start = start
        let (saved, change) = try store.saveSession(session)
        #expect(try store.session(course: course, key: "pm").start == start)
        #expect(change.summary == "edited session pm Afternoon")
        try store.undoChange(id: change.id)
        #expect(try store.session(course: course, key: "pm").start == LocalTime.parse("2024-05-07 13:00", in: course.zone))

        var bad = saved
        bad.end = bad.start
        #expect(throws: ValidationFailure(field: "end", "ends before it starts")) { try store.saveSession(bad) }
        bad = saved
        bad.key = "am"
        #expect((try? store.saveSession(bad)) == nil)

        let (added, addChange) = try store.saveSession(Session(courseID: course.id!, key: "eve", title: "Evening",
                                                               start: start.addingTimeInterval(6 * 3600),
                                                               end: start.addingTimeInterval(7 * 3600)))
        #expect(try store.sessions(courseID: course.id!).count == 3)
        let delete = try store.deleteSession(id: added.id!)
        #expect(try store.sessions(courseID: course.id!).count == 2)
        try store.undoChange(id: delete.id)
        #expect(try store.sessions(courseID: course.id!).map(\.key).contains("eve"))
        try store.undoChange(id: try store.deleteSession(id: added.id!).id)
        _ = addChange
    }

    @Test func aSessionWithAttendanceCannotBeDeleted() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.course(code: "mini-2024")
        let session = try store.session(course: course, key: "am")
        try store.mark(session: session, participant: store.participant(code: "T-001"), status: .present, source: .rollcall)
        #expect(throws: MusterError.invalid("'Morning' has attendance recorded (1 event); the attendance log is append-only, so it cannot be deleted")) {
            try store.deleteSession(id: session.id!)
        }
        #expect(throws: MusterError.self) { try store.deleteCourse(id: course.id!) }
    }

    @Test func coursesAndPeopleAreSavedDeletedAndRestored() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let (course, _) = try store.saveCourse(Course(code: "new-2025", title: "New", timeZone: "Europe/Paris",
                                                      startDate: CalendarDate(year: 2025, month: 1, day: 2),
                                                      endDate: CalendarDate(year: 2025, month: 1, day: 3)))
        #expect(throws: ValidationFailure.self) {
            try store.saveCourse(Course(code: "new-2025", title: "Again", startDate: course.startDate, endDate: course.endDate))
        }
        let (person, _) = try store.savePerson(Participant(code: "n-1", givenName: "  Zoë ", familyName: "Ångström", country: "fr"),
                                               enrolIn: course.id!, status: .confirmed)
        #expect(person.code == "N-1" && person.givenName == "Zoë" && person.country == "FR")
        #expect(try store.search("angstrom").map(\.code) == ["N-1"])
        #expect(try store.roster(courseID: course.id!).count == 1)
        #expect(throws: ValidationFailure.self) { try store.savePerson(Participant(code: "x 1", givenName: "A", familyName: "")) }

        let delete = try store.deleteCourse(id: course.id!)
        #expect((try? store.course(code: "new-2025")) == nil)
        try store.undoChange(id: delete.id)
        #expect(try store.roster(courseID: try store.course(code: "new-2025").id!).map(\.participant.code) == ["N-1"])

        var renamed = person
        renamed.familyName = "Berg"
        let rename = try store.savePerson(renamed).1
        #expect(try store.search("berg").map(\.code) == ["N-1"])
        try store.undoChange(id: rename.id)
        #expect(try store.search("angstrom").map(\.code) == ["N-1"])
        #expect(try store.search("berg").isEmpty)
    }
}
