import GRDB

/// The roster's counts by status, role, sex, country, agency and quota agency, from the
/// trigger-kept `roster_count` (v22): a sum over at most a few thousand rows where counting the
/// roster index's entries took 15–21 ms on a course of 100,000.
///
/// Only filters made of those dimensions can be answered here. Completion and a session's marks
/// move with every mark and are counted on the roster index instead (`conditions` is nil for them).
enum RosterCounts {
    /// `AND …` conditions on `roster_count` for `filter`, with their arguments; nil when the
    /// filter has a dimension the counts do not hold (completion, a session's marks).
    static func conditions(_ filter: RosterFilter) -> (sql: String, arguments: [any DatabaseValueConvertible])? {
        guard filter.completed == nil, filter.sessionMark == nil || filter.sessionMark?.marks == .all else { return nil }
        var (sql, arguments) = RosterBrowser.equalitySQL(filter, noAgency: nil)  // none is agency 0 here
        if filter.rollCallOnly {
            let statuses = EnrolmentCounts.expectedStatuses, roles = EnrolmentCounts.rollCallRoles
            sql += " AND status IN (\(statuses.map { _ in "?" }.joined(separator: ", ")))"
            sql += " AND role IN (\(roles.map { _ in "?" }.joined(separator: ", ")))"
            arguments += (statuses + roles) as [any DatabaseValueConvertible]
        }
        return (sql, arguments)
    }

    /// Enrolments in the course that `filter` admits, or nil when the counts cannot tell.
    static func count(_ db: Database, courseID: Int64, filter: RosterFilter) throws -> Int? {
        guard let (sql, arguments) = conditions(filter) else { return nil }
        return try Int.fetchOne(
            db.cachedStatement(sql: "SELECT coalesce(sum(n), 0) FROM roster_count WHERE course_id = ?\(sql)"),
            arguments: StatementArguments([courseID] + arguments)) ?? 0
    }

    /// The count per value of `facet` under `filter` (which leaves that facet out), most
    /// frequent first; nil when the counts cannot tell (completion, or a filter on completion or
    /// marks). Agencies are their ids, 0 for none, as the roster index gives them.
    static func facet(_ db: Database, courseID: Int64, _ facet: RosterFacet, filter: RosterFilter) throws -> [RosterFacetValue]? {
        let column: String
        switch facet {
        case .sex: column = "sex"
        case .country: column = "country"
        case .agency: column = "agency_id"
        case .role: column = "role"
        case .status: column = "status"
        case .completion: return nil
        }
        guard let (sql, arguments) = conditions(filter) else { return nil }
        return try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT \(column) AS v, sum(n) AS n FROM roster_count WHERE course_id = ?\(sql)
                    GROUP BY v HAVING sum(n) > 0 ORDER BY n DESC, v
                    """), arguments: StatementArguments([courseID] + arguments)
        ).map(facetValue)
    }

    /// A facet query's row (`v`, `n`) as the menu's value: a text, or an agency's id as text.
    static func facetValue(_ row: Row) -> RosterFacetValue {
        let value: DatabaseValue = row["v"]
        let text =
            switch value.storage {
            case .int64(let number): String(number)
            case .string(let string): string
            default: ""
            }
        return RosterFacetValue(value: text, count: row["n"])
    }

    /// How many rows `filter` admits whose value of the order's first column sorts before
    /// `value` (after it, descending): the rows of the groups ahead of a person's own in an
    /// order by sex, country, agency, role or status. Nil for orders without groups here (name,
    /// code, attendance) and filters the counts cannot tell.
    static func rowsInGroupsBefore(
        _ db: Database, courseID: Int64, order: RosterOrder, value: DatabaseValue, filter: RosterFilter
    ) throws -> Int? {
        let column: String
        switch order.column {
        case .sex: column = "sex"
        case .country: column = "country"
        case .role: column = "role"
        case .status: column = "status"
        // The roster index's agency key, made from the agency as its triggers make it: once per
        // agency of the course, after summing, not once per row of the counts.
        case .agency: column = "coalesce((SELECT lower(coalesce(nullif(a.acronym, ''), a.name)) FROM agency a WHERE a.id = g.v), '')"
        case .name, .code, .attendance: return nil
        }
        guard let (sql, arguments) = conditions(filter) else { return nil }
        let grouped = order.column == .agency ? "agency_id" : column
        return try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT coalesce(sum(g.n), 0) FROM
                      (SELECT \(grouped) AS v, sum(n) AS n FROM roster_count WHERE course_id = ?\(sql) GROUP BY \(grouped)) g
                    WHERE \(order.column == .agency ? column : "g.v") \(order.descending ? ">" : "<") ?
                    """), arguments: StatementArguments([courseID] + arguments + [value])) ?? 0
    }

    /// The quota tallies (`QuotaCount.Tally`) of the course's participants: by country, quota
    /// agency and status, under `condition` on `roster_count`'s columns.
    static func quotaTallies(
        _ db: Database, courseID: Int64, _ condition: String, _ arguments: [any DatabaseValueConvertible]
    ) throws -> [QuotaCount.Tally] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT country, nullif(quota_agency, 0) AS agency, status, sum(n) AS n FROM roster_count
                    WHERE course_id = ? AND role = 'participant' \(condition)
                    GROUP BY country, quota_agency, status HAVING sum(n) > 0
                    """), arguments: StatementArguments([courseID] + arguments)
        ).compactMap { row in
            NominationStatus(rawValue: row["status"]).map {
                QuotaCount.Tally(country: row["country"], agencyID: row["agency"], status: $0, n: row["n"])
            }
        }
    }
}
