import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// The merge below the bundle file: two libraries seeded from the same course files exchange
/// records directly and end the same.
@Suite struct SyncCoreTests {
    struct Device {
        let store: CourseStore
        let clock: TestClock
        init(_ dir: TemporaryDirectory, _ name: String, skew: Double = 0) throws {
            clock = TestClock(Date(timeIntervalSince1970: 1_715_036_400 + skew))
            store = try CourseStore(path: dir.file("\(name).sqlite"), actor: name, clock: clock.function)
            try store.courses.seed(from: Fixtures.coursesDirectory)
        }
        var origin: String { (try? store.syncOrigin()) ?? "" }

        @discardableResult
        func take(from other: Device, courses: [String]? = nil) throws -> SyncImportSummary {
            try store.syncTake(try other.store.syncRecords(courses: courses), from: other.origin, label: other.store.actor, publicKey: nil)
        }
    }

    @Test func librariesSeededFromTheSameFilesAgreeWithoutExchanging() throws {
        let dir = TemporaryDirectory()
        let a = try Device(dir, "a"), b = try Device(dir, "b")
        #expect(try a.store.syncDigest() == b.store.syncDigest())
        #expect(a.origin != b.origin)
        let summary = try a.take(from: b)
        #expect(summary.added.isEmpty, "\(summary.added)")
        #expect(try a.store.syncConflicts(course: nil).isEmpty)
        #expect(try a.store.syncDigest() == b.store.syncDigest())
    }

    @Test func aMarkOnOneDeviceArrivesOnTheOther() throws {
        let dir = TemporaryDirectory()
        let a = try Device(dir, "a"), b = try Device(dir, "b", skew: 3600)
        let course = try b.store.courses.course(code: "palau-mmc-2024")
        let session = try b.store.courses.session(course: course, key: "d1-am")
        let person = try b.store.people.person(code: "PW-001")
        let outcome = try b.store.attendance.mark(session: session, person: person, status: .present, source: .kiosk)
        let summary = try a.take(from: b, courses: ["palau-mmc-2024"])
        #expect(summary.added.contains { $0.course == "palau-mmc-2024" && $0.kind == "events" && $0.count == 1 }, "\(summary.added)")
        let sessionA = try a.store.courses.session(course: try a.store.courses.course(code: "palau-mmc-2024"), key: "d1-am")
        let marks = try a.store.attendance.marks(sessionID: sessionA.id!)
        let mark = try #require(marks[try a.store.people.person(code: "PW-001").id!])
        #expect(mark.id == outcome.event.id && mark.status == .present && mark.device == b.store.deviceID)
        #expect(try a.store.syncDigest() == b.store.syncDigest())
        // Again: nothing new.
        let again = try a.take(from: b, courses: ["palau-mmc-2024"])
        #expect(again.addedTotal == 0 && again.skipped > 0)
    }

    /// People a roster import added are written once: their fields are only in their records'
    /// bodies (`SyncRecordWrites.materializeFields`). A bundle of the course still carries them,
    /// their nominations and the agency one of them works for.
    @Test func aCourseBundleCarriesWhatARosterImportAdded() throws {
        let dir = TemporaryDirectory()
        let a = try Device(dir, "a"), b = try Device(dir, "b", skew: 60)
        // An agency only b knows: written once too, and named only in José's record.
        try b.store.courses.saveAgency(Agency(code: "pw-ports", name: "Bureau of Ports", country: "PW"))
        let csv = "given,family,email,organisation\nJosé,Ñúñez,jose@example.org,Bureau of Ports\n李,小龍,li@example.org,\n"
        try b.store.rosterImporter.importRoster(data: Data(csv.utf8), name: "r.csv", course: "palau-mmc-2024")
        let summary = try a.take(from: b, courses: ["palau-mmc-2024"])
        #expect(summary.refused.isEmpty, "\(summary.refused)")
        let carried = try DatabaseQueue(path: a.store.path).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.given_name, p.family_name, coalesce(a.name, '') AS agency FROM person p
                    JOIN enrolment e ON e.person_id = p.id JOIN course c ON c.id = e.course_id
                    LEFT JOIN agency a ON a.id = p.agency_id
                    WHERE c.code = 'palau-mmc-2024' AND p.email IN ('jose@example.org', 'li@example.org') ORDER BY p.email
                    """
            ).map { "\($0["given_name"] as String) \($0["family_name"] as String) (\($0["agency"] as String))" }
        }
        #expect(carried == ["José Ñúñez (Bureau of Ports)", "李 小龍 ()"])
        #expect(try a.store.syncDigest() == b.store.syncDigest())
    }

    @Test func concurrentEditsOfOneFieldAreOneConflictOnBothUntilResolved() throws {
        let dir = TemporaryDirectory()
        let a = try Device(dir, "a"), b = try Device(dir, "b")
        for (device, email) in [(a, "ana@a.example"), (b, "ana@b.example")] {
            var person = try device.store.people.person(code: "PW-001")
            person.email = email
            try device.store.people.savePerson(person)
        }
        try a.take(from: b)
        try b.take(from: a)
        let onA = try a.store.syncConflicts(course: nil), onB = try b.store.syncConflicts(course: nil)
        #expect(onA.count == 1 && onB.count == 1)
        #expect(onA.first?.id == onB.first?.id && onA.first?.field == "email")
        #expect(try a.store.people.person(code: "PW-001").email == b.store.people.person(code: "PW-001").email)
        #expect(try a.store.syncDigest() == b.store.syncDigest())
        let resolved = try a.store.syncResolve(conflict: onA[0].id, keep: "ana@b.example")
        #expect(resolved.winner?.value == .text("ana@b.example"))
        try b.take(from: a)
        #expect(try b.store.syncConflicts(course: nil).isEmpty)
        #expect(try b.store.people.person(code: "PW-001").email == "ana@b.example")
        #expect(try a.store.syncDigest() == b.store.syncDigest())
    }

    @Test func anEditAfterSeeingAnotherDeviceBeatsItWhateverTheClocks() throws {
        let dir = TemporaryDirectory()
        // b's clock is a day ahead.
        let a = try Device(dir, "a"), b = try Device(dir, "b", skew: 86_000)
        var p = try b.store.people.person(code: "PW-001")
        p.position = "From B"
        try b.store.people.savePerson(p)
        try a.take(from: b)
        var q = try a.store.people.person(code: "PW-001")
        q.position = "From A, later"
        try a.store.people.savePerson(q)
        try b.take(from: a)
        #expect(try b.store.people.person(code: "PW-001").position == "From A, later")
        #expect(try b.store.syncConflicts(course: nil).isEmpty)
    }

    @Test func anErasureTravelsAndWins() throws {
        let dir = TemporaryDirectory()
        let a = try Device(dir, "a"), b = try Device(dir, "b")
        var p = try b.store.people.person(code: "PW-002")
        p.email = "secret@b.example"
        try b.store.people.savePerson(p)
        try a.store.privacy.erase(code: "PW-002", reason: "asked", keepStatistics: true)
        try a.take(from: b)
        try b.take(from: a)
        #expect(try a.store.syncDigest() == b.store.syncDigest())
        let bodies = try DatabaseQueue(path: dir.file("b.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT CAST(body AS TEXT) FROM sync_record")
        }
        #expect(!bodies.contains { $0.contains("secret@b.example") })
        #expect(throws: (any Error).self) { try b.store.people.person(code: "PW-002") }
    }
}
