import Foundation
import GRDB

/// The SQL the roster browser's queries are built from: a filter's conditions (the session
/// mark's through the event log, so a guest's own marks count), the completion rule, an order,
/// and lists bound as one JSON argument so every statement keeps one shape and stays cached.
extension RosterBrowser {
    static func rosterFacts(_ db: Database, courseID: Int64) throws -> RosterCourseFacts {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT c.minimum_share, c.require_core,
                           (SELECT count(*) FROM session s WHERE s.course_id = c.id) AS n,
                           (SELECT count(*) FROM session s WHERE s.course_id = c.id AND s.core) AS core
                    FROM course c WHERE c.id = ?
                    """), arguments: [courseID])
        guard let row else { throw MusterError.refused(.noCourse(id: courseID)) }
        return RosterCourseFacts(
            rule: CompletionRule(minimumShare: row["minimum_share"], requireCore: row["require_core"]),
            sessionCount: row["n"], coreCount: row["core"])
    }

    /// `AND column = ?` for each of the filter's sex, country, agency, role and status, with
    /// their arguments: the dimensions both `roster_index` and `roster_count` hold. `noAgency`:
    /// how the table says "no agency" (`roster_count` stores 0, `RosterFilter.noAgency`).
    static func equalitySQL(_ f: RosterFilter, noAgency: String?) -> (String, [any DatabaseValueConvertible]) {
        var sql = ""
        var arguments: [any DatabaseValueConvertible] = []
        func equal(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            sql += " AND \(column) = ?"
            arguments.append(value)
        }
        equal("sex", f.sex?.rawValue)
        equal("country", f.country)
        if let agency = f.agencyID {
            if agency == RosterFilter.noAgency, let noAgency { sql += " AND \(noAgency)" } else { equal("agency_id", agency) }
        }
        equal("role", f.role?.rawValue)
        equal("status", f.status?.rawValue)
        return (sql, arguments)
    }

    /// `AND …` conditions for a filter, with their arguments in order. `journal`: a guest's own
    /// marks in the session of `f.sessionMark` that the library's derived marks lack (they win).
    static func filterSQL(
        _ f: RosterFilter, journal: [Int64: AttendanceEvent?] = [:]
    ) -> (String, [any DatabaseValueConvertible]) {
        var (sql, arguments) = equalitySQL(f, noAgency: "agency_id IS NULL")
        if f.rollCallOnly {
            sql += " AND status IN ('nominated', 'confirmed', 'walk-in') AND role IN ('participant', 'observer')"
        }
        if let completed = f.completed {
            sql += completed ? " AND (\(completedSQL))" : " AND NOT (\(completedSQL))"
        }
        if let mark = f.sessionMark, mark.marks != .all {
            let (clause, clauseArguments) = sessionMarkSQL(mark, journal: journal)
            sql += " AND \(clause)"
            arguments += clauseArguments
        }
        return (sql, arguments)
    }

    /// The roll call's condition: the current mark in the session, probed on `attendance_mark`'s
    /// key for each index entry. The journal's people are decided by their journal mark instead.
    static func sessionMarkSQL(
        _ mark: SessionMarkFilter, journal: [Int64: AttendanceEvent?]
    ) -> (String, [any DatabaseValueConvertible]) {
        let probe = "SELECT 1 FROM attendance_mark m WHERE m.session_id = ? AND m.person_id = roster_index.person_id"
        var clause: String
        var arguments: [any DatabaseValueConvertible] = [mark.sessionID]
        if let status = mark.marks.status {
            clause = "EXISTS (\(probe) AND m.status = ?)"
            arguments.append(status.rawValue)
        } else {
            clause = "NOT EXISTS (\(probe) AND m.status <> 'cleared')"
        }
        guard !journal.isEmpty else { return (clause, arguments) }
        let overridden = journal.keys.sorted()
        let admitted = overridden.filter { mark.marks.admits(journal[$0]??.status) }
        clause = "(person_id NOT IN (SELECT value FROM json_each(?)) AND \(clause))"
        arguments = [jsonList(overridden)] + arguments
        if !admitted.isEmpty {
            clause += " OR person_id IN (SELECT value FROM json_each(?))"
            arguments.append(jsonList(admitted))
        }
        return ("(\(clause))", arguments)
    }

    /// Runs a read with the query's filter as SQL conditions and their arguments. A session mark
    /// filter reads through the event log, so a guest's own marks the library has not absorbed
    /// yet count as the roll call shows them.
    func filtered<T>(
        _ query: RosterQuery,
        _ body: (Database, _ filter: String, _ arguments: [any DatabaseValueConvertible]) throws -> T
    ) throws -> T {
        guard let mark = query.filter.sessionMark, mark.marks != .all else {
            return try read { db in
                let (filter, arguments) = Self.filterSQL(query.filter)
                return try body(db, filter, arguments)
            }
        }
        return try store.logRead { log in
            let (filter, arguments) = Self.filterSQL(query.filter, journal: try log.journalMarks(sessionID: mark.sessionID))
            return try body(log.db, filter, arguments)
        }
    }

    /// Whether the row's person completed the course: `completed`, which the triggers keep by
    /// `Completion.evaluate`'s rule (v29), so the covering indexes answer the completion filter.
    static let completedSQL = "completed = 1"

    /// Ids as a JSON array, read by `json_each(?)`: a list bound as one argument keeps the
    /// statement's text the same whatever its length, so the statement is compiled once and
    /// cached (the roster's reads are cached statements; compiling them was 13 % of a sort key).
    static func jsonList(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    static func orderSQL(_ order: RosterOrder, prefix: String) -> String {
        order.column.sqlColumns.map { "\(prefix)\($0) \(order.descending ? "DESC" : "ASC")" }.joined(separator: ", ")
    }
}
