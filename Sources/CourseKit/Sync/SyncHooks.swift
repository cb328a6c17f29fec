import Foundation
import GRDB

// Where the store's open meets sync.
extension CourseStore {
    /// Called once when this process opens the library for writing, after migrations, inside a
    /// write transaction: takes a new origin when the file was copied, and gives rows older than
    /// sync their global ids and genesis records (once).
    static func syncWriterOpened(_ db: Database, path: String) throws {
        try SyncLocal.ensure(db, path: path, label: SyncLocal.defaultLabel(actor: defaultActor()))
        guard try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'sync_backfilled'") == nil else { return }
        for entity in SyncEntity.ordered {
            try db.execute(
                sql: "INSERT OR IGNORE INTO sync_dirty SELECT ?, \(entity.key), NULL FROM \(entity.table) WHERE gid IS NULL",
                arguments: [entity.table])
        }
        try db.execute(sql: "INSERT OR IGNORE INTO sync_dirty SELECT 'attendance_event', id, NULL FROM attendance_event")
        try SyncRecorder.markGenesis(db)
        try SyncRecorder.flush(db, now: Date())
        try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('sync_backfilled', '1')")
    }
}
