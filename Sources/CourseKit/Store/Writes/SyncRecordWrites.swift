import Foundation
import GRDB

/// Writes to `sync_record`, `sync_field`, `sync_supersede` and `sync_origin`: every record this
/// library holds, made here or received, goes in through `insert`, which keeps the per-field
/// heads the merge reads (`SyncMerge`) true whatever order records arrive in.
///
/// `sync_field` holds the fields of entities with more than one record. An entity's first
/// record, which replaces nothing and whose body says every value exactly (`bodyHoldsFields`),
/// is its only head of every field, read from its body (`SyncMerge.heads`) until a second
/// record of the entity comes; then its fields are stored (`materializeFields`) before anything
/// compares with them. Most entities are written once (the people of a roster import, never
/// edited): their two million field rows were half of a 100,000-person library and a quarter
/// of its import.
enum SyncRecordWrites {
    /// Stores a record not held yet. A field's row is a head unless a record already stored
    /// names it in `prev`, or it is a genesis value (clock 0) and the field has a real edit.
    /// `first`: the caller knows no record of the entity is held (the recorder, of a row it just
    /// gave a new id), which spares a look-up per record of an import.
    static func insert(_ db: Database, _ record: SyncRecord, body: Data, receivedMs: Int64, first: Bool = false) throws {
        guard record.kind == .put, let fields = record.fields else {
            return try insertRecordAlone(db, record, body: body, receivedMs: receivedMs)
        }
        if record.prev?.isEmpty ?? true, bodyHoldsFields(fields), try first || !holdsRecords(db, gid: record.gid) {
            return try insertRecordAlone(db, record, body: body, receivedMs: receivedMs)
        }
        // Before this record is stored, so only the one read from its body is stored here.
        try materializeFields(db, gid: record.gid)
        try insertRecordAlone(db, record, body: body, receivedMs: receivedMs)
        let gid = record.gid
        let insertField = try db.cachedStatement(
            sql: """
                INSERT INTO sync_field (gid, field, record_id, entity, hlc, origin, value, superseded)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let named = Set(
            try String.fetchAll(
                db.cachedStatement(sql: "SELECT field FROM sync_supersede WHERE gid = ? AND record_id = ?"),
                arguments: [gid, record.id]))
        let edited: Set<String> =
            record.hlc == 0
            ? Set(
                try String.fetchAll(
                    db.cachedStatement(sql: "SELECT DISTINCT field FROM sync_field WHERE gid = ? AND hlc > 0"), arguments: [gid]))
            : []
        for (field, value) in fields {
            try insertField.execute(arguments: [
                gid, field, record.id, record.entity, record.hlc, record.origin, value.databaseValue,
                named.contains(field) || edited.contains(field),
            ])
            for replaced in record.prev?[field] ?? [] {
                try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO sync_supersede (gid, field, record_id, by_record) VALUES (?, ?, ?, ?)"
                ).execute(arguments: [gid, field, replaced, record.id])
                try db.cachedStatement(
                    sql: "UPDATE sync_field SET superseded = 1 WHERE gid = ? AND field = ? AND record_id = ?"
                ).execute(arguments: [gid, field, replaced])
            }
            if record.hlc > 0 {
                try db.cachedStatement(
                    sql: "UPDATE sync_field SET superseded = 1 WHERE gid = ? AND field = ? AND hlc = 0 AND superseded = 0"
                ).execute(arguments: [gid, field])
            }
        }
    }

    /// The `sync_record` row alone: what `insert` stores of a record whose fields stay in its
    /// body, or that has none (an event, an erasure).
    private static func insertRecordAlone(_ db: Database, _ record: SyncRecord, body: Data, receivedMs: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_record (id, origin, seq, hlc, kind, entity, gid, body, received_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.id, record.origin, record.seq, record.hlc, record.kind.rawValue, record.entity, record.gid, body,
            receivedMs,
        ])
    }

    /// Whether SQLite's JSON reading of a record's body gives back each field's value as
    /// `insert` would store it: not for a real (JSON writes 1.0 as 1, read back as an integer)
    /// nor for text holding NUL.
    static func bodyHoldsFields(_ fields: [String: SyncValue]) -> Bool {
        fields.values.allSatisfy { value in
            switch value {
            case .null, .int: true
            case .real: false
            case .text(let s): !s.utf8.contains(0)
            }
        }
    }

    /// Whether any record of `gid` is held: none, and a record that replaces nothing is its
    /// entity's only one.
    static func holdsRecords(_ db: Database, gid: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM sync_record WHERE gid = ? LIMIT 1"), arguments: [gid]) ?? false
    }

    /// The fields of the records whose entity has no `sync_field` rows (its only record, see
    /// above), read from their bodies, in `sync_field`'s columns but `superseded`: `gid, field,
    /// record_id, entity, hlc, origin, value`. The one definition the merge, the stores below
    /// and a bundle's scope read; filtered on `gid` or `record_id` outside, SQLite looks up only
    /// those records (`EXPLAIN QUERY PLAN`).
    static let fieldsInBodies = """
        SELECT r.gid, f.key AS field, r.id AS record_id, r.entity, r.hlc, r.origin, f.value
        FROM sync_record r, json_each(CAST(r.body AS TEXT), '$.fields') AS f
        WHERE r.kind = 'put' AND NOT EXISTS (SELECT 1 FROM sync_field s WHERE s.gid = r.gid)
        """

    /// Stores the fields of an entity whose only record is read from its body (a head of every
    /// field: nothing can have superseded it while it was alone), before anything changes them:
    /// a second record, a scrubbed copy, an erasure. Does nothing for an entity already stored
    /// field by field, or with no record. JSON reads the body's values as `insert` would store
    /// them (`bodyHoldsFields`, `SyncFieldHeadsTests`).
    static func materializeFields(_ db: Database, gid: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_field (gid, field, record_id, entity, hlc, origin, value, superseded)
                SELECT gid, field, record_id, entity, hlc, origin, value, 0 FROM (\(fieldsInBodies)) WHERE gid = ?
                """
        ).execute(arguments: [gid])
    }

    /// Blanks the stored notes of an enrolment whose person was erased.
    static func blankNote(_ db: Database, gid: String) throws {
        try materializeFields(db, gid: gid)
        try db.cachedStatement(sql: "UPDATE sync_field SET value = '' WHERE gid = ? AND field = 'note'").execute(arguments: [gid])
    }

    /// Replaces a stored record's body by its scrubbed form (an erased person's data).
    static func scrub(_ db: Database, _ record: SyncRecord) throws {
        try db.cachedStatement(sql: "UPDATE sync_record SET body = ?, kind = ? WHERE id = ?").execute(arguments: [
            record.canonicalJSON, record.kind.rawValue, record.id,
        ])
    }

    /// Rewrites one field value that named someone erased (`FreeTextScrub`).
    static func redactField(
        _ db: Database, gid: String, field: String, recordID: String, value: some DatabaseValueConvertible
    ) throws {
        try materializeFields(db, gid: gid)
        try db.execute(
            sql: "UPDATE sync_field SET value = ? WHERE gid = ? AND field = ? AND record_id = ?",
            arguments: [value, gid, field, recordID])
    }

    /// Blanks the stored values of an erased person's fields; the rows stay so the heads stay true.
    static func blankFields(_ db: Database, gid: String) throws {
        try materializeFields(db, gid: gid)
        try db.cachedStatement(sql: "UPDATE sync_field SET value = NULL WHERE gid = ?").execute(arguments: [gid])
    }

    /// Notes an origin and, the first time it is seen, its key and label.
    static func noteOrigin(_ db: Database, origin: String, publicKey: Data?, label: String?, seenMs: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_origin (origin, public_key, label, seen_ms) VALUES (?, ?, ?, ?)
                ON CONFLICT (origin) DO UPDATE SET
                    public_key = coalesce(sync_origin.public_key, excluded.public_key),
                    label = CASE WHEN excluded.label <> '' THEN excluded.label ELSE sync_origin.label END,
                    seen_ms = max(coalesce(sync_origin.seen_ms, 0), excluded.seen_ms)
                """, arguments: [origin, publicKey, label ?? "", seenMs])
    }

    static func markErased(_ db: Database, gid: String, recordID: String) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO sync_erased (gid, record_id) VALUES (?, ?)").execute(arguments: [gid, recordID])
    }

    static func setWaiting(_ db: Database, entity: String, gid: String, reason: String) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO sync_waiting (entity, gid, reason) VALUES (?, ?, ?)").execute(arguments: [
            entity, gid, reason,
        ])
    }

    static func clearWaiting(_ db: Database, entity: String, gid: String) throws {
        try db.cachedStatement(sql: "DELETE FROM sync_waiting WHERE entity = ? AND gid = ?").execute(arguments: [entity, gid])
    }

    /// Every note at once: a recording round has read them all.
    static func clearAllDirty(_ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM sync_dirty").execute()
    }

    /// Notes for recording every row of `entity` whose key is above `after`, as its insert
    /// trigger would have one by one (`SyncRecorder.notingInsertsSetWise`).
    static func noteAdded(_ db: Database, entity: SyncEntity, after: Int64) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO sync_dirty SELECT ?, \(entity.key), gid FROM \(entity.table) WHERE \(entity.key) > ?",
            arguments: [entity.table, after])
    }

    static func clearDirty(_ db: Database, entity: String, key: String) throws {
        try db.cachedStatement(sql: "DELETE FROM sync_dirty WHERE entity = ? AND key = ?").execute(arguments: [entity, key])
    }

    static func ledger(
        _ db: Database, bundleID: String, direction: String, path: String, name: String?, atMs: Int64, records: Int, carried: String
    ) throws {
        try db.execute(
            sql: "INSERT INTO sync_ledger (bundle_id, direction, path, name, at_ms, records, carried) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [bundleID, direction, path, name, atMs, records, carried])
    }
}
