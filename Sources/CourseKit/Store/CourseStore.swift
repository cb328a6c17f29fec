import Foundation
import GRDB

/// The course library on disk: one SQLite file in WAL mode, with one writing process.
///
/// The process that opens it first takes the writer lock (`<library>.writer`, a `flock`) and
/// is its only writer: it migrates, writes and checkpoints, and takes in the marks of the
/// others. Every other process opens it as a **guest**: the file read-only, and its marks,
/// undos and check-ins written to its own journal beside the library (`GuestJournal`), which
/// the writer absorbs within a second while it polls. SQLite 3.7.0–3.51.2 can corrupt a WAL
/// file when two processes write and checkpoint it at once (docs/SYNC.md §6); this is how
/// Muster never lets them.
///
/// Writes are durable before they return (`synchronous=FULL`): a mark the screen shows has
/// reached the disk, even if the battery dies the next second.
public final class CourseStore: Sendable {
    /// How a store opens its library.
    public enum Access: Sendable {
        /// The writer when the writer lock is free, a guest when another open holds it.
        case automatic
        /// A guest even when the lock is free (tests of a guest in one process).
        case guest
        /// A writer that does not take the lock: two of these write one file at SQLite's own
        /// risk. Only for tests of SQLite-level concurrency (busy timeouts, a plan redone
        /// when another connection committed), never for Muster's processes.
        case unlockedWriter
    }

    public let path: String
    /// The open library and this process's part in it; changes once when a guest becomes the writer.
    let role: StoreRole
    var pool: DatabasePool { role.pool }
    /// Stable id of this device, stamped on every attendance event it records: the library's
    /// own for the writer, its journal's for a guest.
    public var deviceID: String { role.deviceID }
    /// Who is recording (the login name), stamped on events as the actor.
    public let actor: String
    /// The time writes are stamped with: the system clock, or a test's.
    public let clock: @Sendable () -> Date
    let configuration: Configuration
    /// WAL pages after which a commit checkpoints (SQLite's `wal_autocheckpoint`; its default is
    /// 1,000). A mark writes about 29 WAL pages, so SQLite's default put a 10 ms checkpoint into
    /// every 35th mark of a burst; an interactive writer checkpoints in its pauses instead
    /// (`checkpointIfIdle`), and this is only the bound for a burst with no pause in it, about
    /// 340 marks, or 40 MB of WAL. Commands that write once checkpoint as they close.
    static let walPagesBeforeCheckpoint = 10_000

    /// What `checkpointIfIdle` saw last time.
    let idleCheckpoint = IdleCheckpoint()

    /// Opens (creating if needed, mode 0600) the library at `path`: as its writer (migrating it
    /// and absorbing waiting guest journals) when the writer lock is free, else as a guest.
    ///
    /// `busyTimeout`: how long a write waits for another connection's write to finish before it
    /// fails with `databaseLocked`. Writes are short, so 5 s only runs out when something is stuck.
    public init(
        path: String, actor: String? = nil, busyTimeout: TimeInterval = 5,
        clock: @escaping @Sendable () -> Date = { Date() }, access: Access = .automatic
    ) throws {
        self.path = path
        self.clock = clock
        self.actor = actor ?? CourseStore.defaultActor()
        try CourseStore.createPrivately(path: path)
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "muster"
        SQLTrace.install(in: &config)
        configuration = config
        // A read-only mount, a file without write permission, a full disk: this process cannot
        // take the library for writing although no other does. Reads still work (issue 21,
        // item 9), and every write says why it cannot be saved. Only then: a guest of a running
        // writer reads the live library as before.
        var cannotWrite: MusterError?
        var lock: WriterLock?
        do {
            lock = access == .automatic ? try WriterLock.tryAcquire(path: Self.writerLockPath(path)) : nil
        } catch let error as MusterError where FileManager.default.fileExists(atPath: path) {
            cannotWrite = error
        }
        var opened: StoreRole?
        if cannotWrite == nil && (lock != nil || access == .unlockedWriter) {
            do {
                let (pool, deviceID) = try Self.openWriter(path: path, configuration: config)
                opened = StoreRole(pool: pool, deviceID: deviceID, writerLock: lock, isWriter: true)
            } catch let error as MusterError where access == .automatic && Self.cannotWrite(error) {
                cannotWrite = error
                lock = nil  // released: a reader holds no writer lock
            }
        } else if cannotWrite == nil {
            opened = StoreRole(
                pool: try Self.openGuest(path: path, configuration: config), deviceID: UUID().lowercaseText,
                writerLock: nil, isWriter: false)
        }
        if let opened {
            role = opened
        } else {
            // When even reading fails, why writing failed is the better message (a full disk).
            do {
                role = StoreRole(
                    pool: try Self.openReadOnly(path: path, configuration: config), deviceID: UUID().lowercaseText,
                    writerLock: nil, isWriter: false)
            } catch {
                throw cannotWrite.map { Self.asReadOnly($0, path: path) } ?? error
            }
        }
        readOnlyBecause = cannotWrite.map { Self.asReadOnly($0, path: path) }
        if role.isWriter {
            _ = try? absorbGuestJournals()
            // An erasure whose file scrub a reader held up is finished now, if none is left.
            _ = try? privacy.finishDueScrub()
        }
    }

    deinit {
        // A writer closing takes in what guests wrote meanwhile and folds the WAL back into
        // the file (the only checkpointer is this one process; see `checkpoint`).
        if role.isWriter {
            _ = try? absorbGuestJournals()
            // Without waiting: a reader in the way (a coordinator's screen) made every command
            // that closed the library wait out the busy timeout. The next writer folds it back.
            try? pool.writeWithoutTransaction { db in try withoutWaiting(db) { _ = try db.checkpoint(.truncate) } }
        }
        try? role.journal?.close()
    }

    /// Why this store only reads: the library could not be opened for writing (read-only media
    /// or permissions, a full disk). Nil for a writer and for a guest of a running writer.
    public let readOnlyBecause: MusterError?

    /// Opens the library read-write, migrates it and reads (or makes) its device id.
    static func openWriter(path: String, configuration: Configuration) throws -> (DatabasePool, String) {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            // DatabasePool sets synchronous=NORMAL on its writer when enabling WAL; a power cut could
            // then lose the last commits. Put FULL back and check it took.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Deleted and overwritten content is zeroed, so an erased name does not linger in free space.
                try db.execute(sql: "PRAGMA secure_delete = ON")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.walPagesBeforeCheckpoint)")
                let level = try Int.fetchOne(db, sql: "PRAGMA synchronous")
                guard level == 2 else { throw MusterError.database("synchronous=FULL did not take (got \(level ?? -1))") }
            }
            try Schema.migrator.migrate(pool)
            let deviceID = try pool.write { db in
                try CourseStore.syncWriterOpened(db, path: path)
                return try CourseStore.ensureDeviceID(db)
            }
            return (pool, deviceID)
        } catch let error as DatabaseError {
            throw MusterError(error, path: path)
        }
    }

    /// Opens the library read-only for a guest: no migration, no device id written. A library
    /// older than this binary is refused: only its writer may upgrade it.
    static func openGuest(path: String, configuration: Configuration) throws -> DatabasePool {
        var config = configuration
        config.readonly = true
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            let current = try pool.read { db in try Schema.migrator.hasCompletedMigrations(db) }
            if !current {
                let by = WriterLock.holder(path: writerLockPath(path)).map { "\($0.command) (pid \($0.pid))" } ?? "another process"
                throw MusterError.invalid(
                    "the library was made by an older Muster and is open for writing by \(by); close it so this Muster can upgrade the library"
                )
            }
            return pool
        } catch let error as DatabaseError {
            throw MusterError(error, path: path)
        }
    }

    /// The writer lock's file beside a library.
    public static func writerLockPath(_ library: String) -> String { library + ".writer" }

    /// True when this store only reads the library and writes attendance to its own journal.
    public var isGuest: Bool { !role.isWriter }

    /// The process holding the library's writer lock now (this one included), if any.
    public static func writer(of library: String) -> LibraryWriter? {
        WriterLock.holder(path: writerLockPath(library))
    }

    /// Refuses a write that only the writer may make, naming the process that holds the library.
    public func requireWriter() throws {
        guard isGuest else { return }
        if let readOnlyBecause { throw readOnlyBecause }
        let holder = Self.writer(of: path) ?? LibraryWriter(pid: 0, command: "another Muster process")
        throw MusterError.refused(.libraryHasWriter(command: holder.command, pid: holder.pid))
    }

    /// The guest's journal, made on its first write.
    func guestJournal() throws -> GuestJournal? {
        guard isGuest else { return nil }
        if let readOnlyBecause { throw readOnlyBecause }
        let deviceID = role.deviceID  // read before: the role's lock is held while the journal is made
        return try role.journalMakingIfNeeded { try GuestJournal(library: path, deviceID: deviceID) }
    }

    /// The guest's journal if it has made one.
    func currentGuestJournal() -> GuestJournal? { isGuest ? role.journal : nil }

    func bumpGeneration() { role.bump() }

    /// What a long-running process (the TUI, the kiosk) calls on its poll, at least once a
    /// second: the writer takes in guests' journals; a guest whose writer has gone takes the
    /// lock and becomes the writer (so its own marks, and any other guest's, are absorbed
    /// rather than waiting for the next process). Returns true when the library changed.
    ///
    /// The writer also folds the WAL back into the library here when it has been idle since the
    /// last poll (`checkpointIfIdle`), so a mark's commit does not pay for a checkpoint.
    @discardableResult
    public func poll() throws -> Bool {
        if readOnlyBecause != nil { return false }  // nothing can become the writer of a read-only file
        if isGuest {
            guard try becomeWriterIfFree() else { return false }
            return true
        }
        let absorbed = try absorbGuestJournals() > 0
        try checkpointIfIdle()
        _ = try? privacy.finishDueScrub()
        return absorbed
    }

    /// A PASSIVE checkpoint when this writer committed something since its last checkpoint but
    /// nothing since the previous call: the pause between a facilitator's keys, not the middle
    /// of a burst. SQLite's automatic checkpoint ran inside whichever mark crossed its line,
    /// 10–17 ms where a mark takes about one; an interactive writer polls several times a
    /// second, so its WAL rarely gets there (`walPagesBeforeCheckpoint`). Runs on
    /// the writer connection, serialised with its writes: only one connection of one process
    /// ever checkpoints (see the type's note on SQLite's WAL bug).
    /// Returns the WAL's frames and how many are now in the library when it checkpointed.
    @discardableResult
    func checkpointIfIdle() throws -> (frames: Int, checkpointed: Int)? {
        guard role.isWriter else { return nil }
        do {
            return try pool.writeWithoutTransaction { db in
                guard idleCheckpoint.shouldCheckpoint(changes: db.totalChangesCount) else { return nil }
                let result = try db.checkpoint(.passive)
                return (result.walFrameCount, result.checkpointedFrameCount)
            }
        } catch let e as DatabaseError {
            throw MusterError(e, path: path)
        }
    }

    /// A guest takes the writer lock when it is free: opens the library read-write (migrating
    /// nothing, the schema is already current), closes its own journal and absorbs it.
    func becomeWriterIfFree() throws -> Bool {
        guard let lock = try WriterLock.tryAcquire(path: Self.writerLockPath(path)) else { return false }
        let (pool, deviceID) = try Self.openWriter(path: path, configuration: configuration)
        try role.becomeWriter(pool: pool, deviceID: deviceID, lock: lock)
        _ = try absorbGuestJournals()
        return true
    }

    /// Folds the WAL back into the library and truncates it. Only the writer checkpoints: SQLite's
    /// automatic checkpoint stays on (`walPagesBeforeCheckpoint`) because it runs in the one
    /// writing process, which cannot race itself; this runs on close so the WAL does not outlive
    /// the writer.
    public func checkpoint() throws {
        guard role.isWriter else { return }
        do { try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } } catch let e as DatabaseError {
            throw MusterError(e, path: path)
        }
    }

    /// Runs `body` on the writer connection with no busy wait: what another connection holds
    /// fails at once (SQLITE_BUSY) instead of after the busy timeout.
    func withoutWaiting<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA busy_timeout = 0")
        defer {
            if case .timeout(let seconds) = configuration.busyMode { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(seconds * 1000))") }
        }
        return try body()
    }

    /// The synchronous level of the writer connection (2 = FULL), for tests and `muster doctor`-style checks.
    public func synchronousLevel() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Changes whenever any process commits to the file, or this one absorbed guests' marks or
    /// wrote to its journal; polling it is how views notice a kiosk's check-ins, since GRDB's
    /// observation only sees this process. Each call polls first (`poll`), so a screen that
    /// polls this several times a second also absorbs guests' journals that often.
    public func dataVersion() throws -> Int {
        try poll()
        // data_version is per connection; the writer connection sees other processes' commits
        // (and, on a guest's read-only pool, the writer's), never its own.
        let version = try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        return role.generation << 32 | (version & 0xffff_ffff)
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
    /// A guest's pool is read-only: it is refused here, naming the writer (or saying why the
    /// library cannot be written), not with SQLite's "attempt to write a readonly database".
    public func write<T>(progress: ProgressReporter = .silent, _ body: (Database) throws -> T) throws -> T {
        try requireWriter()
        do {
            return try pool.write { db in
                let result = try body(db)
                try recordForSync(db, progress: progress)
                return result
            }
        } catch let e as DatabaseError { throw MusterError(e, path: path) }
    }

    /// Turns what the transaction wrote into sync records, before it commits (`SyncRecorder`).
    func recordForSync(_ db: Database, progress: ProgressReporter = .silent) throws {
        try SyncRecorder.flush(db, now: clock(), progress: progress)
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
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 {
            // Read-only media or permissions: let SQLite try read-only, it gives the real reason.
            if FileManager.default.fileExists(atPath: path) { return }
            throw MusterError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
    }

    static func ensureDeviceID(_ db: Database) throws -> String {
        if let id = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device_id'") { return id }
        let id = UUID().lowercaseText
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('device_id', ?)", arguments: [id])
        return id
    }
}
