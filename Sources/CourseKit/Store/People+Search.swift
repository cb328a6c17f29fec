import Foundation
import GRDB

extension People {
    /// Up to this many name-token rows for the narrowest fragment, a search sorts its matches;
    /// above it, it walks `person_by_sort` in display order and stops at `limit`. Measured on the
    /// 100k library: sorting costs about 1 µs a match (6 ms for the 6,000 behind "n"), the walk
    /// 1–3 ms for a broad prefix but up to 12 ms when the matches all sort last ("李"), so each
    /// plan is kept to the side where it is cheap. Either plan returns the same rows in the same order.
    public static let sortMatchesUpTo = 2_000

    /// People whose name has a word starting with each fragment of `query`, in any order:
    /// "nunez jose" and "jose nun" both find "José Núñez". A query equal to a participant code
    /// finds that person too; a person merged into someone else is not found (their name left
    /// the index with the merge, and a code match is dropped). Runs on indexes only (a `name_token` range scan per fragment, then
    /// `person_by_sort` or rowid look-ups), never a scan of the person table; the query text is
    /// only ever bound, never spliced into SQL.
    /// `sortMatchesUpTo` picks the plan (see `People.sortMatchesUpTo`); tests force each.
    public func search(
        _ query: String, courseID: Int64? = nil, limit: Int = 50,
        sortMatchesUpTo: Int = People.sortMatchesUpTo
    ) throws -> [Person] {
        try read { db in try Self.search(db, query: query, courseID: courseID, limit: limit, sortMatchesUpTo: sortMatchesUpTo) }
    }

    /// Three steps, each on an index, so no step reads a person row it does not return: the first
    /// `limit` name matches' ids in display order (both plans touch only the rowid in the index,
    /// where the old single query fetched every scanned row to test its code, 105 ms when nothing
    /// matched), the code matches, then those rows in display order.
    ///
    /// With `courseID`, only people enrolled in that course (with one of `statuses`, when given)
    /// are found. The course is tested per candidate with one probe of `roster_by_person`: an
    /// `IN (SELECT … WHERE course_id = ?)` list was built whole on every key, 85,000 ids for the
    /// 100k course at the kiosk.
    static func search(
        _ db: Database, query: String, courseID: Int64?, statuses: [String] = [], limit: Int,
        sortMatchesUpTo: Int = People.sortMatchesUpTo
    ) throws -> [Person] {
        guard limit > 0, let names = try nameTokenMatch(db, query) else { return [] }
        let (namesSQL, arguments, narrowest) = names
        var scope = ""
        var scopeArguments: [any DatabaseValueConvertible] = []
        // `+r.status`: tested in the index entry the person and course found, not sought: as a
        // seek term SQLite probed the index once per status, three probes a candidate.
        let status = statuses.isEmpty ? "" : " AND +r.status IN (\(statuses.map { _ in "?" }.joined(separator: ", ")))"
        if let courseID {
            scope = """
                 AND EXISTS (SELECT 1 FROM roster_index r INDEXED BY roster_by_person
                             WHERE r.person_id = p.id AND r.course_id = ?\(status))
                """
            scopeArguments = [courseID] + statuses
        }
        var ids: [Int64] = []
        if narrowest > 0, let courseID {
            // In a course, the roster index answers alone: `roster_by_person` holds the course,
            // the status and the sort key beside each person, so a candidate costs one probe
            // (the person row and the enrolment were two more, 6 ms of a kiosk key on 1,600
            // candidates); the broad plan walks the course's own name order, never longer
            // than the course.
            let access = narrowest <= sortMatchesUpTo ? "roster_by_person" : "roster_by_name"
            ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT r.person_id FROM roster_index r INDEXED BY \(access)
                    WHERE r.person_id IN (\(namesSQL)) AND r.course_id = ?\(status)
                    ORDER BY r.name_key, r.person_id LIMIT ?
                    """, arguments: StatementArguments(arguments + [courseID] + statuses + [limit]))
        } else if narrowest > 0 {
            let access = narrowest <= sortMatchesUpTo ? "NOT INDEXED" : "INDEXED BY person_by_sort"
            ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT p.id FROM person p \(access) WHERE p.id IN (\(namesSQL))
                    ORDER BY p.sort_key, p.id LIMIT ?
                    """, arguments: StatementArguments(arguments + [limit]))
        }
        let codes = try codeCandidates(db, NameSanitizer.clean(query))
        if !codes.isEmpty {
            ids += try Int64.fetchAll(
                db,
                sql: """
                    SELECT p.id FROM person p WHERE p.code IN (\(codes.map { _ in "?" }.joined(separator: ",")))\(scope)
                    """, arguments: StatementArguments(codes + scopeArguments))
        }
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT p.* FROM person p WHERE p.id IN (\(ids.map { _ in "?" }.joined(separator: ","))) AND p.merged_into IS NULL
                ORDER BY p.sort_key, p.id LIMIT ?
                """, arguments: StatementArguments(ids + [Int64(limit)])
        ).map(Person.init(row:))
    }

    /// The ids of people with a name word starting with each fragment of `query` (at most 8
    /// fragments of the first 256 characters), as a subquery of `name_token` ranges with its
    /// arguments, and how many token rows the narrowest fragment has: an upper bound on the
    /// matches that chooses a plan. Nil when the query has no letters or digits.
    static func nameTokenMatch(
        _ db: Database, _ query: String
    ) throws -> (
        sql: String, arguments: [any DatabaseValueConvertible], narrowest: Int
    )? {
        let fragments = Array(NameFolding.tokens(String(query.prefix(256))).prefix(8))
        guard !fragments.isEmpty else { return nil }
        var arguments: [any DatabaseValueConvertible] = []
        var narrowest = Int.max
        var ranges: [String] = []
        for fragment in fragments {
            let (sql, range) = fragmentMatch(fragment)
            narrowest = min(
                narrowest, try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql))", arguments: StatementArguments(range)) ?? 0)
            arguments += range
            ranges.append(sql)
        }
        return (ranges.joined(separator: " INTERSECT "), arguments, narrowest)
    }

    /// The people one folded fragment finds: a name word starting with it. Han, kana and Hangul
    /// names are typed without a space between family and given name ("李小龍", "山田太郎") but
    /// indexed as two words ("李", "小龍"), so such a fragment also finds a whole word followed
    /// by the start of another ("李" then "小…"). A single SELECT, or one compound wrapped as a
    /// subquery so the caller's INTERSECT applies to all of it (SQLite's compound operators
    /// bind left to right).
    static func fragmentMatch(_ fragment: String) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        let prefix = "SELECT person_id FROM name_token WHERE token >= ? AND token < ?"
        var arguments: [any DatabaseValueConvertible] = [fragment, fragment + "\u{10FFFF}"]
        let characters = Array(fragment)
        guard characters.count > 1, fragment.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return (prefix, arguments) }
        var parts = [prefix]
        for split in 1..<characters.count {
            let head = String(characters[..<split]), tail = String(characters[split...])
            parts.append(
                "SELECT * FROM (SELECT person_id FROM name_token WHERE token = ? INTERSECT \(prefix))")
            arguments += [head, tail, tail + "\u{10FFFF}"]
        }
        return ("SELECT person_id FROM (\(parts.joined(separator: " UNION ")))", arguments)
    }

    /// The codes stored that equal `text` ignoring ASCII case (SQLite's NOCASE), found on the
    /// code's own (binary) unique index: extend a prefix one character at a time, trying both
    /// cases of an ASCII letter, and keep only prefixes some code starts with. `code = ? COLLATE
    /// NOCASE` cannot use that index and scanned all of it on every key (3.5 ms on 100k people);
    /// this costs about two index probes a character (more only where stored codes differ in case
    /// alone), and stops at the first dead end: a name typed as a query dies at its first letter.
    static func codeCandidates(_ db: Database, _ text: String) throws -> [String] {
        var prefixes = [""]
        for scalar in text.unicodeScalars {
            let variants =
                scalar.isASCII && scalar.properties.isAlphabetic
                ? Set([String(scalar).lowercased(), String(scalar).uppercased()]).sorted() : [String(scalar)]
            prefixes = try prefixes.flatMap { prefix in
                try variants.map { prefix + $0 }.filter { candidate in
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM person WHERE code >= ? AND code < ?)",
                        arguments: [candidate, candidate + "\u{10FFFF}"]) ?? false
                }
            }
            if prefixes.isEmpty { return [] }
        }
        return prefixes
    }

    /// The query plan of a search, so tests can prove it uses the index.
    public func searchPlan(_ query: String) throws -> [String] {
        try read { db in
            let tokens = NameFolding.tokens(query)
            guard let first = tokens.first else { return [] }
            return try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT person_id FROM name_token WHERE token >= ? AND token < ?
                    """, arguments: [first, first + "\u{10FFFF}"]
            ).map { $0["detail"] as String }
        }
    }
}
