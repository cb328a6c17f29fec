import Foundation

// TEMPORARY interface for the lanes; the core lane replaces these bodies.
extension CourseStore {
    /// This library's origin, holdings, transfers, conflicts and clock warnings.
    public func syncStatus() throws -> SyncStatus { throw MusterError.database("sync not built yet") }
    /// Writes a bundle of `courses` (or every course with `all`), or only what `sinceLast` did not carry.
    public func syncExport(
        to path: String, courses: [String], all: Bool, sinceLast: String?, passphrase: String?
    ) throws -> SyncExportSummary { throw MusterError.database("sync not built yet") }
    /// Imports bundles, each in one transaction (or none, with `dryRun`).
    public func syncImport(paths: [String], dryRun: Bool, passphrase: String?) throws -> [SyncImportSummary] {
        throw MusterError.database("sync not built yet")
    }
    /// Open conflicts, of one course or all.
    public func syncConflicts(course: String?) throws -> [SyncConflict] {
        try read { db in
            if let course { try checkCourses(db, [course]) }
            return try SyncConflicts.open(db, course: course)
        }
    }
    /// Resolves a conflict by keeping a value (as typed) or the value of an origin (its label or id prefix).
    public func syncResolve(conflict: String, keep: String) throws -> SyncConflict {
        try write { db in try SyncConflicts.resolve(db, conflict: conflict, keep: keep, now: clock()) }
    }
    /// SHA-256 of the library's synced state by global ids (identical on devices holding the same records).
    public func syncDigest() throws -> String { try read { db in try SyncDigest.compute(db) } }
}
