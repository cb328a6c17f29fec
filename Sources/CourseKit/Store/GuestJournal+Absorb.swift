import Foundation
import GRDB

/// A guest journal waiting beside a library, as `muster doctor` reports it.
public struct GuestJournalStatus: Hashable, Sendable {
    public var path: String
    /// Events in it that the library does not hold yet (by how far it was absorbed).
    public var waiting: Int
    /// Whether its guest process is still running (it holds the journal's lock).
    public var guestAlive: Bool
}

extension CourseStore {
    /// The key in `meta` saying how far a journal was absorbed (its last `guest_event.seq` taken in).
    static func absorbedKey(_ journal: String) -> String { "guest_absorbed:" + (journal as NSString).lastPathComponent }

    /// Takes in every guest journal beside the library; returns how many events were new.
    ///
    /// Each journal is read read-only (it has one writer, its guest) from where the last absorb
    /// stopped, and each event is inserted through `AttendanceEventWrites` (which derives the
    /// stored mark, and which sync records) unless the library holds it already, so absorbing
    /// twice adds nothing. How far is remembered in `meta` in the same transaction. A journal
    /// fully absorbed whose guest has gone (its lock is free) is deleted.
    @discardableResult
    func absorbGuestJournals() throws -> Int {
        guard role.isWriter else { return 0 }
        var added = 0
        for journal in GuestJournal.journals(library: path) {
            added += try absorb(journal: journal)
        }
        if added > 0 { bumpGeneration() }
        // A guest killed between taking its journal's lock and making the journal left the lock alone.
        let dir = GuestJournal.folder(library: path)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".sqlite.lock") {
            let lockPath = "\(dir)/\(name)"
            guard !FileManager.default.fileExists(atPath: String(lockPath.dropLast(5))),
                let orphan = try? WriterLock.tryAcquire(path: lockPath, command: "absorbing")
            else { continue }
            if !FileManager.default.fileExists(atPath: String(lockPath.dropLast(5))) { unlink(lockPath) }
            orphan.release()
        }
        return added
    }

    private func absorb(journal: String) throws -> Int {
        let key = Self.absorbedKey(journal)
        let done =
            try read { db in try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?", arguments: [key]) } ?? 0
        // The guest's lock, held for the whole absorb when the guest is gone, so it is deleted
        // only if nothing can have been added since the last read.
        let guestGone = try WriterLock.tryAcquire(path: journal + ".lock", command: "absorbing")
        defer { guestGone?.release() }
        guard let pending = try Self.readJournal(journal, after: done, guestGone: guestGone != nil) else { return 0 }
        var added = 0
        if !pending.isEmpty {
            added = try write { db in
                var added = 0
                for (_, event) in pending where try Self.canAbsorb(db, event) {
                    try AttendanceEventWrites.append(db, event)
                    added += 1
                }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, String(pending.last!.seq)])
                return added
            }
        }
        if guestGone != nil {
            for suffix in ["", "-journal"] { unlink(journal + suffix) }
            unlink(journal + ".lock")
            try write { db in try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [key]) }
        }
        return added
    }

    /// An event is taken in when the library lacks it and still has its session and person;
    /// one whose session was deleted meanwhile has nowhere to go (the count of those is the
    /// difference `muster doctor` would not show: they stay only in the guest's acknowledgement).
    private static func canAbsorb(_ db: Database, _ event: AttendanceEvent) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT NOT EXISTS (SELECT 1 FROM attendance_event WHERE id = ?)
                   AND EXISTS (SELECT 1 FROM session WHERE id = ?) AND EXISTS (SELECT 1 FROM person WHERE id = ?)
                """, arguments: [event.id.lowercaseText, event.sessionID, event.personID]) ?? false
    }

    /// A journal's events after `seq`, oldest first; nil when it cannot be read now (busy, or
    /// not yet set up by its guest). A journal whose guest died in the middle of a commit has a
    /// hot rollback journal that a read-only connection may not roll back; once its guest is
    /// gone the rollback is done read-write (restoring exactly what the guest had committed).
    static func readJournal(_ path: String, after seq: Int64, guestGone: Bool) throws -> [(seq: Int64, event: AttendanceEvent)]? {
        var config = Configuration()
        config.readonly = !(guestGone && FileManager.default.fileExists(atPath: path + "-journal"))
        config.busyMode = .timeout(2)
        config.label = "muster-absorb"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                // A guest killed while making its journal left it without tables: empty once it is gone.
                guard try db.tableExists("guest_event") else { return guestGone ? [] : nil }
                return try Row.fetchAll(
                    db, sql: "SELECT seq, \(GuestJournal.columns) FROM guest_event WHERE seq > ? ORDER BY seq", arguments: [seq]
                ).map { ($0["seq"], AttendanceEvent(row: $0)) }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_READONLY {
            return nil  // its guest is mid-commit, or died mid-commit and is not yet known gone: next poll
        } catch let error as DatabaseError {
            throw MusterError(error, path: path)
        }
    }

    /// The guest journals beside the library and what each still holds for it.
    public func guestJournals() throws -> [GuestJournalStatus] {
        try GuestJournal.journals(library: path).map { journal in
            let done =
                try read { db in
                    try Int64.fetchOne(
                        db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?", arguments: [Self.absorbedKey(journal)])
                } ?? 0
            let alive = WriterLock.isHeld(path: journal + ".lock")
            let pending = (try? Self.readJournal(journal, after: done, guestGone: false)) ?? nil
            return GuestJournalStatus(path: journal, waiting: pending?.count ?? 0, guestAlive: alive)
        }
    }
}
