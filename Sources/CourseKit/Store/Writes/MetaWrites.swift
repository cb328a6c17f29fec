import GRDB

/// Writes to `meta`, the library's own key–value notes (device id, journals absorbed, a scrub
/// still to finish), for the keys this writer owns.
enum MetaWrites {
    static func set(_ db: Database, key: String, value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
    }

    static func remove(_ db: Database, key: String) throws {
        try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key])
    }
}
