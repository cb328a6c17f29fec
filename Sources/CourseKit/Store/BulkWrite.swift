import Foundation
import GRDB

/// Settings for the one transaction of a bulk write (a roster import, a bundle taken in).
enum BulkWrite {
    /// Runs `body` (which opens the transaction) with SQLite's temporary storage in memory.
    ///
    /// Why: a write that fires triggers keeps a statement journal (the pages it touches, so it
    /// alone can be undone). Once one statement's journal passes 64 KiB, the journal moves to a
    /// temporary file, and every later statement of the transaction writes its pages there:
    /// 4,000,000 `pwrite` calls in a 100,000-person import, 7 % of its time (`strace -c`). In
    /// memory it is a copy, and no name lands in an unencrypted temporary file.
    ///
    /// Why not for every transaction: a sort that spills (the export of a whole library orders
    /// 1.3 million records) would then hold in memory what SQLite otherwise writes to a file, 1.4
    /// GB against 0.7 GB for the 100k library's. Changing the setting drops the connection's
    /// temporary tables, so it is changed outside any transaction, where none is needed.
    static func withTemporaryStorageInMemory<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
        defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
        return try body()
    }
}
