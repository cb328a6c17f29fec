import GRDB

/// Writes to `session`, by column (the stored position and time-zone override are not in `Session`).
public enum SessionWrites: TableWrites {
    static let table = "session"

    /// Adds a session from its columns (`course_id`, `key`, `position`, `title`, `kind`,
    /// `start_ms`, `end_ms`, …); returns its id.
    @discardableResult
    public static func insert(_ db: Database, _ columns: [String: (any DatabaseValueConvertible)?]) throws -> Int64 {
        try insertColumns(db, columns)
    }

    static func update(_ db: Database, id: Int64, _ columns: [String: (any DatabaseValueConvertible)?]) throws {
        try updateColumns(db, id: id, columns)
    }

    static func delete(_ db: Database, id: Int64) throws {
        try deleteRow(db, id: id)
    }

    static func deleteAll(_ db: Database, courseID: Int64) throws {
        try db.execute(sql: "DELETE FROM session WHERE course_id = ?", arguments: [courseID])
    }
}
