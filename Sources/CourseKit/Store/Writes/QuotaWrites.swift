import GRDB

/// Writes to `quota`: a course's limits per country or agency.
enum QuotaWrites: TableWrites {
    static let table = "quota"
    static var key: String { "rowid" }

    static func insert(_ db: Database, courseID: Int64, scope: QuotaScope, key: String, limit: Int, position: Int) throws {
        try db.execute(
            sql: "INSERT INTO quota(course_id, scope, key, lim, position) VALUES (?, ?, ?, ?, ?)",
            arguments: [courseID, scope.rawValue, key, limit, position])
    }

    static func deleteAll(_ db: Database, courseID: Int64) throws {
        try db.execute(sql: "DELETE FROM quota WHERE course_id = ?", arguments: [courseID])
    }
}
