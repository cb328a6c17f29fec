import Foundation
import GRDB

/// The roster browser's search: the next row whose name or code matches what is typed, found on
/// the name-token index and the order's covering index (the pages and counts are in
/// `RosterBrowser+Pages.swift`).
extension RosterBrowser {
    /// The position of the first row at or after `start` (before or at, `backwards`) whose name
    /// has a word starting with each fragment of `text`, or whose code is `text`, wrapping around
    /// the end; nil when no row matches. The text is folded and bound, never spliced into SQL.
    ///
    /// Two plans, as in the people search (`People.sortMatchesUpTo`): when the narrowest
    /// fragment names few people, their roster rows are found one by one on `roster_by_person`
    /// and the few sorted; otherwise the order's index is walked from the start row and stops at
    /// the first match. Walking for a rare name read the whole index, twice when nothing matched
    /// (21–26 ms a key on the 100k roster). Nothing matching anywhere answers at once. Tests
    /// force each plan with `sortMatchesUpTo`.
    ///
    /// `startPerson`, when the caller knows whose row is at `start` (the screen has that page),
    /// lets the search seek to that row on `roster_by_person` instead of walking the order's
    /// index to `start` (up to the whole roster: several milliseconds a key at row 80,000).
    public func rosterFind(
        _ text: String, in query: RosterQuery, from start: Int, startPerson: Int64? = nil, backwards: Bool = false,
        sortMatchesUpTo: Int = People.sortMatchesUpTo
    ) throws -> Int? {
        try filtered(query) { db, filter, arguments in
            guard let match = try Self.nameMatch(db, text), match.candidates > 0 else { return nil }
            let columns = query.order.column.sqlColumns
            let list = columns.joined(separator: ", ")
            let index = query.order.column.indexName
            let base = "SELECT \(list) FROM roster_index INDEXED BY \(index) WHERE course_id = ? \(filter)"
            let matchIndex = match.candidates <= sortMatchesUpTo ? "roster_by_person" : index
            let matching =
                "SELECT \(list) FROM roster_index INDEXED BY \(matchIndex) WHERE course_id = ? \(filter) AND person_id IN (\(match.sql))"
            let baseArguments: [any DatabaseValueConvertible] = [query.courseID] + arguments
            // The order as read in the search direction.
            let forward = query.order.descending == backwards
            let scan = Self.orderSQL(RosterOrder(query.order.column, descending: !forward), prefix: "")
            var found: Row?
            let seeked = try startPerson.flatMap { try Self.rosterKey(db, query, personID: $0, filter: filter, arguments: arguments) }
            if let anchor = try seeked
                ?? Row.fetchOne(
                    db.cachedStatement(sql: "\(base) ORDER BY \(Self.orderSQL(query.order, prefix: "")) LIMIT 1 OFFSET ?"),
                    arguments: StatementArguments(baseArguments + [max(0, start)]))
            {
                let comparison = forward ? ">=" : "<="
                let placeholders = columns.map { _ in "?" }.joined(separator: ", ")
                found = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            \(matching) AND (\(list)) \(comparison) (\(placeholders)) ORDER BY \(scan) LIMIT 1
                            """),
                    arguments: StatementArguments(baseArguments + match.arguments + columns.map { anchor[$0] as DatabaseValue }))
            }
            if found == nil {
                found = try Row.fetchOne(
                    db.cachedStatement(sql: "\(matching) ORDER BY \(scan) LIMIT 1"),
                    arguments: StatementArguments(baseArguments + match.arguments))
            }
            guard let found else { return nil }
            return try Self.rowsBefore(db, query, key: found, filter: filter, arguments: arguments)
        }
    }

    /// The person ids whose name has a word starting with each fragment of `text` (any order),
    /// or whose code is `text` ignoring case: a subquery over the `name_token` index and the
    /// codes found on the code's own index (`People.codeCandidates`, never a NOCASE scan of every
    /// code). `candidates` bounds how many people it can name: the narrowest fragment's token
    /// rows plus the codes. Nil for a text without letters or digits.
    static func nameMatch(
        _ db: Database, _ text: String
    ) throws -> (
        sql: String, arguments: [any DatabaseValueConvertible], candidates: Int
    )? {
        guard let names = try People.nameTokenMatch(db, text) else { return nil }
        var sql = names.sql, arguments = names.arguments
        let codes = try People.codeCandidates(db, NameSanitizer.clean(text))
        if !codes.isEmpty {
            sql += " UNION SELECT id FROM person WHERE code IN (\(codes.map { _ in "?" }.joined(separator: ", ")))"
            arguments += codes
        }
        return (sql, arguments, names.narrowest + codes.count)
    }
}
