import ArgumentParser
import CourseKit
import Foundation

/// `muster doctor`: what a person needs to know when the library misbehaves, each line saying
/// what to do when something is wrong.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            CommandWords.text("doctor.abstract"),
        discussion: CommandWords.text("doctor.discussion"))
    @OptionGroup var library: LibraryOptions

    func run() throws {
        try reportingErrors {
            let environment = ProcessInfo.processInfo.environment
            for line in DoctorEnvironment.lines(environment: environment, binary: LibraryLocation.executablePath()) {
                print(line)
            }
            let path = try library.checkedDatabasePath()
            guard FileManager.default.fileExists(atPath: path) else {
                print("library: \(path) does not exist yet; any muster command creates it (seeded from the course files)")
                return
            }
            let writerBefore = CourseStore.writer(of: path)
            let store = try library.open()
            for line in try DoctorReport.lines(store: store, writerBefore: writerBefore, seedDirectory: try? library.seedDirectory()) {
                print(line)
            }
        }
    }
}

/// The doctor's lines, apart from printing them (tests read them from the binary's output).
enum DoctorReport {
    static func lines(store: CourseStore, writerBefore: LibraryWriter?, seedDirectory: String?) throws -> [String] {
        var lines: [String] = []
        let size = ((try? FileManager.default.attributesOfItem(atPath: store.path))?[.size] as? Int) ?? 0
        let wal = ((try? FileManager.default.attributesOfItem(atPath: store.path + "-wal"))?[.size] as? Int) ?? 0
        lines.append("library: \(store.path) (\(bytes(size))\(wal > 0 ? ", WAL \(bytes(wal))" : ""))")
        let version = SQLiteBugs.linkedVersion()
        if SQLiteBugs.walReset(version: version) {
            lines.append(
                "sqlite: \(version) — warning: inside the WAL-reset bug range \(SQLiteBugs.walResetRange) (fixed in 3.51.3, 3.50.7, 3.44.6); "
                    + "Muster keeps one writing process per library and other processes write their own journals, so it is safe; "
                    + "upgrade SQLite when your system offers a fixed version")
        } else {
            lines.append("sqlite: \(version) — free of the WAL-reset bug")
        }
        if let writer = writerBefore {
            lines.append(
                "writer: \(writer.command) (pid \(writer.pid)) holds the library; other Muster processes are guests and write journals it takes in within a second"
                    + " — if that process is stuck, close it (kill \(writer.pid)) and run muster doctor again")
        } else {
            lines.append("writer: none was running; this check took the library and took in the journals waiting")
        }
        let journals = try store.guestJournals()
        let waiting = journals.reduce(0) { $0 + $1.waiting }
        if journals.isEmpty {
            lines.append("guest journals: none waiting")
        } else {
            let live = journals.filter(\.guestAlive).count
            lines.append(
                "guest journals: \(journals.count) (\(live) of running guests), \(waiting) event\(waiting == 1 ? "" : "s") not yet in the library"
                    + (waiting > 0
                        ? " — they are taken in by the writer within a second, or by the next muster command when none runs" : ""))
        }
        if let seedDirectory {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: seedDirectory)) ?? []).filter {
                $0.hasSuffix(".yaml") || $0.hasSuffix(".yml")
            }
            lines.append("course files: \(seedDirectory) (\(files.count) file\(files.count == 1 ? "" : "s"))")
        } else {
            lines.append("course files: none found — pass --courses FOLDER or set MUSTER_COURSES to seed a new library")
        }
        lines += erasureLines(try store.privacy.erasureHealth())
        for course in try store.courses.courses() {
            let set = try store.kiosk.hasKioskPIN(courseID: course.id!)
            lines.append(
                "kiosk PIN \(course.code): "
                    + (set ? "set" : "not set — set one with 'muster kiosk-pin \(course.code)' before running its kiosk"))
        }
        return lines
    }

    /// The erasures' key file and a scrub still due, each with what to do.
    static func erasureLines(_ health: ErasureHealth) -> [String] {
        var lines: [String] = []
        if health.keyed > 0 && !health.keyPresent {
            lines.append(
                "erasures: \(health.erasures) recorded, but their key file \(health.keyPath) is missing — an old roster holding"
                    + " someone erased will not be refused; put the key file back from where the library came from (a backup)")
        } else if health.erasures > 0 {
            lines.append(
                "erasures: \(health.erasures) recorded\(health.keyed > 0 ? ", key file \(health.keyPath) present (back it up with the library)" : "")"
            )
        }
        if let since = health.scrubDueSince {
            lines.append(
                "erasure scrub: due since \(LocalTime.iso8601(since, in: .current)) — another Muster was reading the library, so old"
                    + " copies of erased data may remain in its files; close the other Muster windows, then run any muster command")
        }
        return lines
    }

    static func bytes(_ n: Int) -> String {
        n >= 1_048_576 ? String(format: "%.1f MB", Double(n) / 1_048_576) : n >= 1024 ? "\(n / 1024) KB" : "\(n) bytes"
    }
}
