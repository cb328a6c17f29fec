@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// What notes a row for recording (`sync_dirty`), and that a recording takes every note out.
@Suite struct SyncDirtyNotesTests {
    static func notes(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT entity, key FROM sync_dirty ORDER BY entity, key").map { "\($0[0] as String) \($0[1] as String)" }
    }

    /// v25: the update that gives a row its id is the one update not noted (the row was noted
    /// when it was made); every other update is, the id's removal included.
    @Test func givingARowItsIDIsTheOneUpdateNotNoted() throws {
        let dir = TemporaryDirectory()
        let path = try importStore(dir, courses: ["mini-2024"]).path
        try DatabaseQueue(path: path).write { db in
            #expect(try Self.notes(db) == [])
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE code = 'T-001'"))
            try db.execute(sql: "UPDATE person SET phone = '+680 555 0000' WHERE id = ?", arguments: [id])
            #expect(try Self.notes(db) == ["person \(id)"])
            try db.execute(sql: "DELETE FROM sync_dirty")
            try db.execute(sql: "UPDATE person SET gid = NULL WHERE id = ?", arguments: [id])
            #expect(try Self.notes(db) == ["person \(id)"])
            try db.execute(sql: "DELETE FROM sync_dirty")
            try db.execute(sql: "UPDATE person SET gid = 'x-gid' WHERE id = ?", arguments: [id])
            #expect(try Self.notes(db) == [])
            try db.execute(sql: "UPDATE person SET gid = 'y-gid' WHERE id = ?", arguments: [id])
            #expect(try Self.notes(db) == ["person \(id)"])
        }
    }

    /// A roster import's rows are recorded once each, given their ids, and leave no note behind.
    @Test func anImportLeavesNoNotesAndOneRecordPerNewRow() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024"])
        let before = try DatabaseQueue(path: store.path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_record") ?? 0 }
        let csv = "given,family,email\n" + (0..<25).map { "Given\($0),Family\($0),p\($0)@example.org" }.joined(separator: "\n") + "\n"
        let report = try store.rosterImporter.importRoster(data: Data(csv.utf8), name: "r.csv", course: "mini-2024")
        #expect(report.newPeople.count == 25)
        try DatabaseQueue(path: store.path).read { db in
            #expect(try Self.notes(db) == [])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE gid IS NULL") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM enrolment WHERE gid IS NULL") == 0)
            // 25 people and their 25 enrolments: one put each, nothing recorded twice.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_record") == before + 50)
            // Each enrolment's id is derived from its course's and person's (read once per recording).
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT e.gid, c.gid AS course, p.gid AS person FROM enrolment e JOIN person p ON p.id = e.person_id JOIN course c ON c.id = e.course_id"
            )
            #expect(rows.count >= 25)
            for row in rows {
                #expect(row["gid"] as String == GlobalID.enrolment(course: row["course"], person: row["person"]))
            }
        }
    }
}
