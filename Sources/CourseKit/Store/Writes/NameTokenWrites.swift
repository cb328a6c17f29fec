import GRDB

/// The search index of names (`name_token`): one row per distinct word of a person's folded name.
public enum NameTokenWrites {
    /// A person's search tokens: the distinct words of their sort key. The sort key is already
    /// their folded name (`NameFolding.fold` of family and given name), so its words are the
    /// words a search folds its fragments to, and a 100,000-person import does not fold every
    /// name twice (splitting them in SQL instead measured 0.5 s more CPU for 100,000 people).
    public static func tokens(sortKey: String) -> Set<Substring> {
        Set(sortKey.split(separator: " "))
    }

    /// Indexes a person written just now (who has no tokens yet).
    static func insert(_ db: Database, personID: Int64, sortKey: String) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO name_token (token, person_id) VALUES (?, ?)")
        for token in tokens(sortKey: sortKey) { try statement.execute(arguments: [String(token), personID]) }
    }

    /// Rewrites a person's tokens after their name changed.
    static func replace(_ db: Database, personID: Int64, sortKey: String) throws {
        try delete(db, personID: personID)
        try insert(db, personID: personID, sortKey: sortKey)
    }

    /// Drops a person from the index (erasure).
    static func delete(_ db: Database, personID: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM name_token WHERE person_id = ?").execute(arguments: [personID])
    }
}
