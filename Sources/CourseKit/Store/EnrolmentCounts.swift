import GRDB

/// Enrolment counts by course, nomination status and role, from the trigger-kept
/// `enrolment_count` (v21): a sum over a handful of rows where counting the roster's entries
/// took 15–17 ms on a course of 100,000.
enum EnrolmentCounts {
    /// The statuses of people a course expects in the room (`NominationStatus.isExpected`).
    static let expectedStatuses = NominationStatus.allCases.filter(\.isExpected).map(\.rawValue)
    /// The roles a roll call marks (`Role.markedByRollCall`).
    static let rollCallRoles = Role.allCases.filter(Role.markedByRollCall.contains).map(\.rawValue)

    /// Enrolments in the course with one of `statuses` and one of `roles` (nil: any).
    static func count(_ db: Database, courseID: Int64, statuses: [String]? = nil, roles: [String]? = nil) throws -> Int {
        var sql = "SELECT coalesce(sum(n), 0) FROM enrolment_count WHERE course_id = ?"
        var arguments: [any DatabaseValueConvertible] = [courseID]
        for (column, values) in [("status", statuses), ("role", roles)] {
            guard let values else { continue }
            sql += " AND \(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))"
            arguments += values as [any DatabaseValueConvertible]
        }
        return try Int.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)) ?? 0
    }

    /// What a roster filter admits, when it filters by nothing but status and role (the whole
    /// roster, a roll call's expected people): the statuses and roles to count. Nil when it
    /// filters by anything the counts do not hold (sex, country, agency, completion, a mark).
    static func dimensions(of filter: RosterFilter) -> (statuses: [String]?, roles: [String]?)? {
        var plain = filter
        plain.role = nil
        plain.status = nil
        plain.rollCallOnly = false
        if plain.sessionMark?.marks == .all { plain.sessionMark = nil }
        guard plain.isEmpty else { return nil }
        func narrowed(_ all: [String]?, _ one: String?) -> [String]? {
            guard let one else { return all }
            return all.map { $0.contains(one) ? [one] : [] } ?? [one]
        }
        return (
            narrowed(filter.rollCallOnly ? expectedStatuses : nil, filter.status?.rawValue),
            narrowed(filter.rollCallOnly ? rollCallRoles : nil, filter.role?.rawValue)
        )
    }
}
