import GRDB

/// Triggers a bulk write takes out for the length of its work and creates again from their
/// own SQL, inside the caller's transaction (`DerivedRoster`, `SyncRecorder.notingInsertsSetWise`):
/// a rollback brings them back with everything else, and re-creating from `sqlite_master` means
/// a migration that changes them changes what comes back, not a copy here.
struct SuspendedTriggers {
    /// The ones the schema has of the names asked for, in creation order (rowid order in
    /// `sqlite_master`): triggers on one event fire in an order that depends on it, and the
    /// restored schema should be the one that was there.
    let saved: [(table: String, name: String, sql: String)]

    init(_ db: Database, names: [String]) throws {
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        saved = try Row.fetchAll(
            db, sql: "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (\(list)) ORDER BY rowid"
        ).map { (table: $0[0], name: $0[1], sql: $0[2]) }
    }

    func drop(_ db: Database) throws {
        for trigger in saved { try db.execute(sql: "DROP TRIGGER \(trigger.name)") }
    }

    func restore(_ db: Database) throws {
        for trigger in saved { try db.execute(sql: trigger.sql) }
    }
}
