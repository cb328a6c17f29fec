import Foundation
import GRDB

extension SyncRecorder {
    /// The rows a recording round records, read a few hundred at a time.
    ///
    /// Why: an import's recording reads each of its 200,000 new rows, and one `SELECT … WHERE
    /// id = ?` per row was 6.7 % of the import (`perf`). One `IN (…)` over the next keys of the
    /// same table does the same look-ups without stepping a statement per row. The only column
    /// recording writes to a row it has read ahead is the global id, which `SyncIDs.assign`
    /// takes from `known` when the row read has none.
    struct ReadAhead {
        static let batch = 500
        private var table = ""
        private var keys = Set<Int64>()
        private var rows: [Int64: Row] = [:]

        /// The row of `key` as it is now, nil when it was deleted. `following`: the round's notes
        /// from this one on, whose keys of the same table are read with it.
        mutating func row(_ db: Database, entity: SyncEntity, key: Int64, following: ArraySlice<Row>) throws -> Row? {
            if entity.table != table || !keys.contains(key) {
                table = entity.table
                keys = [key]
                // A note is (entity, key, gid), read by position as `flush` does.
                for note in following.prefix(Self.batch) where note[0] == table {
                    if let k = Int64(note[1] as String) { keys.insert(k) }
                }
                let marks = Array(repeating: "?", count: keys.count).joined(separator: ",")
                let sql = "SELECT \(entity.key) AS read_key, * FROM \(table) WHERE \(entity.key) IN (\(marks))"
                let statement = keys.count == Self.batch ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
                rows = [:]
                rows.reserveCapacity(keys.count)
                for row in try Row.fetchAll(statement, arguments: StatementArguments(Array(keys))) {
                    rows[row[0]] = row  // read_key
                }
            }
            return rows[key]
        }
    }
}
