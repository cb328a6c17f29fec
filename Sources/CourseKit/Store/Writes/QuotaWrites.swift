import GRDB

/// Writes to `quota`: a course's limits per country or agency.
enum QuotaWrites: TableWrites {
    static let table = "quota"
    static var key: String { "rowid" }

    @discardableResult
    static func insert(_ db: Database, courseID: Int64, scope: QuotaScope, key: String, limit: Int, position: Int) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO quota(course_id, scope, key, lim, position) VALUES (?, ?, ?, ?, ?)",
            arguments: [courseID, scope.rawValue, key, limit, position])
        return db.lastInsertedRowID
    }

    /// A quota's group or limit changed in place: its rowid and position stay, so undo finds it.
    static func update(_ db: Database, rowID: Int64, scope: QuotaScope, key: String, limit: Int) throws {
        try updateColumns(db, id: rowID, ["scope": scope.rawValue, "key": key, "lim": limit])
    }

    static func deleteAll(_ db: Database, courseID: Int64) throws {
        try db.execute(sql: "DELETE FROM quota WHERE course_id = ?", arguments: [courseID])
    }
}
