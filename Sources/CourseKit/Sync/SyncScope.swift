import Foundation
import GRDB

/// Which records a bundle of some courses carries: the courses, everything that names them
/// (sessions, nominations, quotas, agencies of the course, even those removed since), the
/// people nominated and the agencies they and their nominations name, the events of the
/// courses' sessions, and erasures of those people. Held in `temp.sync_scope` for the export's query.
enum SyncScope {
    static func prepare(_ db: Database, courses: [String]?) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS sync_scope (gid TEXT PRIMARY KEY) WITHOUT ROWID")
        try db.execute(sql: "DELETE FROM temp.sync_scope")
        guard let courses else { return }
        let marks = courses.map { _ in "?" }.joined(separator: ",")
        try db.execute(
            sql: "INSERT OR IGNORE INTO temp.sync_scope SELECT gid FROM course WHERE code IN (\(marks)) AND gid IS NOT NULL",
            arguments: StatementArguments(courses))
        // Course parts, by the course they were created in (records keep removed ones too); of
        // those written once, by the course their record's body names (`sync_record_by_course`,
        // the same expression and filter).
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO temp.sync_scope
                SELECT gid FROM sync_field WHERE field = 'course_id' AND value IN (SELECT gid FROM temp.sync_scope)
                UNION ALL
                SELECT r.gid FROM sync_record r
                WHERE r.kind = 'put' AND r.entity IN ('session', 'enrolment', 'course_agency', 'quota')
                  AND json_extract(CAST(r.body AS TEXT), '$.fields.course_id') IN (SELECT gid FROM temp.sync_scope)
                  AND NOT EXISTS (SELECT 1 FROM sync_field WHERE gid = r.gid)
                """)
        // The people and agencies the nominations name, then the agencies of those people and of
        // the course, and whom a person was merged into (each kind of body read once).
        try db.execute(
            sql: "INSERT OR IGNORE INTO temp.sync_scope SELECT value FROM ("
                + fieldValues(["person_id", "substituted_by", "nominated_by"], of: ["enrolment"]) + ")")
        try db.execute(
            sql: "INSERT OR IGNORE INTO temp.sync_scope SELECT value FROM ("
                + fieldValues(["agency_id", "merged_into"], of: ["person", "course_agency"]) + ")")
        // Events of the courses' sessions (their record's gid is the event id).
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO temp.sync_scope
                SELECT e.id FROM attendance_event e JOIN session s ON s.id = e.session_id
                JOIN course c ON c.id = s.course_id WHERE c.code IN (\(marks))
                """, arguments: StatementArguments(courses))
    }

    /// Every value but null of `fields` that a put record of `entities` in scope states, as
    /// `gid, value` rows: stored field by field in `sync_field`, or in the body of an entity's
    /// only record (`SyncRecordWrites.fieldsInBodies`), which has the same columns.
    static func fieldValues(_ fields: [String], of entities: [String]) -> String {
        let filter = """
            field IN (\(quoted(fields))) AND entity IN (\(quoted(entities))) AND value IS NOT NULL
              AND gid IN (SELECT gid FROM temp.sync_scope)
            """
        return """
            SELECT gid, value FROM sync_field WHERE \(filter)
            UNION ALL
            SELECT gid, value FROM (\(SyncRecordWrites.fieldsInBodies)) WHERE \(filter)
            """
    }

    private static func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }

    /// The records in scope (all with `courses` nil), entities before events, each by origin and number.
    static func sql(all: Bool, columns: String) -> String {
        """
        SELECT \(columns) FROM sync_record
        \(all ? "" : "WHERE gid IN (SELECT gid FROM temp.sync_scope)")
        ORDER BY kind = 'event', origin, seq
        """
    }
}

/// A digest of the library's synced state by global ids: equal on two libraries exactly when
/// they show the same courses, sessions, agencies, people, nominations, quotas, events, marks,
/// erasures and open conflicts. What the convergence tests compare.
enum SyncDigest {
    static func compute(_ db: Database) throws -> String {
        var hasher = SHA256Hasher()
        for entity in SyncEntity.ordered {
            let columns = try SyncRecorder.columns(db, entity)
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(entity.table) WHERE gid IS NOT NULL ORDER BY gid")
            for row in rows {
                let gid: String = row["gid"]
                var line = "\(entity.table) \(gid)"
                let erased = try entity.table == "person" && SyncErasure.isErased(db, gid: gid)
                for column in columns where !erased || ["code", "sex", "country"].contains(column) {
                    let value = row[column] as DatabaseValue
                    if let target = entity.refs[column], let id = Int64.fromDatabaseValue(value) {
                        let ref = try String.fetchOne(
                            db, sql: "SELECT gid FROM \(target) WHERE \(SyncEntity.named(target)!.key) = ?", arguments: [id])
                        line += " \(column)=>\(ref ?? "?")"
                    } else {
                        line += " \(column)=\(SyncValue(value))"
                    }
                }
                hasher.add(line)
            }
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.status, e.note, s.gid AS s, p.gid AS p FROM attendance_event e
                JOIN session s ON s.id = e.session_id JOIN person p ON p.id = e.person_id ORDER BY e.id
                """)
        {
            hasher.add(
                "event \(row["id"] as String) \(row["s"] as String? ?? "?") \(row["p"] as String? ?? "?") \(row["status"] as String) \(row["note"] as String)"
            )
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT s.gid AS s, p.gid AS p, m.status FROM attendance_mark m
                JOIN session s ON s.id = m.session_id JOIN person p ON p.id = m.person_id ORDER BY s.gid, p.gid
                """)
        {
            hasher.add("mark \(row["s"] as String? ?? "?") \(row["p"] as String? ?? "?") \(row["status"] as String)")
        }
        for gid in try String.fetchAll(db, sql: "SELECT gid FROM sync_erased ORDER BY gid") { hasher.add("erased \(gid)") }
        for conflict in try SyncConflicts.open(db, course: nil) {
            hasher.add("conflict \(conflict.id) \(conflict.candidates.map(\.recordID).sorted().joined(separator: ","))")
        }
        return hasher.hex
    }
}

import Crypto

struct SHA256Hasher {
    var inner = SHA256()
    mutating func add(_ line: String) { inner.update(data: Data((line + "\n").utf8)) }
    var hex: String { inner.finalize().map { String(format: "%02x", $0) }.joined() }
}
