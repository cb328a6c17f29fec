import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Every write to people and enrolments is attributable (actor, device, time, source) and shows in
/// the course's audit, the person's trail and their export.
@Suite struct AuditTrailTests {
    let dir = TemporaryDirectory("audit-trail")

    /// The mini course, then a coordinator's day: an e-mail corrected, a nomination confirmed,
    /// a nominee substituted by Ana (T-005, substituted before), a mark.
    func store(clock: TestClock = TestClock()) throws -> (CourseStore, Int64) {
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        var jose = try store.people.person(code: "T-001")
        clock.advance(seconds: 60)
        jose.email = "jnunez@example.org"
        try store.people.savePerson(jose)
        clock.advance(seconds: 60)
        let nguyen = try store.people.person(code: "T-003")
        try store.nominations.setNominationStatus(courseID: course.id!, personID: nguyen.id!, to: .confirmed)
        clock.advance(seconds: 60)
        try store.nominations.substitute(courseID: course.id!, personID: nguyen.id!, by: store.people.person(code: "T-005").id!)
        clock.advance(seconds: 60)
        try store.attendance.mark(
            session: store.courses.session(course: course, key: "am"), person: jose, status: .present, source: .rollcall)
        return (store, course.id!)
    }

    @Test func theCourseAuditListsCoordinatorChangesImportsAndMarksWithWhoWhereAndHow() throws {
        let (store, _) = try store()
        let audit = try store.privacy.audit(courseCode: "mini-2024")
        // The seed import: one entry per person, source import.
        let imports = audit.filter { $0.source == "import" }
        #expect(imports.count == 5)
        #expect(imports.contains { $0.subject == "T-001" && $0.what == "course file mini-2024: added T-001 José Núñez" })
        let edits = audit.filter { $0.source == "coordinator" }
        #expect(
            edits.map(\.what) == [
                "edited T-001 José Núñez", "T-003 Nguyễn Văn A: nominated → confirmed",
                "T-003 Nguyễn Văn A substituted by T-005 Ana Tellei",
            ])
        #expect(edits.allSatisfy { $0.actor == "tester" && $0.device == store.deviceID })
        #expect(edits.last?.subject == "T-001, T-003, T-005")  // T-005 was T-001's substitute until then
        #expect(audit.last?.source == "rollcall" && audit.last?.subject == "T-001 in am")
        #expect(audit.map(\.at) == audit.map(\.at).sorted())
    }

    @Test func importingTheSameFileAgainLogsNothingAndAChangedOneLogsOnlyWhoChanged() throws {
        let store = try makeStore(dir)
        let count = try store.privacy.audit(courseCode: "mini-2024").count
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
        #expect(try store.privacy.audit(courseCode: "mini-2024").count == count)
        let changed = Fixtures.miniCourseYAML.replacingOccurrences(of: "family_name: Tellei", with: "family_name: Tellei-Rengiil")
        try store.courses.importCourse(CourseFileCodec.decode(Data(changed.utf8), path: "mini.yaml"))
        let audit = try store.privacy.audit(courseCode: "mini-2024")
        #expect(audit.count == count + 1)
        #expect(audit.last?.what == "course file mini-2024: updated T-005 Ana Tellei-Rengiil")
        let trail = try store.privacy.personAudit(personID: store.people.person(code: "T-005").id!)
        #expect(trail.last?.what == "family name Tellei → Tellei-Rengiil" && trail.last?.source == "import")
        // Imports are attributable but not undoable from the screens.
        let id = try DatabaseQueue(path: store.path).read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM change_log") }!
        #expect(throws: MusterError.self) { try store.changeLog.undoChange(id: id) }
    }

    @Test func aKioskWalkInIsLoggedAsTheKiosk() throws {
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        let (match, _) = try store.kiosk.registerWalkIn(
            courseID: course.id!, sessionID: session.id!, givenName: "Dilnoza",
            familyName: "Karimova", agency: "BIM", country: "Palau")
        let trail = try store.privacy.personAudit(personID: match.personID)
        let code = try #require(try store.people.search("Dilnoza").first?.code)
        let registered = try #require(trail.first { $0.source == "kiosk" && $0.what.contains("record created") })
        #expect(registered.actor == "kiosk" && registered.device == store.deviceID)
        #expect(registered.what == "record created; enrolled in mini-2024 as participant, walk-in")
        #expect(
            try store.privacy.audit(courseCode: "mini-2024").contains {
                $0.what == "walk-in \(code) Dilnoza Karimova registered at the kiosk"
            })
    }

    @Test func aPersonsTrailAndExportDescribeTheirOwnRowsAndNameNobodyElse() throws {
        let (store, _) = try store()
        let nguyen = try store.people.person(code: "T-003")
        let trail = try store.privacy.personAudit(personID: nguyen.id!).map(\.what)
        #expect(
            trail == [
                "record created; enrolled in mini-2024 as participant, nominated",
                "status nominated → confirmed in mini-2024",
                "status confirmed → substituted in mini-2024; substitute changed in mini-2024",
            ])
        #expect(!trail.joined().contains("Ana") && !trail.joined().contains("T-005"))

        // José: his own record, and the nomination that named him as Ana's substitute (without her).
        let export = try store.privacy.personExport(code: "T-001")
        #expect(
            export.changes.map(\.what) == [
                "record created; enrolled in mini-2024 as participant, confirmed",
                "named as a substitute in mini-2024",
                "e-mail jose.nunez@example.org → jnunez@example.org",
                "no longer named as a substitute in mini-2024",
            ])
        #expect(export.changes.map(\.source) == ["import", "import", "coordinator", "coordinator"])
        #expect(export.changes.allSatisfy { $0.actor == "tester" && $0.device == store.deviceID })
        #expect(export.attendance.count == 1)
        let json = try export.json()
        for other in ["小龍", "T-002", "Mary", "T-004", "Tellei", "T-005", "Nguyễn", "T-003"] {
            #expect(!json.contains(other), "\(other) is in T-001's export")
        }
        #expect(export.text().contains("Changes to these records (4)"))
    }

    @Test func everyWritePathToPeopleAndEnrolmentsIsLogged() throws {
        let (store, courseID) = try store()
        try store.people.savePerson(Person(code: "T-010", givenName: "Iosefa", familyName: "Leota", sex: .male), enrolIn: courseID)
        let session = try store.courses.session(course: store.courses.course(code: "mini-2024"), key: "pm")
        _ = try store.kiosk.registerWalkIn(
            courseID: courseID, sessionID: session.id!, givenName: "Walk", familyName: "In",
            agency: "", country: "")
        // Every person, and every enrolment, has a logged change about it: who, device, when, source.
        let (people, enrolments) = try DatabaseQueue(path: store.path).read { db in
            (
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT p.code FROM person p WHERE NOT EXISTS (SELECT 1 FROM change_subject x WHERE x.person_id = p.id)
                        """),
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT e.id FROM enrolment e WHERE NOT EXISTS (
                            SELECT 1 FROM change_log c JOIN change_subject x ON x.change_id = c.id
                            WHERE x.person_id = e.person_id AND c.course_id = e.course_id)
                        """)
            )
        }
        #expect(people.isEmpty && enrolments.isEmpty)
    }
}
