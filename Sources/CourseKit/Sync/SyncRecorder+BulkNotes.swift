import GRDB

extension SyncRecorder {
    /// Runs `body`, which adds rows to `tables` (a roster import's people and nominations), with
    /// those tables' insert notes suspended, then notes every row it added in one statement per
    /// table. Rows `body` updates or deletes are noted as ever: only the insert triggers go.
    ///
    /// Why: a table with an `AFTER INSERT` trigger runs the trigger's program for each row, with
    /// a statement journal around it; 100,000 people inserted from Python took 0.6–1.3 s more
    /// with `sync_dirty_person_ins` than without it, and about as much with a trigger that does
    /// nothing. The notes are the same either way: `(table, key, gid)` of each row added, the
    /// recorder's input (`flush`).
    ///
    /// The rows added are those whose key is above the table's largest before `body`: these
    /// tables' keys are SQLite's rowids, and a new row's is one past the largest. A key `body`
    /// frees and gives again (the newest row deleted, then another added) was noted by the
    /// delete trigger, which stays, as the insert trigger would have left it. Must run
    /// inside the caller's transaction: the dropped triggers are created again before it ends,
    /// and a rollback brings them back with everything else. A table without its trigger (a
    /// schema this code does not know) is left as it is.
    static func notingInsertsSetWise<T>(_ db: Database, tables: [String], _ body: () throws -> T) throws -> T {
        guard db.isInsideTransaction else { throw MusterError.database("set-wise sync notes need a transaction") }
        let names = tables.map { "'sync_dirty_\($0)_ins'" }.joined(separator: ", ")
        // Creation order kept (rowid order in sqlite_master), as `DerivedRoster` does.
        let saved = try Row.fetchAll(
            db, sql: "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (\(names)) ORDER BY rowid"
        ).map { (table: $0[0] as String, name: $0[1] as String, sql: $0[2] as String) }
        var before: [String: Int64] = [:]
        for trigger in saved {
            guard let entity = SyncEntity.named(trigger.table) else { continue }
            before[trigger.table] = try Int64.fetchOne(db, sql: "SELECT max(\(entity.key)) FROM \(entity.table)") ?? 0
            try db.execute(sql: "DROP TRIGGER \(trigger.name)")
        }
        let result = try body()
        for trigger in saved {
            guard let entity = SyncEntity.named(trigger.table), let last = before[trigger.table] else { continue }
            try SyncRecordWrites.noteAdded(db, entity: entity, after: last)
            try db.execute(sql: trigger.sql)
        }
        return result
    }
}
