import Foundation
import GRDB

/// Sync below the bundle file: the records a bundle would carry, and taking records in. The
/// bundle commands (`SyncAPI`) wrap these in files; tests can also call them directly.
extension CourseStore {
    /// This library's origin id.
    public func syncOrigin() throws -> String {
        try read { db in try SyncLocal.read(db)?.origin ?? "" }
    }

    /// The records of `courses` (every record with nil), entities before events.
    public func syncRecords(courses: [String]?) throws -> [SyncRecord] {
        try requireWriter()
        return try write { db in
            if let courses { try checkCourses(db, courses) }
            try SyncScope.prepare(db, courses: courses)
            return try Data.fetchAll(db, sql: SyncScope.sql(all: courses == nil, columns: "body")).map { try SyncRecord.decode($0) }
        }
    }

    /// Takes in records (one transaction; rolled back on a dry run) and says what it added.
    public func syncTake(
        _ records: [SyncRecord], from origin: String, label: String, publicKey: Data?, dryRun: Bool = false
    ) throws
        -> SyncImportSummary
    {
        try syncTransaction(rollback: dryRun) { db in
            try SyncRecordWrites.noteOrigin(db, origin: origin, publicKey: publicKey, label: label, seenMs: clock().ms)
            var ingest = try SyncIngest(
                db: db, now: clock(), actor: actor, device: deviceID,
                summary: SyncImportSummary(path: "", bundleID: "", from: label, dryRun: dryRun))
            for record in records { try ingest.take(record) }
            return try ingest.finish()
        }
    }

    /// One IMMEDIATE transaction that commits, or rolls back when `rollback` (a dry run),
    /// recording local changes for sync before it commits like every write.
    func syncTransaction<T>(rollback: Bool, _ body: (Database) throws -> T) throws -> T {
        try requireWriter()
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try BulkWrite.settings(db) {
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        try recordForSync(db)
                        return rollback ? .rollback : .commit
                    }
                }
                return result!
            }
        } catch let e as DatabaseError { throw MusterError(e, path: path) }
    }

    func checkCourses(_ db: Database, _ courses: [String]) throws {
        for code in courses where try !(Bool.fetchOne(db, sql: "SELECT 1 FROM course WHERE code = ?", arguments: [code]) ?? false) {
            throw MusterError.unknownCourse(code)
        }
    }
}
