import CourseKit
import Foundation
import GRDB

/// A library's synced state as lines a person can read, by global ids: what `syncDigest()`
/// hashes, written out so a failing convergence run can say which row and field differ rather
/// than only that two digests do. Read straight from the file, so it does not lean on the code
/// it checks.
enum SyncStateDump {
    static let tables = ["agency", "course", "session", "person", "enrolment", "course_agency", "quota"]
    static let refs = [
        "course_id": "course", "person_id": "person", "session_id": "session", "agency_id": "agency",
        "nominated_by": "agency", "substituted_by": "person", "merged_into": "person",
    ]

    static func lines(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            var out: [String] = []
            var gids: [String: [Int64: String]] = [:]
            for table in ["course", "session", "person", "agency"] {
                gids[table] = Dictionary(
                    try Row.fetchAll(db, sql: "SELECT id, gid FROM \(table)").map { ($0["id"] as Int64, ($0["gid"] as String?) ?? "?") },
                    uniquingKeysWith: { a, _ in a })
            }
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE gid IS NOT NULL ORDER BY gid") {
                    var line = "\(table) \(row["gid"] as String)"
                    for column in row.columnNames where !["id", "gid", "sort_key"].contains(column) {
                        let value = row[column] as DatabaseValue
                        if let target = refs[column], let id = Int64.fromDatabaseValue(value) {
                            line += " \(column)=>\(gids[target]?[id] ?? "?\(id)")"
                        } else {
                            line += " \(column)=\(value)"
                        }
                    }
                    out.append(line)
                }
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.status, e.note, e.undoes, e.source, s.gid AS s, p.gid AS p, p.code FROM attendance_event e
                    JOIN session s ON s.id = e.session_id JOIN person p ON p.id = e.person_id ORDER BY e.id
                    """)
            {
                out.append(
                    "event \(row["id"] as String) \(row["s"] as String? ?? "?") \(row["p"] as String? ?? "?") (\(row["code"] as String)) "
                        + "\(row["status"] as String) \(row["source"] as String) undoes=\(row["undoes"] as String? ?? "-")")
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.gid AS s, s.key, p.gid AS p, p.code, m.status FROM attendance_mark m
                    JOIN session s ON s.id = m.session_id JOIN person p ON p.id = m.person_id ORDER BY s.gid, p.gid
                    """)
            {
                out.append(
                    "mark \(row["s"] as String? ?? "?") (\(row["key"] as String)) \(row["p"] as String? ?? "?") (\(row["code"] as String)) "
                        + "\(row["status"] as String)")
            }
            out += try String.fetchAll(db, sql: "SELECT gid FROM sync_erased ORDER BY gid").map { "erased \($0)" }
            return out
        }
    }

    /// The lines only one side has, at most `limit` of each, as "- oracle only" / "+ device only".
    static func diff(_ device: String, against oracle: String, limit: Int = 12) throws -> String {
        let mine = Set(try lines(device)), theirs = Set(try lines(oracle))
        let missing = theirs.subtracting(mine).sorted(), extra = mine.subtracting(theirs).sorted()
        if missing.isEmpty && extra.isEmpty { return "the dumped rows agree (the difference is in conflicts)" }
        return (missing.prefix(limit).map { "  - \($0)" } + extra.prefix(limit).map { "  + \($0)" }).joined(separator: "\n")
            + "\n  (\(missing.count) lines only the oracle has, \(extra.count) only the device)"
    }
}
