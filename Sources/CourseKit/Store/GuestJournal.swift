import Foundation
import GRDB

/// A guest's own attendance journal, `<library>.guests/<device id>.sqlite`: where a process
/// that does not hold the library's writer lock records marks, undos and check-ins.
///
/// It has exactly one writer (the guest that made it), and is in `journal_mode=DELETE` with
/// `synchronous=FULL`, so SQLite's WAL-reset bug cannot touch it and a commit is on the disk
/// before the guest acknowledges the mark. Its events carry the library's own session and
/// person ids (same file, same machine). The library's writer absorbs them
/// (`GuestJournal+Absorb.swift`) and deletes the journal once its guest has gone; the guest
/// holds a `flock` on `<journal>.lock` while it lives to say it has not.
final class GuestJournal: @unchecked Sendable {
    let path: String
    /// The device id stamped on this guest's events (a new one per journal).
    let deviceID: String
    let queue: DatabaseQueue
    private let lock: WriterLock

    /// The folder of guest journals beside a library.
    static func folder(library: String) -> String { library + ".guests" }

    /// The journal files waiting beside a library, oldest name first.
    static func journals(library: String) -> [String] {
        let dir = folder(library: library)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".sqlite") }.sorted().map { "\(dir)/\($0)" }
    }

    /// Makes a new journal for this process (folder 0700, file 0600 from its first byte) and
    /// takes its lock.
    init(library: String, deviceID: String) throws {
        let dir = Self.folder(library: library)
        do {
            if !FileManager.default.fileExists(atPath: dir) {
                try FileManager.default.createDirectory(
                    atPath: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw MusterError.unreadable(path: dir, reason: "cannot create the folder for this process's marks")
        }
        self.deviceID = deviceID
        path = "\(dir)/\(deviceID).sqlite"
        // The lock first: the writer deletes a journal only when it can take its lock.
        guard let lock = try WriterLock.tryAcquire(path: path + ".lock") else {
            throw MusterError.database("a new journal's lock \(path).lock is taken")
        }
        self.lock = lock
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MusterError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        Glibc.close(fd)
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.label = "muster-guest"
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                try db.execute(sql: "PRAGMA synchronous = FULL")
                guard try Int.fetchOne(db, sql: "PRAGMA synchronous") == 2 else {
                    throw MusterError.database("synchronous=FULL did not take on \(path)")
                }
            }
            try queue.write { db in
                try db.execute(sql: Self.schema)
                try db.execute(
                    sql: "INSERT INTO journal_meta(key, value) VALUES ('device_id', ?), ('library', ?), ('pid', ?)",
                    arguments: [deviceID, library, String(getpid())])
            }
        } catch let error as DatabaseError {
            throw MusterError(error, path: path)
        }
    }

    /// The journal's tables: its identity, and the events in the order they were committed
    /// (the rowid is how far the writer has absorbed).
    static let schema = """
        CREATE TABLE journal_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE guest_event (
            seq          INTEGER PRIMARY KEY,
            id           TEXT UNIQUE NOT NULL,
            session_id   INTEGER NOT NULL,
            person_id    INTEGER NOT NULL,
            status       TEXT NOT NULL,
            arrival_ms   INTEGER,
            departure_ms INTEGER,
            note         TEXT NOT NULL DEFAULT '',
            recorded_ms  INTEGER NOT NULL,
            actor        TEXT NOT NULL,
            device       TEXT NOT NULL,
            source       TEXT NOT NULL,
            undoes       TEXT
        );
        CREATE INDEX guest_event_by_mark ON guest_event(session_id, person_id);
        """

    /// Columns in `attendance_event`'s names, so `AttendanceEvent(row:)` reads both tables.
    static let columns = """
        id, session_id, person_id, status, arrival_ms, departure_ms, note, recorded_ms, actor, device, source, undoes
        """

    static func append(_ db: Database, _ event: AttendanceEvent) throws {
        try db.execute(
            sql: "INSERT INTO guest_event (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                event.id.lowercaseText, event.sessionID, event.personID, event.status.rawValue, event.arrival?.ms,
                event.departure?.ms, event.note, event.recordedAt.ms, event.actor, event.device, event.source.rawValue,
                event.undoes?.lowercaseText,
            ])
    }

    static func events(_ db: Database, sessionID: Int64, personID: Int64) throws -> [AttendanceEvent] {
        try Row.fetchAll(
            db, sql: "SELECT \(columns) FROM guest_event WHERE session_id = ? AND person_id = ?", arguments: [sessionID, personID]
        ).map(AttendanceEvent.init(row:))
    }

    static func events(_ db: Database, sessionID: Int64) throws -> [AttendanceEvent] {
        try Row.fetchAll(db, sql: "SELECT \(columns) FROM guest_event WHERE session_id = ?", arguments: [sessionID])
            .map(AttendanceEvent.init(row:))
    }

    static func event(_ db: Database, id: UUID) throws -> AttendanceEvent? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM guest_event WHERE id = ?", arguments: [id.lowercaseText])
            .map(AttendanceEvent.init(row:))
    }

    /// Runs a write on the journal, mapping its errors to ones a user can act on.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch let e as DatabaseError { throw MusterError(e, path: path) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch let e as DatabaseError { throw MusterError(e, path: path) }
    }

    /// Lets go of the journal: closes it and its lock, so the writer may absorb and delete it.
    func close() throws {
        try queue.close()
        lock.release()
    }
}
