import Foundation
import GRDB

/// How a roster import keeps `roster_index`, `roster_count`, `session_tally` and `enrolment_count` right while it writes enrolments.
enum DerivedUpkeep: Sendable, Equatable {
    /// Set-wise when the import is big beside the course's roster, per row otherwise.
    case automatic
    /// Through the triggers on `enrolment`, one row at a time (what every other writer does).
    case perRow
    /// Triggers suspended for the import; the course's rows rebuilt in a few statements after it.
    case setWise

    /// Below this many enrolments written, the triggers cost less than the rebuild's fixed part.
    static let minimumForSetWise = 500

    /// Whether an import writing `changes` enrolment rows into a course of `existing` enrolments
    /// should rebuild. Measured on a 100,000-row roster (release, sqlite3 CLI): the triggers cost
    /// ~50 µs of CPU per enrolment, the sorted set-wise insert ~18 µs per row of the course; the
    /// rebuild rewrites the course's existing rows as well, so it pays once the import is at least
    /// as big as what is there already.
    func setWise(changes: Int, existing: Int) -> Bool {
        switch self {
        case .perRow: false
        case .setWise: changes > 0
        case .automatic: changes >= Self.minimumForSetWise && changes >= existing
        }
    }
}

/// Bulk upkeep of the derived roster tables for a big import.
///
/// Every writer keeps `roster_index` (one row per enrolment, ten covering indexes) and
/// `session_tally` right through per-row triggers on `enrolment` (v3-derived-roster,
/// v15-session-tally-by-sex-and-country). For 100,000 new enrolments those triggers are most of the import's time:
/// each row is an index-row insert in ten B-trees in file order, an `UPDATE` with three counting
/// subqueries and a tally upsert. Here they are dropped inside the import's transaction, the
/// enrolments written, the course's rows rebuilt with one sorted `INSERT … SELECT` per table, and
/// the triggers created again from the SQL SQLite stored for them, before the transaction commits.
///
/// Why this is safe with other processes writing to the same file: the whole thing is one
/// IMMEDIATE transaction, so no other writer runs while the triggers are gone (they wait on the
/// write lock, then see the schema as committed, triggers included), and readers keep reading
/// the snapshot they started with. A crash or an error anywhere rolls the drop back with
/// everything else. A flag table read by the triggers would have done the same at the price of
/// a lookup in every other writer's triggers, and of rewriting shipped triggers in a migration;
/// a TEMP flag cannot work, since triggers in the main schema cannot see TEMP tables.
/// Re-creating from `sqlite_master` means a later migration that changes these triggers changes
/// what comes back, not a copy here.
enum DerivedRoster {
    /// The triggers whose work `rebuild` does. Deletions of enrolments are left alone: imports
    /// never delete. `roster_count`'s triggers are on `roster_index`, which the rebuild rewrites.
    static let enrolmentTriggers = [
        "enrolment_index_insert", "enrolment_index_update", "enrolment_tally_insert",
        "enrolment_tally_update", "enrolment_count_insert", "enrolment_count_update",
        "roster_count_insert", "roster_count_update", "roster_count_delete",
    ]

    /// Runs `body` (which writes the course's enrolments) with the enrolment triggers suspended,
    /// then rebuilds the course's derived rows and restores the triggers. Must run inside the
    /// caller's write transaction. Returns false without running `body` when the schema does not
    /// have exactly those triggers (a migration renamed them): the caller then writes per row.
    static func withTriggersSuspended(_ db: Database, courseID: Int64, _ body: () throws -> Void) throws -> Bool {
        try withTriggersSuspended(db, courses: { [courseID] }, body)
    }

    /// The same for a write that may touch any course (a big sync bundle): `courses`, asked
    /// after `body`, are the courses rebuilt. While the triggers are gone `roster_count` follows
    /// no change of `roster_index` anywhere, so they must be every course `body` could touch.
    static func withTriggersSuspended(_ db: Database, courses: () throws -> [Int64], _ body: () throws -> Void) throws -> Bool {
        guard db.isInsideTransaction else { throw MusterError.database("bulk roster upkeep needs a transaction") }
        let triggers = try SuspendedTriggers(db, names: enrolmentTriggers)
        guard triggers.saved.count == enrolmentTriggers.count else { return false }
        try triggers.drop(db)
        try body()
        for courseID in try courses() { try rebuild(db, courseID: courseID) }
        try triggers.restore(db)
        return true
    }

    /// Rewrites the course's rows of `roster_index`, `roster_count`, `session_tally` and `enrolment_count` from the tables they
    /// derive from, giving what the per-row triggers would have left (the tally without the
    /// zero-count rows the triggers can leave behind; readers sum `n`, so those never count).
    static func rebuild(_ db: Database, courseID: Int64) throws {
        // Sorted by name: most of the ten indexes lead with the course and a column of few values
        // (sex, country, role, status, agency, attendance) followed by the name, so rows in name
        // order land on a handful of insertion points instead of anywhere in each B-tree.
        // Measured on 100,000 enrolments: 1.8 s of CPU in name order, 2.9 s in enrolment order.
        // `completed` as v29's triggers write it (`Completion.evaluate`'s rule), from the
        // course's facts in `course_completion`.
        try db.execute(sql: "DELETE FROM roster_index WHERE course_id = ?", arguments: [courseID])
        try db.execute(
            sql: """
                INSERT INTO roster_index(enrolment_id, course_id, person_id, code, name_key, sex, country, agency_id,
                                         agency_key, role, status, nominated_by, attended, marked, core_attended, completed)
                SELECT e.id, e.course_id, p.id, p.code, p.sort_key, p.sex, p.country, p.agency_id,
                       coalesce(lower(coalesce(nullif(a.acronym, ''), a.name)), ''), e.role, e.status, e.nominated_by,
                       coalesce(t.attended, 0), coalesce(t.marked, 0), coalesce(t.core_attended, 0),
                       f.sessions > 0 AND coalesce(t.attended, 0) >= f.required AND coalesce(t.core_attended, 0) >= f.core_required
                FROM course_completion f
                JOIN enrolment e ON e.course_id = f.course_id
                JOIN person p ON p.id = e.person_id
                LEFT JOIN agency a ON a.id = p.agency_id
                LEFT JOIN (SELECT m.person_id,
                                  sum(m.status IN ('present', 'late')) AS attended,
                                  sum(m.status <> 'cleared') AS marked,
                                  sum(s.core AND m.status IN ('present', 'late')) AS core_attended
                           FROM attendance_mark m JOIN session s ON s.id = m.session_id
                           WHERE s.course_id = ?1 GROUP BY m.person_id) t ON t.person_id = e.person_id
                WHERE f.course_id = ?1 AND e.course_id = ?1
                ORDER BY p.sort_key, p.id
                """, arguments: [courseID])
        try db.execute(
            sql: "DELETE FROM session_tally WHERE session_id IN (SELECT id FROM session WHERE course_id = ?)",
            arguments: [courseID])
        try db.execute(
            sql: """
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT m.session_id, m.status, e.status, e.role, p.sex, p.country, count(*)
                FROM attendance_mark m JOIN session s ON s.id = m.session_id
                JOIN enrolment e ON e.course_id = s.course_id AND e.person_id = m.person_id
                JOIN person p ON p.id = m.person_id
                WHERE s.course_id = ?1
                GROUP BY m.session_id, m.status, e.status, e.role, p.sex, p.country
                """, arguments: [courseID])
        try db.execute(sql: "DELETE FROM roster_count WHERE course_id = ?", arguments: [courseID])
        try db.execute(
            sql: """
                INSERT INTO roster_count(course_id, status, role, sex, country, agency_id, quota_agency, n)
                SELECT course_id, status, role, sex, country, coalesce(agency_id, 0), coalesce(agency_id, nominated_by, 0), count(*)
                FROM roster_index WHERE course_id = ? GROUP BY 2, 3, 4, 5, 6, 7
                """, arguments: [courseID])
        try db.execute(sql: "DELETE FROM enrolment_count WHERE course_id = ?", arguments: [courseID])
        try db.execute(
            sql: """
                INSERT INTO enrolment_count(course_id, status, role, n)
                SELECT course_id, status, role, count(*) FROM enrolment WHERE course_id = ? GROUP BY status, role
                """, arguments: [courseID])
    }
}
