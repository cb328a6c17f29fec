import Foundation
import GRDB

/// The merge rule for mutable data, in one place: a field's current value is its head with the
/// greatest (clock, origin, record id); heads are the values no later record replaced (`prev`),
/// and a genesis value (what a course file said) is replaced by any edit. Two heads with
/// different values are a conflict: the winner shows, the other stays until someone chooses.
/// A pure function of the set of records held, so every device holding the same records shows
/// the same values.
enum SyncMerge {
    struct Head: Hashable {
        var recordID: String
        var hlc: Int64
        var origin: String
        var value: SyncValue
    }

    /// Heads per field of one entity, winner first. An entity with one record made here has no
    /// `sync_field` rows: its record's fields, read from its body, are every head
    /// (`SyncRecordWrites.materializeFields`).
    static func heads(_ db: Database, gid: String) throws -> [String: [Head]] {
        var result: [String: [Head]] = [:]
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT field, record_id, hlc, origin, value FROM sync_field WHERE gid = ?1 AND superseded = 0
                    UNION ALL
                    SELECT field, record_id, hlc, origin, value FROM (\(SyncRecordWrites.fieldsInBodies)) WHERE gid = ?1
                    ORDER BY 1, 3 DESC, 4 DESC, 2 DESC
                    """), arguments: [gid])
        for row in rows {
            result[row["field"], default: []].append(
                Head(recordID: row["record_id"], hlc: row["hlc"], origin: row["origin"], value: SyncValue(row["value"] as DatabaseValue)))
        }
        return result
    }

    /// Current value per field.
    static func winners(_ db: Database, gid: String) throws -> [String: SyncValue] {
        try heads(db, gid: gid).compactMapValues { $0.first?.value }
    }

    /// Fields whose heads disagree.
    static func conflicting(_ heads: [String: [Head]]) -> [String: [Head]] {
        heads.filter { _, hs in
            guard let first = hs.first else { return false }
            return hs.dropFirst().contains { !$0.value.same(first.value) }
        }
    }
}
