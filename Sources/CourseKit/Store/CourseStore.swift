import Foundation
import GRDB

/// The course library on disk: one SQLite file in WAL mode shared by every Muster process
/// on the machine (a facilitator's roll call, a kiosk, scripts).
///
/// Writes are durable before they return (`synchronous=FULL`): a mark the screen shows has
/// reached the disk, even if the battery dies the next second.
public final class CourseStore: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Stable id of this device, stamped on every attendance event it records.
    public let deviceID: String
    /// Who is recording (the login name), stamped on events as the actor.
    public let actor: String
    /// The time writes are stamped with: the system clock, or a test's.
    public let clock: @Sendable () -> Date

    /// Opens (creating if needed, mode 0600) and migrates the library at `path`.
    ///
    /// `busyTimeout`: how long a write waits for another process's write to finish before it
    /// fails with `databaseLocked`. Writes are short, so 5 s only runs out when something is stuck.
    public init(
        path: String, actor: String? = nil, busyTimeout: TimeInterval = 5,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.path = path
        self.clock = clock
        self.actor = actor ?? CourseStore.defaultActor()
        try CourseStore.createPrivately(path: path)
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "muster"
        do {
            pool = try DatabasePool(path: path, configuration: config)
            // DatabasePool sets synchronous=NORMAL on its writer when enabling WAL; a power cut could
            // then lose the last commits. Put FULL back and check it took.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Deleted and overwritten content is zeroed, so an erased name does not linger in free space.
                try db.execute(sql: "PRAGMA secure_delete = ON")
                let level = try Int.fetchOne(db, sql: "PRAGMA synchronous")
                guard level == 2 else { throw MusterError.database("synchronous=FULL did not take (got \(level ?? -1))") }
            }
            try Schema.migrator.migrate(pool)
            deviceID = try pool.write { db in
                try CourseStore.syncWriterOpened(db, path: path)
                return try CourseStore.ensureDeviceID(db)
            }
        } catch let error as DatabaseError {
            throw MusterError(error, path: path)
        }
    }

    /// The synchronous level of the writer connection (2 = FULL), for tests and `muster doctor`-style checks.
    public func synchronousLevel() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Changes whenever any process commits to the file; polling it is how views notice a kiosk's
    /// check-ins, since GRDB's observation only sees this process.
    public func dataVersion() throws -> Int {
        // data_version is per connection; the writer connection sees other processes' commits.
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// Runs a read, mapping database errors to user-facing ones.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let e as DatabaseError { throw MusterError(e, path: path) }
    }

    /// Runs a write in one IMMEDIATE transaction: all of it lands or none of it.
    ///
    /// Public for writers outside CourseKit (the dev generators); whatever `body` writes must go
    /// through the per-table writers (`PersonWrites`, `EnrolmentWrites`, …), which is what lets
    /// sync record every change.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                let result = try body(db)
                try recordForSync(db)
                return result
            }
        } catch let e as DatabaseError { throw MusterError(e, path: path) }
    }

    /// Turns what the transaction wrote into sync records, before it commits (`SyncRecorder`).
    func recordForSync(_ db: Database) throws {
        try SyncRecorder.flush(db, now: clock())
    }

    /// Who records: `$MUSTER_ACTOR`, `$USER`, `$LOGNAME`, else the account's login name. Services
    /// and `env -i` scripts run without `USER`; "unknown" on their marks would say nothing in an
    /// audit, while the account always has a name. "unknown" only if even that lookup fails.
    public static func defaultActor(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for key in ["MUSTER_ACTOR", "USER", "LOGNAME"] {
            if let name = env[key].map(NameSanitizer.clean), !name.isEmpty { return name }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, name.pointee != 0 {
            let login = NameSanitizer.clean(String(cString: name))
            if !login.isEmpty { return login }
        }
        return "unknown"
    }

    /// Creates the file with mode 0600 before SQLite does (SQLite would use the umask, often 0644);
    /// the WAL and shared-memory files inherit the main file's mode.
    static func createPrivately(path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(
                    atPath: dir, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw MusterError.unreadable(path: path, reason: "cannot create folder \(dir)")
            }
        }
        let fd = open(path, O_RDWR | O_CREAT, 0o600)
        if fd < 0 {
            // Read-only media or permissions: let SQLite try read-only, it gives the real reason.
            if FileManager.default.fileExists(atPath: path) { return }
            throw MusterError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
    }

    static func ensureDeviceID(_ db: Database) throws -> String {
        if let id = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") { return id }
        let id = UUID().uuidString.lowercased()
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('device_id', ?)", arguments: [id])
        return id
    }
}

extension MusterError {
    /// Maps SQLite's codes to messages a user can act on.
    init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .databaseLocked(path: path)
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_READONLY: self = .readOnly(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self = .unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        default:
            self = .database(error.message ?? "\(error)")
        }
    }
}
