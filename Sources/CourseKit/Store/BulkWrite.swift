import Foundation
import GRDB

/// The settings of the one transaction of a bulk write (a roster import, a bundle taken in).
enum BulkWrite {
    /// Runs `body` (which opens the transaction) with a 64 MiB page cache and SQLite's
    /// temporary storage in memory, and puts both back after it.
    ///
    /// The cache: a big roster, and the sync records made of it, touch more pages than SQLite's
    /// default 2 MB holds; spilling them to the WAL mid-transaction writes pages many times over
    /// (with 2 MB, recording 100,000 people took 15 times as long as the rest of the import).
    ///
    /// Temporary storage: a write that fires triggers keeps a statement journal (the pages it
    /// touches, so it alone can be undone). Once one statement's journal passes 64 KiB, the
    /// journal moves to a temporary file, and every later statement of the transaction writes
    /// its pages there: 4,000,000 `pwrite` calls in a 100,000-person import, 7 % of its time
    /// (`strace -c`). In memory it is a copy, and no name lands in an unencrypted temporary file.
    /// Not for every transaction: a sort that spills (the export of a whole library orders 1.3
    /// million records) would then hold in memory what SQLite otherwise writes to a file, 1.4 GB
    /// against 0.7 GB for the 100k library's. Changing it drops the connection's temporary
    /// tables, so it is changed outside any transaction, where none is needed.
    static func settings<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -65536")
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
        defer {
            try? db.execute(sql: "PRAGMA temp_store = DEFAULT")
            try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
        }
        return try body()
    }
}
