import Foundation
import GRDB

/// This library's origin: the id its records carry, the Ed25519 key its bundles are signed
/// with, its clock and its next sequence number.
///
/// The origin belongs to the file where it was made: the file's device and inode and the
/// machine's id are kept with it, and a library that finds itself elsewhere (copied to another
/// laptop, restored from a backup, duplicated for a second kiosk) takes a new origin and a new
/// device id before it writes anything, so two files never number records the same way
/// (Kolibri's Morango does the same). The old origin's records stay, as another origin's.
struct SyncLocal {
    var origin: String
    var privateKey: Data
    var label: String
    var clock: HybridClock
    var nextSeq: Int64

    static func read(_ db: Database) throws -> SyncLocal? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM sync_local WHERE id = 1")).map {
            SyncLocal(
                origin: $0["origin"], privateKey: $0["private_key"], label: $0["label"],
                clock: HybridClock(last: $0["hlc"]), nextSeq: $0["next_seq"])
        }
    }

    func save(_ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE sync_local SET hlc = ?, next_seq = ? WHERE id = 1").execute(arguments: [clock.last, nextSeq])
    }

    /// Names this device for the others ("kiosk at the door", "laptop Ana"): what their peer
    /// lists, bundle summaries and conflict choices call it. Sanitised; 1 to 60 characters.
    static func setLabel(_ db: Database, _ label: String) throws {
        let clean = NameSanitizer.clean(label).trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty, clean.count <= 60 else { throw MusterError.invalid("a device name is 1 to 60 characters") }
        try db.execute(sql: "UPDATE sync_local SET label = ? WHERE id = 1", arguments: [clean])
        guard let origin = try String.fetchOne(db, sql: "SELECT origin FROM sync_local WHERE id = 1") else { return }
        try SyncRecordWrites.noteOrigin(db, origin: origin, publicKey: nil, label: clean, seenMs: 0)
    }

    /// Makes sure the library has an origin that belongs to this file here; returns true when
    /// a new one was taken (first open, or the file was copied).
    @discardableResult
    static func ensure(_ db: Database, path: String, label: String) throws -> Bool {
        let here = fingerprint(path: path)
        if let stored = try String.fetchOne(db, sql: "SELECT fingerprint FROM sync_local WHERE id = 1") {
            if stored == here { return false }
        }
        let key = OriginKey()
        let origin = key.origin
        let hlc = try Int64.fetchOne(db, sql: "SELECT hlc FROM sync_local WHERE id = 1") ?? 0
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO sync_local (id, origin, private_key, label, fingerprint, hlc, next_seq)
                VALUES (1, ?, ?, ?, ?, ?, 1)
                """, arguments: [origin, key.rawPrivateKey, label, here, hlc])
        try SyncRecordWrites.noteOrigin(db, origin: origin, publicKey: key.publicKey, label: label, seenMs: 0)
        // Events are stamped with the device; a copy is another device.
        try db.execute(sql: "DELETE FROM meta WHERE key = 'device_id'")
        return true
    }

    /// Where the file is: the machine and the file's device and inode. A move within one disk
    /// keeps it; a copy, a restore or another machine does not.
    static func fingerprint(path: String) -> String {
        var info = stat()
        let file = stat(path, &info) == 0 ? "\(info.st_dev):\(info.st_ino)" : path
        return "\(machineID())|\(file)"
    }

    static func machineID() -> String {
        for candidate in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
            if let id = try? String(contentsOfFile: candidate, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
                !id.isEmpty
            {
                return id
            }
        }
        return ProcessInfo.processInfo.hostName
    }

    /// "laptop-ana (ana)": what other devices call this one.
    static func defaultLabel(actor: String) -> String {
        NameSanitizer.clean("\(ProcessInfo.processInfo.hostName) (\(actor))")
    }
}
