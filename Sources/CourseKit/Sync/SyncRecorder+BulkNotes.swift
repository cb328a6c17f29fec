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
        let triggers = try SuspendedTriggers(db, names: tables.compactMap(SyncEntity.named).map { "sync_dirty_\($0.table)_ins" })
        // The largest key of each table whose trigger goes: every row above it is one `body` adds.
        let before = try triggers.saved.compactMap { SyncEntity.named($0.table) }.map { entity in
            (entity: entity, last: try Int64.fetchOne(db, sql: "SELECT max(\(entity.key)) FROM \(entity.table)") ?? 0)
        }
        try triggers.drop(db)
        let result = try body()
        for (entity, last) in before { try SyncRecordWrites.noteAdded(db, entity: entity, after: last) }
        try triggers.restore(db)
        return result
    }
}
