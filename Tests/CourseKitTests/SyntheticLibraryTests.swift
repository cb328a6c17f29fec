import CourseKit
import Foundation
import GRDB
import MusterDev
import Testing
import TestSupport

/// `muster dev generate --courses`: the library the benchmarks run on has the promised shape,
/// its derived tables agree with what was written, the roster CSV holds the same people, and the
/// same seed gives the same library.
@Suite struct SyntheticLibraryTests {
    static let spec = SyntheticLibrarySpec(people: 400, courses: 12, sessions: 4, events: 3_000, bigCourse: "syn-big", seed: 7)

    func generate(_ dir: TemporaryDirectory, _ name: String) throws -> (CourseStore, SyntheticLibrarySummary, String) {
        let store = try CourseStore(path: dir.file(name))
        var csv = ""
        let summary = try SyntheticData(store: store).generateLibrary(Self.spec, roster: { csv += $0 })
        return (store, summary, csv)
    }

    @Test func shapeCountsAndDerivedTables() throws {
        let dir = TemporaryDirectory()
        let (store, summary, csv) = try generate(dir, "a.sqlite")
        #expect(summary.people == 400 && summary.courses == 12 && summary.sessions == 48)
        #expect(try store.attendance.eventCount() == summary.events)
        // Steered towards the target: within a fifth of it at this small size.
        #expect(abs(summary.events - 3_000) < 600, "\(summary.events) events")
        let big = try store.courses.course(code: "syn-big")
        #expect(try store.rosters.roster(courseID: big.id!).count == 400)
        let counts = try DatabaseQueue(path: store.path).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM enrolment")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM roster_index")!,
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT country) FROM person")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE email LIKE 'syn%@example.org'")!
            )
        }
        #expect(counts.0 == summary.enrolments && counts.1 == summary.enrolments)
        #expect(counts.2 >= 10 && counts.3 == 400)
        // The SQL-derived current marks agree with the rule applied to the events.
        let marks = try store.attendance.marks(courseID: big.id!)
        let derived = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.session_id, m.person_id, m.status FROM attendance_mark m JOIN session s ON s.id = m.session_id
                    WHERE s.course_id = ?
                    """, arguments: [big.id!])
        }
        #expect(!derived.isEmpty)
        for row in derived {
            let status: String = row["status"]
            #expect(status == marks[row["session_id"]]?[row["person_id"]]?.status.rawValue ?? "cleared")
        }
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 401)
        #expect(lines.first == "First name,Last name,Email,Gender,Country,Organisation,Job title,Phone")
        #expect(lines.dropFirst().allSatisfy { $0.contains("@example.org") })
    }

    @Test func sameSeedSameLibrary() throws {
        let dir = TemporaryDirectory()
        let (a, _, csvA) = try generate(dir, "a.sqlite")
        let (b, _, csvB) = try generate(dir, "b.sqlite")
        #expect(csvA == csvB)
        let sql = "SELECT id || status || recorded_ms FROM attendance_event ORDER BY id"
        let eventsA = try DatabaseQueue(path: a.path).read { try String.fetchAll($0, sql: sql) }
        let eventsB = try DatabaseQueue(path: b.path).read { try String.fetchAll($0, sql: sql) }
        #expect(eventsA == eventsB)
        #expect(throws: MusterError.self) { try SyntheticData(store: a).generateLibrary(Self.spec) }
    }
}
