import Foundation
import GRDB

/// Writes to `sync_record`, `sync_field`, `sync_supersede` and `sync_origin`: every record this
/// library holds, made here or received, goes in through `insert`, which keeps the per-field
/// heads the merge reads (`SyncMerge`) true whatever order records arrive in; or, the first
/// record of an entity made here, through `insertRecordAlone` and then `insertNewFields`.
enum SyncRecordWrites {
    /// Stores a record not held yet. A field's row is a head unless a record already stored
    /// names it in `prev`, or it is a genesis value (clock 0) and the field has a real edit.
    static func insert(_ db: Database, _ record: SyncRecord, body: Data, receivedMs: Int64) throws {
        try insertRecordAlone(db, record, body: body, receivedMs: receivedMs)
        guard record.kind == .put, let fields = record.fields else { return }
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

    /// The `sync_record` row alone, for a record of an entity that has none yet, whose fields
    /// `insertNewFields` stores with the others of its transaction (`SyncRecorder.emit`).
    static func insertRecordAlone(_ db: Database, _ record: SyncRecord, body: Data, receivedMs: Int64) throws {
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

    /// Stores the fields of records stored by `insertRecordAlone`, all heads (no record of their
    /// entity was stored before, so none can name them or wait to be superseded), in one statement that
    /// reads them from the stored bodies. Field by field, a 100,000-person import ran 2.1 million
    /// bound inserts from Swift, in random key order. The records go in sorted by global id, and a
    /// body lists its fields in key order, so the rows arrive in `sync_field`'s key order and
    /// each lands next to the one before: no sort in SQLite (which spilled 2.1 million rows to
    /// temporary files), and each page of the table is written once.
    static func insertNewFields(_ db: Database, records: [(gid: String, id: String)]) throws {
        guard !records.isEmpty else { return }
        let ids = records.sorted { ($0.gid, $0.id) < ($1.gid, $1.id) }.map(\.id)
        try db.execute(
            sql: """
                INSERT INTO sync_field (gid, field, record_id, entity, hlc, origin, value, superseded)
                SELECT r.gid, f.key, r.id, r.entity, r.hlc, r.origin, f.value, 0
                FROM json_each(?) AS wanted JOIN sync_record r ON r.id = wanted.value,
                     json_each(CAST(r.body AS TEXT), '$.fields') AS f
                """, arguments: [String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)])
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
        try db.execute(
            sql: "UPDATE sync_field SET value = ? WHERE gid = ? AND field = ? AND record_id = ?",
            arguments: [value, gid, field, recordID])
    }

    /// Blanks the stored values of an erased person's fields; the rows stay so the heads stay true.
    static func blankFields(_ db: Database, gid: String) throws {
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
