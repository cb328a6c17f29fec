import Foundation
import GRDB

/// One line of the course list: the course and the counts people look for first.
public struct CourseSummary: Hashable, Sendable {
    public var course: Course
    public var sessionCount: Int
    /// People expected in the room: nominated, confirmed or walk-in.
    public var enrolled: Int
    /// The session running now or the next one to start, if any.
    public var nextSession: Session?
    /// Its retention period is over and people on its roster still have names: `muster purge
    /// --expired` would erase them (unless another course still needs them).
    public var pastRetention: Bool = false
    /// The marks of the people the roll call expects, over every session: the attendance rate
    /// is `marks.attending` of `marks.marked`. Empty from `courseSummaries`; `attendanceTotals`
    /// fills it, apart and for the rows on screen, so the list's first frame never waits for it.
    public var marks = SessionMarkTotals()
}

/// A person on a course's roster with their enrolment and agency resolved.
public struct RosterEntry: Hashable, Sendable, Identifiable {
    public var person: Person
    public var enrolment: Enrolment
    public var agency: Agency?
    public var id: Int64 { person.id ?? 0 }
}
extension Courses {
    /// True when no course has ever been loaded: the cue to seed from `courses/`.
    public func isEmpty() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM course") == 0 }
    }

    public func courses() throws -> [Course] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM course ORDER BY start_date DESC, code").map(Course.init(row:)) }
    }

    /// Per course of `courseIDs`, the marks of the people its roll call expects over all its
    /// sessions (the course list's attendance rate), from the trigger-kept tallies: a few rows
    /// per session, so a course of 100,000 costs what one of 20 does. Asked for the courses a
    /// list shows, not for all: every course's tallies on the 100k library are 490,000 rows,
    /// half a second to read, and the app's loop waits for each read it makes. A course with no
    /// marks has no entry.
    public func attendanceTotals(courseIDs: [Int64]) throws -> [Int64: SessionMarkTotals] {
        try read { db in
            var totals: [Int64: SessionMarkTotals] = [:]
            for start in stride(from: 0, to: courseIDs.count, by: 500) {
                let chunk = Array(courseIDs[start..<min(courseIDs.count, start + 500)])
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.course_id AS s, t.mark AS st, sum(t.n) AS n
                        FROM session s JOIN session_tally t ON t.session_id = s.id
                        WHERE s.course_id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))
                          AND t.mark <> 'cleared' AND \(Attendance.rollCallTally)
                        GROUP BY s.course_id, t.mark
                        """, arguments: StatementArguments(chunk))
                totals.merge(Attendance.totals(rows)) { a, _ in a }
            }
            return totals
        }
    }

    /// Every course with its counts, newest first, in one read. The enrolled count is a sum over
    /// `enrolment_count` (v21). Counted on the roster index's wide status index it was most of
    /// the list's time on the 100k library (45–60 of 64–82 ms); on v20's narrow index, 16 ms.
    ///
    /// `first`: only the first that many in that order, for the list's first frame (on a library
    /// of 1,000 courses the whole list took 18–27 ms, the first screenful well under one).
    public func courseSummaries(first: Int? = nil) throws -> [CourseSummary] {
        let now = clock().ms
        let from = first.map { "(SELECT * FROM course ORDER BY start_date DESC, code LIMIT \(max(0, $0)))" } ?? "course"
        return try read { db in
            // Columns by index, looked up once (`IndexedRow`): by name, GRDB lowercased every
            // column name on every read, 14 % of `muster courses` on a library of 1,000 courses.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*,
                      (SELECT count(*) FROM session s WHERE s.course_id = c.id) AS n_sessions,
                      (SELECT coalesce(sum(x.n), 0) FROM enrolment_count x WHERE x.course_id = c.id
                         AND x.status IN ('nominated', 'confirmed', 'walk-in')) AS n_enrolled,
                      (SELECT s.id FROM session s WHERE s.course_id = c.id AND s.end_ms > ?
                         ORDER BY s.start_ms LIMIT 1) AS next_id
                    FROM \(from) c ORDER BY c.start_date DESC, c.code
                    """, arguments: [now]
            ) { row in
                (
                    course: Course(row: row), sessions: row["n_sessions"] as Int, enrolled: row["n_enrolled"] as Int,
                    next: row["next_id"] as Int64?
                )
            }
            // The next sessions in one read, not one statement per course.
            let nextIDs = rows.compactMap(\.next)
            var next: [Int64: Session] = [:]
            for chunk in stride(from: 0, to: nextIDs.count, by: 500).map({ Array(nextIDs[$0..<min($0 + 500, nextIDs.count)]) }) {
                for session in try Row.fetchAll(
                    db, sql: "SELECT * FROM session WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                    arguments: StatementArguments(chunk), decoding: { Session(row: $0) })
                {
                    if let id = session.id { next[id] = session }
                }
            }
            return try rows.map { row in
                // Counted only for the few courses past their period: the list stays one cheap read.
                let past =
                    try row.course.isPastRetention(at: Date(ms: now))
                    && (Bool.fetchOne(
                        db,
                        sql: """
                            SELECT 1 FROM enrolment e JOIN person p ON p.id = e.person_id
                            WHERE e.course_id = ? AND p.given_name || p.family_name <> '' LIMIT 1
                            """, arguments: [row.course.id]) ?? false)
                return CourseSummary(
                    course: row.course, sessionCount: row.sessions, enrolled: row.enrolled,
                    nextSession: row.next.flatMap { next[$0] }, pastRetention: past)
            }
        }
    }

    /// The course with this code, or `unknownCourse`.
    public func course(code: String) throws -> Course {
        let row = try read { db in try Row.fetchOne(db, sql: "SELECT * FROM course WHERE code = ?", arguments: [code]) }
        guard let row else { throw MusterError.unknownCourse(code) }
        return Course(row: row)
    }

    /// A course's sessions in running order.
    public func sessions(courseID: Int64) throws -> [Session] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM session WHERE course_id = ? ORDER BY start_ms, position",
                arguments: [courseID]
            ).map(Session.init(row:))
        }
    }

    /// The session with this short id in the course, or `unknownSession`.
    public func session(course: Course, key: String) throws -> Session {
        let row = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM session WHERE course_id = ? AND key = ?",
                arguments: [course.id, key])
        }
        guard let row else { throw MusterError.unknownSession(course: course.code, session: key) }
        return Session(row: row)
    }

    /// The session running at `date`, else the next to start, else the last one: where a
    /// facilitator who opens a course most likely wants to be.
    public func currentOrNextSession(courseID: Int64, at date: Date? = nil) throws -> Session? {
        let all = try sessions(courseID: courseID)
        let now = date ?? clock()
        return all.first { $0.end > now } ?? all.last
    }

    public func agencies() throws -> [Agency] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM agency ORDER BY code").map(Agency.init(row:)) }
    }
}
