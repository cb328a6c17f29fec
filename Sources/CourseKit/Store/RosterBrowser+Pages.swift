import Foundation
import GRDB

/// The roster browser's queries: counts, pages, positions, searches and filter counts over
/// `roster_index`, for rosters of any size.
///
/// Every query names the covering index of its order (`INDEXED BY`), so SQLite's choice cannot
/// drift to a plan that sorts 100,000 rows: a page is an index scan to the offset (index entries
/// only, a few milliseconds for 100,000) and then a primary-key lookup per shown row. Filters are
/// checked inside the same index, which holds every filter column.
extension RosterBrowser {
    /// What completion means in this course, for the completion column and filter.
    public func rosterFacts(courseID: Int64) throws -> RosterCourseFacts {
        try read { db in try Self.rosterFacts(db, courseID: courseID) }
    }

    /// How many enrolments the query admits: from the enrolment counts when it filters by status
    /// and role alone (the whole roster), from the roster counts when it filters by other
    /// dimensions they hold, else (completion, marks) counted on the index of its order.
    public func rosterCount(_ query: RosterQuery) throws -> Int {
        if let (statuses, roles) = EnrolmentCounts.dimensions(of: query.filter) {
            return try read { db in try EnrolmentCounts.count(db, courseID: query.courseID, statuses: statuses, roles: roles) }
        }
        if let counted = try read({ db in try RosterCounts.count(db, courseID: query.courseID, filter: query.filter) }) {
            return counted
        }
        return try filtered(query) { db, filter, arguments in
            try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT count(*) FROM roster_index INDEXED BY \(query.order.column.indexName)
                        WHERE course_id = ? \(filter)
                        """), arguments: StatementArguments([query.courseID] + arguments)) ?? 0
        }
    }

    /// Rows `offset ..< offset + limit` of the query, in its order. Given the query's `total`, a
    /// page in the second half is read backwards from the end: `OFFSET` walks the index entry by
    /// entry (each one probed in the session's marks, for the roll call's filters), and `G` on
    /// a 62,000-row filter walked all of them.
    public func rosterPage(_ query: RosterQuery, offset: Int, limit: Int, total: Int? = nil) throws -> [RosterListEntry] {
        if let total, limit < total, offset > total / 2 {
            var reversed = query
            reversed.order.descending.toggle()
            let end = min(total, offset + limit)
            let rows = try rosterPage(reversed, offset: total - end, limit: end - offset)
            return Array(rows.reversed())
        }
        return try filtered(query) { db, filter, arguments in
            let order = Self.orderSQL(query.order, prefix: "")
            return try Self.rosterItems(
                db, query,
                ids: """
                    SELECT enrolment_id FROM roster_index INDEXED BY \(query.order.column.indexName)
                    WHERE course_id = ? \(filter) ORDER BY \(order) LIMIT ? OFFSET ?
                    """, arguments: [query.courseID] + arguments + [max(0, limit), max(0, offset)])
        }
    }

    /// Rows `range` of the query when the row at `position` is `personID`'s: read by seeking to
    /// that person's place in the index and walking both ways, not by `OFFSET`, which walks the
    /// index from its start (11–41 ms a page at row 50,000 of a 100,000-person roster).
    /// Nil when the filter hides the person.
    public func rosterPage(
        _ query: RosterQuery, around personID: Int64, at position: Int, range: Range<Int>
    ) throws
        -> [RosterListEntry]?
    {
        try filtered(query) { db, filter, arguments in
            guard let key = try Self.rosterKey(db, query, personID: personID, filter: filter, arguments: arguments) else { return nil }
            return try Self.seekItems(db, query, key: key, filter: filter, arguments: arguments, position: position, range: range)
        }
    }

    /// What a new order or filter needs, in one snapshot: where the followed person now is, and
    /// the rows within `margin` of them, widened to whole pages of `pageSize` (the first row of
    /// the first page is `first`). Nil when the filter hides the person.
    public func rosterWindow(
        _ query: RosterQuery, around personID: Int64, margin: Int, pageSize: Int, total: Int
    ) throws
        -> (position: Int, first: Int, items: [RosterListEntry])?
    {
        try filtered(query) { db, filter, arguments in
            guard let key = try Self.rosterKey(db, query, personID: personID, filter: filter, arguments: arguments) else { return nil }
            let position = try Self.rowsBefore(db, query, key: key, filter: filter, arguments: arguments)
            let first = max(0, position - margin) / pageSize * pageSize
            let end = min(total, (min(max(0, total - 1), position + margin) / pageSize + 1) * pageSize)
            let items = try Self.seekItems(
                db, query, key: key, filter: filter, arguments: arguments, position: position,
                range: first..<max(first, end))
            return (position, first, items)
        }
    }

    /// The values of the query's order columns in a person's row, or nil when the filter hides them.
    /// Found on `roster_by_person`, named: without planner statistics SQLite chose a covering
    /// index by course and scanned the course's 100,000 entries for one person (5.9 ms a key).
    static func rosterKey(
        _ db: Database, _ query: RosterQuery, personID: Int64, filter: String,
        arguments: [any DatabaseValueConvertible]
    ) throws -> Row? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT \(query.order.column.sqlColumns.joined(separator: ", ")) FROM roster_index INDEXED BY roster_by_person
                    WHERE course_id = ? AND person_id = ? \(filter)
                    """), arguments: StatementArguments([query.courseID, personID] + arguments))
    }

    /// Rows `range` when the row at `position` has the order values `key`: the rows before it read
    /// backwards from it, the rest forwards, both on the order's covering index.
    static func seekItems(
        _ db: Database, _ query: RosterQuery, key: Row, filter: String,
        arguments: [any DatabaseValueConvertible], position: Int, range: Range<Int>
    ) throws -> [RosterListEntry] {
        let columns = query.order.column.sqlColumns
        let values: [any DatabaseValueConvertible] = columns.map { key[$0] as DatabaseValue }
        let list = "(\(columns.joined(separator: ", ")))", marks = "(\(columns.map { _ in "?" }.joined(separator: ", ")))"
        let base = "SELECT enrolment_id FROM roster_index INDEXED BY \(query.order.column.indexName) WHERE course_id = ? \(filter)"
        let backwards = orderSQL(RosterOrder(query.order.column, descending: !query.order.descending), prefix: "")
        let forwards = orderSQL(query.order, prefix: "")
        let (before, from) = query.order.descending ? (">", "<=") : ("<", ">=")
        let all: [any DatabaseValueConvertible] = [query.courseID] + arguments
        return try rosterItems(
            db, query,
            ids: """
                SELECT * FROM (\(base) AND \(list) \(before) \(marks) ORDER BY \(backwards) LIMIT ?)
                UNION ALL
                SELECT * FROM (\(base) AND \(list) \(from) \(marks) ORDER BY \(forwards) LIMIT ?)
                """,
            arguments: all + values + [max(0, position - range.lowerBound)]
                + all + values + [max(0, range.upperBound - position)])
    }

    /// The roster rows of the enrolments `ids` selects, in the query's order.
    static func rosterItems(
        _ db: Database, _ query: RosterQuery, ids: String,
        arguments: [any DatabaseValueConvertible]
    ) throws -> [RosterListEntry] {
        let outer = orderSQL(query.order, prefix: "r.")
        let items = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT \(Self.entryColumns),
                           r.attended AS r_attended, r.marked AS r_marked, r.core_attended AS r_core_attended,
                           (SELECT code FROM person WHERE id = e.substituted_by) AS r_substituted_by_code
                    FROM (\(ids)) k
                    JOIN roster_index r ON r.enrolment_id = k.enrolment_id
                    JOIN enrolment e ON e.id = r.enrolment_id
                    JOIN person p ON p.id = r.person_id
                    LEFT JOIN agency a ON a.id = p.agency_id
                    ORDER BY \(outer)
                    """), arguments: StatementArguments(arguments)
        ) { row in
            let entry = rosterEntry(row: row)
            return RosterListEntry(
                person: entry.person, enrolment: entry.enrolment, agency: entry.agency,
                attended: row["r_attended"], marked: row["r_marked"], coreAttended: row["r_core_attended"],
                substitutedByCode: row["r_substituted_by_code"])
        }
        return try withSubstitutes(db, courseID: query.courseID, items)
    }

    /// Fills in whom each row's person replaced. Read from the course's substituted enrolments
    /// only (the status index finds them), never by a scan per row: `substituted_by` has no
    /// index, and a roster has few substitutions however large it is.
    static func withSubstitutes(_ db: Database, courseID: Int64, _ items: [RosterListEntry]) throws -> [RosterListEntry] {
        guard !items.isEmpty else { return items }
        let ids = items.compactMap(\.person.id)
        let replaced = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT e.substituted_by AS by, p.code AS code
                    FROM roster_index r INDEXED BY roster_by_status JOIN enrolment e ON e.id = r.enrolment_id
                    JOIN person p ON p.id = e.person_id
                    WHERE r.course_id = ? AND r.status = 'substituted'
                      AND e.substituted_by IN (SELECT value FROM json_each(?))
                    ORDER BY e.id
                    """), arguments: [courseID, Self.jsonList(ids)])
        var codes: [Int64: String] = [:]
        for row in replaced { codes[row["by"]] = codes[row["by"]] ?? row["code"] }
        return items.map { item in
            var item = item
            item.substituteForCode = item.person.id.flatMap { codes[$0] }
            return item
        }
    }

    /// Where a person's row is in the query's order, or nil when the filter hides them: how the
    /// browser keeps the selection on the same person when the order or the filter changes.
    public func rosterPosition(_ query: RosterQuery, personID: Int64) throws -> Int? {
        try filtered(query) { db, filter, arguments in
            guard let key = try Self.rosterKey(db, query, personID: personID, filter: filter, arguments: arguments) else { return nil }
            return try Self.rowsBefore(db, query, key: key, filter: filter, arguments: arguments)
        }
    }

    /// Counts per value of one filter dimension, under every other dimension of the query's
    /// filter: what the filter menu offers ("Guatemala 5"), most frequent first.
    public func rosterFacet(_ facet: RosterFacet, in query: RosterQuery) throws -> [RosterFacetValue] {
        var others = query.filter
        switch facet {
        case .sex: others.sex = nil
        case .country: others.country = nil
        case .agency: others.agencyID = nil
        case .role: others.role = nil
        case .status: others.status = nil
        case .completion: others.completed = nil
        }
        if let counted = try read({ db in try RosterCounts.facet(db, courseID: query.courseID, facet, filter: others) }) {
            return counted
        }
        var narrowed = query
        narrowed.filter = others
        return try filtered(narrowed) { db, filter, arguments in
            // The facet's own index delivers its values grouped.
            let index =
                switch facet {
                case .sex: "roster_by_sex"
                case .country: "roster_by_country"
                case .agency: "roster_by_agency"
                case .role: "roster_by_role"
                case .status: "roster_by_status"
                case .completion: "roster_by_name"
                }
            let from = "FROM roster_index INDEXED BY \(index) WHERE course_id = ? \(filter)"
            let all: [any DatabaseValueConvertible] = [query.courseID] + arguments
            if facet == .completion {
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) AS n, sum(\(Self.completedSQL)) AS c \(from)"),
                    arguments: StatementArguments(all))
                let total: Int = row?["n"] ?? 0, completed: Int = row?["c"] ?? 0
                return [
                    RosterFacetValue(value: "completed", count: completed),
                    RosterFacetValue(value: "not-completed", count: total - completed),
                ]
            }
            let column =
                switch facet {
                case .sex: "sex"
                case .country: "country"
                case .agency: "coalesce(agency_id, 0)"
                case .role: "role"
                case .status: "status"
                case .completion: "NULL"
                }
            return try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(column) AS v, count(*) AS n \(from) GROUP BY v ORDER BY n DESC, v"),
                arguments: StatementArguments(all)
            ).map(RosterCounts.facetValue)
        }
    }

    /// How many rows of the query come before the row whose order columns are `key`.
    ///
    /// SQLite counts a range entry by entry, so this costs as many steps as the answer. Two
    /// things make each step cheaper or skip it. In an order by a column of few values (sex,
    /// country, agency, role, status) the groups ahead of the person's own are summed from
    /// `roster_count`, and only their own group is walked. And the rows before (a, b, c) are
    /// counted as a < a′, then a = a′ and b < b′, then a = a′, b = b′ and c < c′: each range
    /// ends on one column, where the row value `(a, b, c) < (a′, b′, c′)` compared all three at
    /// every entry (17 ms against 9 ms for 90,000 entries of the code order).
    static func rowsBefore(
        _ db: Database, _ query: RosterQuery, key: Row, filter: String,
        arguments: [any DatabaseValueConvertible]
    ) throws -> Int {
        let columns = query.order.column.sqlColumns
        let comparison = query.order.descending ? ">" : "<"
        let values = columns.map { key[$0] as DatabaseValue }
        let ahead = try RosterCounts.rowsInGroupsBefore(
            db, courseID: query.courseID, order: query.order, value: values[0], filter: query.filter)
        var parts: [String] = []
        var all: [any DatabaseValueConvertible] = []
        for (i, column) in columns.enumerated() where i > 0 || ahead == nil {
            let equal = columns[..<i].map { " AND \($0) = ?" }.joined()
            parts.append(
                """
                (SELECT count(*) FROM roster_index INDEXED BY \(query.order.column.indexName)
                 WHERE course_id = ? \(filter)\(equal) AND \(column) \(comparison) ?)
                """)
            all += [query.courseID] + arguments + Array(values[..<i]) + [values[i]]
        }
        let counted =
            try Int.fetchOne(db.cachedStatement(sql: "SELECT " + parts.joined(separator: " + ")), arguments: StatementArguments(all)) ?? 0
        return (ahead ?? 0) + counted
    }
}
