import Foundation
import Synchronization
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// `muster` as a guest while another process (this test) holds the library's writer lock: its
/// marks go to its journal and say the derived mark, other writes are refused in one line, a
/// guest killed mid-write loses no acknowledged mark, and `muster doctor` says who writes.
@Suite(.serialized) struct GuestWriterCommandTests {
    let dir = TemporaryDirectory("guest-writer")
    var db: String { dir.file("lib.sqlite") }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: db) }

    /// Takes the library's writer lock as a Muster writer would (a `flock` on `<db>.writer`
    /// naming the holder); released when the returned descriptor is closed. Close-on-exec: tests
    /// running alongside spawn tmux with `posix_spawnp`, and a tmux client or server inheriting
    /// this descriptor would keep the lock held after `close`, so the "writer" that follows
    /// would open as a guest and absorb nothing (CI saw exactly that once).
    func holdWriterLock() -> Int32 {
        let fd = open(db + ".writer", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        let text = "\(getpid())\ntest-writer\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return fd
    }

    var journals: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: db + ".guests")) ?? []).filter { $0.hasSuffix(".sqlite") }
    }

    func muster(_ args: [String], env: [String: String] = [:]) throws -> MusterBinary.Result {
        try MusterBinary.run(args + ["--db", db, "--courses", Fixtures.coursesDirectory], home: dir.path, environment: env)
    }

    @Test func aGuestMarksIntoItsJournalIsRefusedOtherWritesAndDoctorSaysWhoWrites() throws {
        #expect(try muster(["courses"]).status == 0)  // seeded by a writer
        let sessions = try muster(["sessions", "palau-mmc-2024"])
        let key = String(try #require(sessions.stdout.split(separator: "\n").last?.split(separator: " ").first))
        // Two marks made while no one holds the library: this process writes them itself.
        #expect(try muster(["mark", "palau-mmc-2024", key, "PW-016", "present"]).status == 0)
        #expect(try muster(["mark", "palau-mmc-2024", key, "PW-016", "excused", "--note", "sick"]).status == 0)
        let lock = holdWriterLock()

        // A guest's undo is decided over the library's events and its journal's, and says the
        // mark that results; its event waits in its journal.
        let undo = try muster(["undo", "palau-mmc-2024", key, "PW-016"])
        #expect(undo.status == 0 && undo.stderr.isEmpty, "\(undo.stderr)")
        #expect(undo.stdout.contains("undid excused in \(key); now present"), "\(undo.stdout)")
        let mark = try muster(["mark", "palau-mmc-2024", key, "PW-017", "late"])
        #expect(mark.status == 0 && mark.stderr.isEmpty, "\(mark.stderr)")
        #expect(mark.stdout.contains("; now late (event "), "\(mark.stdout)")

        let pin = try muster(["kiosk-pin", "palau-mmc-2024"], env: ["MUSTER_KIOSK_PIN": "4711-soak"])
        #expect(pin.status == 1)
        #expect(pin.stderr == "muster: the library is open for writing by test-writer (pid \(getpid())); close it, or run this there\n")

        let doctor = try muster(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stderr)")
        let lines = doctor.stdout.split(separator: "\n").map(String.init)
        // This binary, the locale and the terminal first, then the library.
        #expect(lines.first?.hasPrefix("muster: ") == true)
        #expect(lines.contains { $0.hasPrefix("locale: LC_ALL=C.UTF-8 (UTF-8)") })
        #expect(lines.contains { $0.hasPrefix("language: en (") && $0.contains("catalogues en, es in ") })
        #expect(lines.contains { $0.hasPrefix("library: \(db) (") })
        let version = try DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") } ?? "?"
        let sqlite = try #require(lines.first { $0.hasPrefix("sqlite: \(version) — ") })
        // This machine's SQLite is in the bug's range or not; the line says which, and what Muster does.
        #expect(
            sqlite.contains("inside the WAL-reset bug range 3.7.0–3.51.2") && sqlite.contains("one writing process")
                || sqlite.hasSuffix("free of the WAL-reset bug"))
        #expect(lines.contains { $0.hasPrefix("writer: test-writer (pid \(getpid())) holds the library") })
        #expect(
            lines.contains(
                "guest journals: 2 (0 of running guests), 2 events not yet in the library — they are taken in by the writer within a second, or by the next muster command when none runs"
            ), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("course files: \(Fixtures.coursesDirectory) (") })
        #expect(
            lines.contains("kiosk PIN palau-mmc-2024: not set — set one with 'muster kiosk-pin palau-mmc-2024' before running its kiosk"))

        #expect(journals.count == 2)
        close(lock)
        let after = try muster(["doctor"])  // the writer now: it takes the two journals in and deletes them
        #expect(after.stdout.contains("writer: none was running"))
        #expect(journals.isEmpty)
        #expect(after.stdout.contains("guest journals: none waiting"))
        let export = try muster(["export", "attendance", "palau-mmc-2024"])
        let rows = export.stdout.components(separatedBy: "\r\n")
        #expect(rows.contains { $0.contains(",PW-016,") && $0.contains(",present,") }, "\(export.stdout)")
        #expect(rows.contains { $0.contains(",PW-017,") && $0.contains(",late,") }, "\(export.stdout)")
    }

    /// A guest killed with SIGKILL at random moments: every mark it acknowledged is in its
    /// journal, which the writer reads (rolling back a half-written commit) and absorbs.
    ///
    /// Each guest is killed a seeded random 0–150 ms after its first acknowledged mark, so it
    /// dies writing however long a loaded machine takes to start it (a fixed delay from its
    /// start killed every guest of a CI run before its first mark).
    @Test(.seeded) func aGuestKilledMidWriteLosesNoAcknowledgedMark() throws {
        #expect(try muster(["courses"]).status == 0)
        let lock = holdWriterLock()
        var random = SeededRandom()
        var acked = Set<String>()
        for _ in 0..<5 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: MusterBinary.path)
            process.arguments = ["soak-writer", "palau-mmc-2024", "d1-am", "--db", db]
            process.environment = MusterBinary.environment(home: dir.path)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            let output = Mutex(Data())
            out.fileHandleForReading.readabilityHandler = { handle in
                let chunk = handle.availableData
                output.withLock { $0.append(chunk) }
            }
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, !output.withLock({ String(decoding: $0, as: UTF8.self).contains("ack ") }) {
                usleep(5_000)
            }
            usleep(UInt32.random(in: 0...150_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            out.fileHandleForReading.readabilityHandler = nil
            let rest = out.fileHandleForReading.readDataToEndOfFile()
            let text = String(decoding: output.withLock { $0 + rest }, as: UTF8.self)
            acked.formUnion(text.split(separator: "\n").filter { $0.hasPrefix("ack ") }.map { String($0.dropFirst(4)) })
        }
        #expect(!acked.isEmpty, random.replay)
        #expect(journals.count <= 5)  // a guest killed before its first mark made none
        close(lock)
        #expect(try muster(["doctor"]).status == 0)  // the writer: absorbs every journal
        let stored = try Set(DatabaseQueue(path: db).read { db in try String.fetchAll(db, sql: "SELECT id FROM attendance_event") })
        #expect(acked.subtracting(stored).isEmpty, random.replay)
        #expect(journals.isEmpty)  // every guest gone, every journal absorbed and deleted
    }
}
