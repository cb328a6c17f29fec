import Foundation
import GRDB

/// The last step of an erasure: the library's files rewritten so no old page holds the erased
/// data (issue 21, item 4).
///
/// The rewrite (VACUUM, then a TRUNCATE checkpoint that folds the WAL back and empties it) has
/// to wait for every other process reading the library to let go. Waiting made `person erase`
/// fail after 5 s with "database is locked" when the erasure had in fact committed. Now the
/// erasure notes in the same transaction that a scrub is due, the scrub is tried without
/// waiting, and when a reader is in the way it stays due: the writer finishes it when it next
/// opens the library or polls with no reader left, and `muster doctor` shows it meanwhile.
extension PrivacyAudit {
    static let scrubDueKey = "scrub_due_since_ms"

    /// Since when an erasure's old bytes may still be in the library's files; nil when none.
    public func scrubDueSince() throws -> Date? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?", arguments: [Self.scrubDueKey])
        }.map { Date(ms: $0) }
    }

    /// Finishes a due scrub if no reader is in the way; true when none is due any more. Never
    /// waits: a reader in the way leaves it due. Only the library's writer scrubs.
    @discardableResult
    public func finishDueScrub() throws -> Bool {
        guard store.role.isWriter else { return try scrubDueSince() == nil }
        guard try scrubDueSince() != nil else { return true }
        return try scrubFiles()
    }

    static func noteScrubDue(_ db: Database, at time: Date) throws {
        try MetaWrites.set(db, key: scrubDueKey, value: String(time.ms))
    }

    /// VACUUM with `secure_delete` (checked), then fold the WAL into the file and truncate it.
    /// Returns false, leaving the scrub due, when another connection's read is in the way.
    func scrubFiles() throws -> Bool {
        do {
            return try pool.writeWithoutTransaction { db in
                try store.withoutWaiting(db) {
                    try db.execute(sql: "PRAGMA secure_delete = ON")
                    guard try Int.fetchOne(db, sql: "PRAGMA secure_delete") == 1 else {
                        throw MusterError.database("secure_delete could not be turned on; the erased data may remain in free pages")
                    }
                    try db.execute(sql: "VACUUM")
                    try db.checkpoint(.truncate)
                    try MetaWrites.remove(db, key: Self.scrubDueKey)
                    try? db.checkpoint(.truncate)
                    return true
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return false
        }
    }
}

/// What `muster doctor` says about erasures: how many, whether their key file is where it
/// must be, and whether a scrub is still due.
public struct ErasureHealth: Sendable, Equatable {
    public var erasures: Int
    /// Erasures recorded with keyed marks, which need `keyPath` to be recognised.
    public var keyed: Int
    public var keyPath: String
    public var keyPresent: Bool
    public var scrubDueSince: Date?
}

extension PrivacyAudit {
    public func erasureHealth() throws -> ErasureHealth {
        let key = ErasureKey(library: store.path)
        let (count, keyed) = try read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT erased_ms || person_id) FROM erasure") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT erased_ms || person_id) FROM erasure WHERE fingerprint LIKE 'k1:%'") ?? 0
            )
        }
        return ErasureHealth(
            erasures: count, keyed: keyed, keyPath: key.path, keyPresent: key.read() != nil, scrubDueSince: try scrubDueSince())
    }
}
