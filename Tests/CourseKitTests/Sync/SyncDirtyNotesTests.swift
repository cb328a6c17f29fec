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

    /// Recording reads rows ahead, hundreds at a time; a row given its id meanwhile by a
    /// reference to it (someone merged into a person recorded later in the round) keeps that id:
    /// one record each, under the id the table holds, and the reference names it. 1,200 people
    /// cross the batches' edges.
    @Test func aRowGivenItsIDByAReferenceKeepsIt() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024"])
        let ids = try store.write { db in
            let ids = try (0..<1_200).map { i in
                var person = Person(code: "M-\(i)", givenName: "Given\(i)", familyName: "Family\(i)", email: "m\(i)@example.org")
                return try PersonWrites.insert(db, &person)
            }
            for i in stride(from: 0, to: ids.count, by: 2) {
                try db.execute(sql: "UPDATE person SET merged_into = ? WHERE id = ?", arguments: [ids[i + 1], ids[i]])
            }
            return ids
        }
        try DatabaseQueue(path: store.path).read { db in
            #expect(try Self.notes(db) == [])
            var gids: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, gid FROM person WHERE id >= ?", arguments: [ids[0]]) {
                gids[row["id"]] = row["gid"]
            }
            #expect(gids.count == ids.count)
            for (i, id) in ids.enumerated() {
                let gid = try #require(gids[id])
                let bodies = try Data.fetchAll(db, sql: "SELECT body FROM sync_record WHERE gid = ?", arguments: [gid])
                #expect(bodies.count == 1, "person \(i): \(bodies.count) records under \(gid)")
                guard let body = bodies.first else { continue }
                let record = try SyncRecord.decode(body)
                let merged = record.fields?["merged_into"]
                #expect(merged == (i % 2 == 0 ? .text(gids[ids[i + 1]]!) : .null), "person \(i)")
            }
        }
    }

    /// A roster import notes the people and nominations it adds in one statement per table
    /// (`SyncRecorder.notingInsertsSetWise`): the notes its triggers would have made one by one,
    /// updates still noted by theirs, the triggers back afterwards, and back too when the write fails.
    @Test func insertsNotedSetWiseAreTheNotesTheTriggersMake() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024"])
        try DatabaseQueue(path: store.path).write { db in
            let triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            let schema = try Row.fetchAll(db, sql: triggers)
            let course = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM course WHERE code = 'mini-2024'"))
            let existing = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE code = 'T-001'"))
            func write() throws {
                for i in 0..<3 {
                    var person = Person(code: "N-\(i)", givenName: "Given\(i)", familyName: "Family\(i)", email: "n\(i)@example.org")
                    let id = try PersonWrites.insert(db, &person)
                    _ = try EnrolmentWrites.insert(db, courseID: course, personID: id, role: .participant, status: .confirmed)
                }
                try db.execute(sql: "UPDATE person SET phone = '+680 555 0101' WHERE id = ?", arguments: [existing])
                // The newest row deleted and its key given again: the delete trigger's note stands.
                var gone = Person(code: "N-GONE", givenName: "Gone", familyName: "Soon")
                let key = try PersonWrites.insert(db, &gone)
                try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [key])
                var again = Person(code: "N-AGAIN", givenName: "Again", familyName: "Here")
                #expect(try PersonWrites.insert(db, &again) == key)
            }
            func notes(_ body: () throws -> Void) throws -> [String] {
                var noted: [String] = []
                try db.inSavepoint {
                    try db.execute(sql: "DELETE FROM sync_dirty")
                    try body()
                    noted = try Self.notes(db)
                    return .rollback
                }
                return noted
            }
            let perRow = try notes(write)
            let setWise = try notes { try SyncRecorder.notingInsertsSetWise(db, tables: ["person", "enrolment"], write) }
            #expect(perRow.count == 8)  // three people, their three nominations, the person updated, the key given twice
            #expect(setWise == perRow)
            #expect(try Row.fetchAll(db, sql: triggers) == schema)
            struct Refused: Error {}
            try db.inSavepoint {
                #expect(throws: Refused.self) {
                    try SyncRecorder.notingInsertsSetWise(db, tables: ["person", "enrolment"]) {
                        try write()
                        throw Refused()
                    }
                }
                return .rollback
            }
            #expect(try Row.fetchAll(db, sql: triggers) == schema)
        }
    }

    /// An id derived from one made in the same recording needs no look-up, but only the ids it
    /// is derived from count: a nomination re-created for someone already known, substituted by
    /// a walk-in made in the same write, still names the records of the nomination it re-creates.
    @Test func aReferenceOutsideTheNaturalKeyLeavesTheLookUps() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024"])
        let (course, person) = try store.write { db in
            let course = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM course WHERE code = 'mini-2024'"))
            let person = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE code = 'T-001'"))
            try db.execute(sql: "DELETE FROM enrolment WHERE course_id = ? AND person_id = ?", arguments: [course, person])
            return (course, person)
        }
        try store.write { db in
            var walkIn = Person(code: "W-NEW-1", givenName: "Walk", familyName: "In")
            let substitute = try PersonWrites.insert(db, &walkIn)
            _ = try EnrolmentWrites.insert(
                db, courseID: course, personID: person, role: .participant, status: .confirmed, substitutedBy: substitute)
        }
        try DatabaseQueue(path: store.path).read { db in
            let gid = try #require(
                try String.fetchOne(
                    db, sql: "SELECT gid FROM enrolment WHERE course_id = ? AND person_id = ?", arguments: [course, person]))
            let bodies = try Data.fetchAll(db, sql: "SELECT body FROM sync_record WHERE gid = ? ORDER BY seq", arguments: [gid])
            #expect(bodies.count >= 3, "made, removed, made again: \(bodies.count)")
            let last = try SyncRecord.decode(try #require(bodies.last))
            #expect(last.prev?.isEmpty == false, "the re-creation names the records it replaces")
        }
    }
}
