import Foundation
import GRDB

extension CourseStore {
    /// People whose name has a word starting with each fragment of `query`, in any order:
    /// "nunez jose" and "jose nun" both find "José Núñez". A query equal to a participant code
    /// finds that person too. Runs on the `name_token` index (a range scan per fragment), never
    /// a scan of the person table; the query text is only ever bound, never spliced into SQL.
    public func search(_ query: String, courseID: Int64? = nil, limit: Int = 50) throws -> [Participant] {
        try read { db in try Self.search(db, query: query, courseID: courseID, limit: limit) }
    }

    static func search(_ db: Database, query: String, courseID: Int64?, limit: Int) throws -> [Participant] {
        let fragments = Array(NameFolding.tokens(String(query.prefix(256))).prefix(8))
        guard !fragments.isEmpty else { return [] }
        var arguments: [any DatabaseValueConvertible] = []
        let ranges = fragments.map { fragment -> String in
            arguments.append(fragment)
            arguments.append(fragment + "\u{10FFFF}")
            return "SELECT person_id FROM name_token WHERE token >= ? AND token < ?"
        }
        var sql = "SELECT p.* FROM person p WHERE (p.id IN (\(ranges.joined(separator: " INTERSECT "))) OR p.code = ? COLLATE NOCASE)"
        arguments.append(NameSanitizer.clean(query))
        if let courseID {
            sql += " AND p.id IN (SELECT person_id FROM enrolment WHERE course_id = ?)"
            arguments.append(courseID)
        }
        sql += " ORDER BY p.sort_key, p.id LIMIT ?"
        arguments.append(limit)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(Participant.init(row:))
    }

    /// Rewrites a person's search tokens after their name changed.
    static func reindexName(_ db: Database, personID: Int64, given: String, family: String) throws {
        try db.execute(sql: "DELETE FROM name_token WHERE person_id = ?", arguments: [personID])
        for token in Set(NameFolding.tokens("\(given) \(family)")) {
            try db.execute(sql: "INSERT OR IGNORE INTO name_token(token, person_id) VALUES (?, ?)",
                           arguments: [token, personID])
        }
    }

    /// The query plan of a search, so tests can prove it uses the index.
    public func searchPlan(_ query: String) throws -> [String] {
        try read { db in
            let tokens = NameFolding.tokens(query)
            guard let first = tokens.first else { return [] }
            return try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT person_id FROM name_token WHERE token >= ? AND token < ?
                """, arguments: [first, first + "\u{10FFFF}"]).map { $0["detail"] as String }
        }
    }
}
