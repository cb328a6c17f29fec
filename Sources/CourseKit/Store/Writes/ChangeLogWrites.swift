import Foundation
import GRDB

/// Writes to `change_log` and `change_subject` (which people each change concerns, so their
/// audit trail and their erasure find it without reading the whole log).
enum ChangeLogWrites {
    /// Appends one entry and links it to `subjects`; returns its id.
    static func append(
        _ db: Database, recordedAt: Date, actor: String, device: String, entity: String, entityID: Int64?,
        courseID: Int64?, action: String, summary: String, words: String, beforeJSON: String, afterJSON: String,
        undoes: Int64?, source: String, subjects: Set<Int64>
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO change_log (recorded_ms, actor, device, entity, entity_id, course_id, action, summary,
                                        summary_words, before_json, after_json, undoes, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                recordedAt.ms, actor, device, entity, entityID, courseID, action, summary, words,
                beforeJSON, afterJSON, undoes, source,
            ])
        let id = db.lastInsertedRowID
        try link(db, changeID: id, people: subjects.sorted())
        return id
    }

    /// Links a change to people.
    static func link(_ db: Database, changeID: Int64, people: [Int64]) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO change_subject(person_id, change_id) VALUES (?, ?)")
        for person in people { try statement.execute(arguments: [person, changeID]) }
    }

    /// Links a change to the people of enrolments.
    static func link(_ db: Database, changeID: Int64, enrolments: [Int64]) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO change_subject(person_id, change_id) SELECT person_id, ? FROM enrolment WHERE id = ?
                """)
        for id in enrolments { try statement.execute(arguments: [changeID, id]) }
    }

    /// Links a roster import's change to everyone it created or enrolled, in one statement: the
    /// rows with ids above the marks taken before it wrote (a 100,000-row import stays one statement).
    static func link(_ db: Database, changeID: Int64, peopleAfter person: Int64, enrolmentsAfter enrolment: Int64) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO change_subject(person_id, change_id)
                SELECT id, ?1 FROM person WHERE id > ?2
                UNION SELECT person_id, ?1 FROM enrolment WHERE id > ?3
                """, arguments: [changeID, person, enrolment])
    }

    /// Rewrites an entry's text with an erased person's details scrubbed out.
    static func scrub(_ db: Database, id: Int64, summary: String, words: String?, beforeJSON: String, afterJSON: String) throws {
        try db.execute(
            sql: "UPDATE change_log SET summary = ?, summary_words = ?, before_json = ?, after_json = ? WHERE id = ?",
            arguments: [summary, words, beforeJSON, afterJSON, id])
    }
}
