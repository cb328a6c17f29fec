import Foundation
import GRDB

/// Turns what a transaction wrote into records, at the end of that transaction.
///
/// Triggers on every synced table (and on the attendance log) note the rows a transaction
/// touched in `sync_dirty`; `flush` compares each with its current merged value and makes one
/// `put` record of the fields that changed (naming the heads it replaces), or an `event` record
/// for an event made here. Rows that only took in what arrived by sync already equal the merged
/// value, so nothing is recorded twice. Writers never make records themselves: a write through
/// the per-table writers is recorded, whichever screen or command made it.
enum SyncRecorder {
    /// Records everything the transaction touched. `now` drives the clock; a genesis flush
    /// (a course file's first load, or rows older than sync) stamps clock 0, which any edit beats.
    static func flush(_ db: Database, now: Date, progress: ProgressReporter = .silent) throws {
        guard var local = try SyncLocal.read(db) else { return }  // not opened as a writer yet
        let genesis = try takeGenesis(db)
        var made = 0
        // Counted across rounds: a later round makes the total grow rather than start again.
        var done = 0, total = 0
        let known = SyncIDs.Known()
        // Recording assigns global ids, which touches rows again: go round until quiet.
        while true {
            let dirty = try Row.fetchAll(db.cachedStatement(sql: "SELECT entity, key, gid FROM sync_dirty"))
            if dirty.isEmpty { break }
            // Taken out together: what recording this round touches again (a row given its id
            // by a reference to it) is noted anew and comes back in the next round.
            try SyncRecordWrites.clearAllDirty(db)
            // Read by position (entity, key, gid): by name, GRDB lower-cases the names to compare.
            let sorted = dirty.sorted { order($0[0]) < order($1[0]) }
            total += sorted.count
            var read = ReadAhead()
            for (index, row) in sorted.enumerated() {
                done += 1
                progress("recording for sync", done, of: total, "rows")
                let entity: String = row[0], key: String = row[1]
                if entity == "attendance_event" {
                    made += try recordEvent(db, id: key, local: &local, now: now, genesis: genesis, known: known) ? 1 : 0
                } else if let e = SyncEntity.named(entity), let k = Int64(key) {
                    let current = try read.row(db, entity: e, key: k, following: sorted[index...])
                    made +=
                        try recordRow(
                            db, entity: e, key: k, row: current, deletedGID: row[2], local: &local, now: now, genesis: genesis,
                            known: known)
                        ? 1 : 0
                }
            }
        }
        if made > 0 { try local.save(db) }
    }

    /// Records one row's changes now rather than at the transaction's end: an erasure that
    /// rewrote a session's facilitator list scrubs the replaced values from the sync log, and
    /// they are replaced only once the edit is a record (`FreeTextScrub.scrubSyncRecords`).
    static func flush(_ db: Database, entity: SyncEntity, key: Int64, now: Date) throws {
        guard var local = try SyncLocal.read(db) else { return }
        try SyncRecordWrites.clearDirty(db, entity: entity.table, key: String(key))
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(entity.table) WHERE \(entity.key) = ?"), arguments: [key])
        if try recordRow(db, entity: entity, key: key, row: row, deletedGID: nil, local: &local, now: now, genesis: false) {
            try local.save(db)
        }
    }

    /// Marks the current transaction as a genesis load (a course file loaded for the first time).
    static func markGenesis(_ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS sync_genesis (x)")
        try db.execute(sql: "INSERT INTO temp.sync_genesis VALUES (1)")
    }

    static func takeGenesis(_ db: Database) throws -> Bool {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM temp.sqlite_master WHERE name = 'sync_genesis'")) ?? false else {
            return false
        }
        let marked = try Bool.fetchOne(db, sql: "SELECT 1 FROM temp.sync_genesis LIMIT 1") ?? false
        if marked { try db.execute(sql: "DELETE FROM temp.sync_genesis") }
        return marked
    }

    /// The synced columns of each table, in order and as a set, read once per process (the
    /// schema does not change under it).
    nonisolated(unsafe) static var columnCache: [String: (list: [String], set: Set<String>)] = [:]
    static let columnLock = NSLock()

    static func columns(_ db: Database, _ entity: SyncEntity) throws -> [String] { try synced(db, entity).list }

    static func synced(_ db: Database, _ entity: SyncEntity) throws -> (list: [String], set: Set<String>) {
        columnLock.lock()
        defer { columnLock.unlock() }
        if let cached = columnCache[entity.table] { return cached }
        let columns = try entity.columns(db)
        let synced = (list: columns, set: Set(columns))
        columnCache[entity.table] = synced
        return synced
    }

    static func order(_ entity: String) -> Int {
        SyncEntity.ordered.firstIndex { $0.table == entity } ?? SyncEntity.ordered.count
    }

    /// One row's changes as a put record; false when nothing changed. `row`: the row as it is
    /// now, nil when it was deleted.
    static func recordRow(
        _ db: Database, entity: SyncEntity, key: Int64, row: Row?, deletedGID: String?, local: inout SyncLocal, now: Date,
        genesis: Bool, known: SyncIDs.Known? = nil
    ) throws -> Bool {
        let gid: String
        var fields: [String: SyncValue] = [:]
        var fresh = false
        if let row {
            let columns = try synced(db, entity)
            // Sized once: a person's twenty fields would otherwise grow the table four times.
            fields.reserveCapacity(columns.list.count + 1)
            let how: SyncIDs.Assigned
            (gid, how) = try SyncIDs.assign(db, entity: entity, key: key, row: row, fromCourseFile: genesis, known: known)
            if how != .held {
                // (Giving the row its id did not note it again: v25's triggers skip that update.)
                // A row new to sync has no records yet, unless its id is derived from a natural
                // key another row had (a quota a course file put back): then its heads count.
                fresh = try how == .new || !SyncRecordWrites.holdsRecords(db, gid: gid)
            }
            // One pass over the row's columns: GRDB finds a column by name by lower-casing it and
            // every name before it, which for a person's twenty fields was 2.3 % of an import.
            for (column, value) in row where columns.set.contains(column) {
                if let target = entity.refs[column], let id = Int64.fromDatabaseValue(value) {
                    fields[column] = .text(try SyncIDs.ensure(db, table: target, key: id, fromCourseFile: genesis, known: known))
                } else {
                    fields[column] = SyncValue(value)
                }
            }
            if fields.count < columns.list.count {
                for column in columns.list where fields[column] == nil { fields[column] = .null }
            }
            fields[SyncEntity.exists] = .int(1)
        } else {
            // Deleted: recorded only if it was known to sync and nothing took its id since.
            guard let deletedGID, try SyncIDs.local(db, table: entity.table, gid: deletedGID) == nil else { return false }
            gid = deletedGID
            fields[SyncEntity.exists] = .int(0)
        }
        // An id given just now is not an erased one: `assign` made sure.
        if !fresh, try SyncErasure.isErased(db, gid: gid) { return false }
        // An entity new to sync states every field and replaces nothing (most rows of an import).
        let heads = fresh ? [:] : try SyncMerge.heads(db, gid: gid)
        let existed = heads[SyncEntity.exists]?.first?.value.same(.int(1)) ?? false
        // A re-created entity states every field again.
        let restated = !existed && fields[SyncEntity.exists] == .int(1)
        let changed =
            fresh || restated
            ? fields
            : fields.filter { field, value in heads[field]?.first.map { !$0.value.same(value) } ?? true }
        if changed.isEmpty || (!existed && fields[SyncEntity.exists] == .int(0)) { return false }
        var prev: [String: [String]] = [:]
        for field in changed.keys {
            let replaced = (heads[field] ?? []).map(\.recordID)
            if !replaced.isEmpty { prev[field] = replaced }
        }
        try emit(
            db, kind: .put, entity: entity.table, gid: gid, fields: changed, prev: prev.isEmpty ? nil : prev,
            id: GlobalID.record(), local: &local, now: now, genesis: genesis, first: fresh)
        return true
    }

    /// An event made here as an event record; false for one that arrived by sync (already held).
    static func recordEvent(
        _ db: Database, id: String, local: inout SyncLocal, now: Date, genesis: Bool, known: SyncIDs.Known? = nil
    ) throws -> Bool {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM sync_record WHERE id = ?"), arguments: [id]) ?? false { return false }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM attendance_event WHERE id = ?"), arguments: [id]) else {
            return false
        }
        let fields: [String: SyncValue] = [
            "session": .text(try SyncIDs.ensure(db, table: "session", key: row["session_id"], fromCourseFile: genesis, known: known)),
            "person": .text(try SyncIDs.ensure(db, table: "person", key: row["person_id"], fromCourseFile: genesis, known: known)),
            "status": SyncValue(row["status"]), "arrival_ms": SyncValue(row["arrival_ms"]),
            "departure_ms": SyncValue(row["departure_ms"]), "note": SyncValue(row["note"]),
            "recorded_ms": SyncValue(row["recorded_ms"]), "actor": SyncValue(row["actor"]),
            "device": SyncValue(row["device"]), "source": SyncValue(row["source"]), "undoes": SyncValue(row["undoes"]),
        ]
        try emit(
            db, kind: .event, entity: "attendance_event", gid: id, fields: fields, prev: nil, id: id, local: &local,
            now: now, genesis: false)
        return true
    }

    /// Numbers, clocks and stores one record of this library's origin. `first`: the caller knows
    /// no record of `gid` is held (`SyncRecordWrites.insert`).
    @discardableResult
    static func emit(
        _ db: Database, kind: SyncRecord.Kind, entity: String, gid: String, fields: [String: SyncValue]?,
        prev: [String: [String]]?, id: String, local: inout SyncLocal, now: Date, genesis: Bool, first: Bool = false
    ) throws -> SyncRecord {
        let hlc = genesis ? 0 : local.clock.tick(now: now)
        let record = SyncRecord(
            id: id, origin: local.origin, seq: local.nextSeq, hlc: hlc, kind: kind, entity: entity, gid: gid,
            fields: fields, prev: prev)
        local.nextSeq += 1
        try SyncRecordWrites.insert(db, record, body: record.canonicalJSON, receivedMs: now.ms, first: first)
        return record
    }
}
