import Foundation
import GRDB

/// How one session's marks add up over a set of people.
public struct SessionMarkTotals: Hashable, Sendable {
    public var present = 0
    public var late = 0
    public var excused = 0
    public var absent = 0

    public init(present: Int = 0, late: Int = 0, excused: Int = 0, absent: Int = 0) {
        self.present = present; self.late = late; self.excused = excused; self.absent = absent
    }

    /// People with any mark.
    public var marked: Int { present + late + excused + absent }
    /// Present or late: in the room.
    public var attending: Int { present + late }
}

extension Attendance {
    /// Per session, the current marks of the people a roster query admits, counted in SQL over
    /// the derived `attendance_mark` table: the overview's "marked/present" and the matrix's
    /// column totals, without reading the event log.
    ///
    /// Filters on nomination status, role, sex and country alone (the overview's "expected"
    /// people, a country's officials) read the trigger-kept `session_tally`, a few rows per
    /// session; an agency or completion filter joins the marks of the people it admits.
    public func markTotals(_ query: RosterQuery) throws -> [Int64: SessionMarkTotals] {
        try read { db in
            let f = query.filter
            if f.agencyID == nil, f.completed == nil, f.sessionMark == nil {
                var sql = """
                    SELECT t.session_id AS s, t.mark AS st, sum(t.n) AS n FROM session_tally t JOIN session x ON x.id = t.session_id
                    WHERE x.course_id = ? AND t.mark <> 'cleared'
                    """
                var arguments: [any DatabaseValueConvertible] = [query.courseID]
                if let status = f.status { sql += " AND t.nomination = ?"; arguments.append(status.rawValue) }
                if let role = f.role { sql += " AND t.role = ?"; arguments.append(role.rawValue) }
                if let sex = f.sex { sql += " AND t.sex = ?"; arguments.append(sex.rawValue) }
                if let country = f.country { sql += " AND t.country = ?"; arguments.append(country) }
                if f.rollCallOnly { sql += " AND " + Self.rollCallTally }
                return Self.totals(
                    try Row.fetchAll(
                        db, sql: sql + " GROUP BY t.session_id, t.mark",
                        arguments: StatementArguments(arguments)))
            }
            let (filter, arguments) = RosterBrowser.filterSQL(query.filter)
            return Self.totals(
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT m.session_id AS s, m.status AS st, count(*) AS n
                        FROM (SELECT person_id FROM roster_index INDEXED BY roster_by_name WHERE course_id = ? \(filter)) r
                        JOIN session s ON s.course_id = ?
                        JOIN attendance_mark m ON m.session_id = s.id AND m.person_id = r.person_id
                        WHERE m.status <> 'cleared'
                        GROUP BY m.session_id, m.status
                        """, arguments: StatementArguments([query.courseID] + arguments + [query.courseID])))
        }
    }

    /// The `session_tally t` rows of the people a roll call expects (`RosterFilter.rollCallOnly`):
    /// one condition, so the overview's counts and the course list's rate count the same people.
    static let rollCallTally =
        "t.nomination IN ('nominated', 'confirmed', 'walk-in') AND t.role IN ('participant', 'observer')"

    /// Marks counted by status, keyed by the `s` column (a session, or a course for the list).
    static func totals(_ rows: [Row]) -> [Int64: SessionMarkTotals] {
        var totals: [Int64: SessionMarkTotals] = [:]
        for row in rows {
            let session: Int64 = row["s"]
            totals[session, default: .init()].add(AttendanceStatus(rawValue: row["st"]), row["n"])
        }
        return totals
    }

    /// The current marks of some people in a course's sessions: person id → session id →
    /// status, people and sessions without a mark left out. The matrix asks for the rows it
    /// shows, so this stays small however large the course.
    public func currentMarks(courseID: Int64, personIDs: [Int64]) throws -> [Int64: [Int64: AttendanceStatus]] {
        guard !personIDs.isEmpty else { return [:] }
        return try read { db in
            var result: [Int64: [Int64: AttendanceStatus]] = [:]
            for chunk in stride(from: 0, to: personIDs.count, by: 500).map({ Array(personIDs[$0..<min($0 + 500, personIDs.count)]) }) {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT m.person_id, m.session_id, m.status FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = ? AND m.status <> 'cleared'
                          AND m.person_id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                        """, arguments: StatementArguments([courseID] + chunk))
                for row in rows {
                    if let status = AttendanceStatus(rawValue: row["status"]) {
                        result[row["person_id"], default: [:]][row["session_id"]] = status
                    }
                }
            }
            return result
        }
    }

    /// Of these people's current marks in a course, those where the person left before the end
    /// (the winning event carries a departure): person id → session ids, for the matrix's `P½`.
    /// Only pairs with some departure in their log are read, found on the partial index of such
    /// events (v22), and each is decided by `MarkRule`.
    public func leftEarly(courseID: Int64, personIDs: [Int64]) throws -> [Int64: Set<Int64>] {
        guard !personIDs.isEmpty else { return [:] }
        return try read { db in
            var result: [Int64: Set<Int64>] = [:]
            for chunk in stride(from: 0, to: personIDs.count, by: 500).map({ Array(personIDs[$0..<min($0 + 500, personIDs.count)]) }) {
                let pairs = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT e.person_id, e.session_id FROM attendance_event e INDEXED BY attendance_departure
                        WHERE e.departure_ms IS NOT NULL AND e.person_id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                          AND e.session_id IN (SELECT id FROM session WHERE course_id = ?)
                        """, arguments: StatementArguments(chunk + [courseID]))
                for pair in pairs {
                    let personID: Int64 = pair["person_id"], sessionID: Int64 = pair["session_id"]
                    let events = try Self.events(db, sessionID: sessionID, personID: personID)
                    if let mark = MarkRule.currentMark(of: events), mark.departure != nil, mark.status.isAttending {
                        result[personID, default: []].insert(sessionID)
                    }
                }
            }
            return result
        }
    }
}
