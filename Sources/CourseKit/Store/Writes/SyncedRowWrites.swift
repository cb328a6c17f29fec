import Foundation
import GRDB

// How a merged value that arrived by sync reaches a table: through that table's writer, like
// every other write. Only `SyncApply` calls these.
extension TableWrites {
    /// Inserts the entity with its global id, or updates the columns that differ; returns the row's key.
    static func applySynced(_ db: Database, key: Int64?, gid: String, _ values: [String: DatabaseValue]) throws -> Int64 {
        if let key {
            let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE \(self.key) = ?", arguments: [key])
            let changed = values.filter { column, value in row?[column] as DatabaseValue? != value }
            try updateColumns(db, id: key, changed.mapValues { $0 as (any DatabaseValueConvertible)? })
            try afterSynced(db, key: key)
            return key
        }
        var columns = values.mapValues { $0 as (any DatabaseValueConvertible)? }
        columns["gid"] = gid
        let inserted = try insertColumns(db, columns)
        try afterSynced(db, key: inserted)
        return inserted
    }

    static func deleteSynced(_ db: Database, key: Int64) throws { try deleteRow(db, id: key) }
}

extension TableWrites {
    /// What follows from a synced row on this device (a person's sort key and name tokens).
    static func afterSynced(_ db: Database, key: Int64) throws {
        guard table == PersonWrites.table,
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [key])
        else { return }
        let person = Person(row: row)
        let sortKey = person.sortKey
        if (row["sort_key"] as String?) != sortKey {
            try db.cachedStatement(sql: "UPDATE person SET sort_key = ? WHERE id = ?").execute(arguments: [sortKey, key])
        }
        let erased = try People.isErased(db, personID: key)
        if (row["merged_into"] as Int64?) == nil && !erased {
            try NameTokenWrites.replace(db, personID: key, sortKey: sortKey)
        } else {
            try NameTokenWrites.delete(db, personID: key)
        }
    }
}
