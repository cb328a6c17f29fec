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
                print(CommandWords.format("doctor.noLibrary", path))
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

/// The doctor's lines, apart from printing them (tests read them from the binary's output), in
/// the run's language.
enum DoctorReport {
    static func say(_ key: String, _ arguments: any CVarArg...) -> String {
        CommandWords.words.format("doctor.\(key)", table: "Commands", arguments: arguments)
    }

    static func lines(store: CourseStore, writerBefore: LibraryWriter?, seedDirectory: String?) throws -> [String] {
        var lines: [String] = []
        let size = ((try? FileManager.default.attributesOfItem(atPath: store.path))?[.size] as? Int) ?? 0
        let wal = ((try? FileManager.default.attributesOfItem(atPath: store.path + "-wal"))?[.size] as? Int) ?? 0
        lines.append(say("library", store.path, bytes(size) + (wal > 0 ? ", WAL \(bytes(wal))" : "")))
        let version = SQLiteBugs.linkedVersion()
        if SQLiteBugs.walReset(version: version) {
            lines.append(say("sqlite.bug", version, SQLiteBugs.walResetRange))
        } else {
            lines.append(say("sqlite.ok", version))
        }
        if let writer = writerBefore {
            lines.append(say("writer", writer.command, String(writer.pid)))
        } else {
            lines.append(say("writer.none"))
        }
        let journals = try store.guestJournals()
        let waiting = journals.reduce(0) { $0 + $1.waiting }
        if journals.isEmpty {
            lines.append(say("journals.none"))
        } else {
            let live = journals.filter(\.guestAlive).count
            lines.append(
                say(waiting == 1 ? "journals.one" : "journals", journals.count, live, waiting)
                    + (waiting > 0 ? say("journals.takenIn") : ""))
        }
        if let seedDirectory {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: seedDirectory)) ?? []).filter {
                $0.hasSuffix(".yaml") || $0.hasSuffix(".yml")
            }
            lines.append(say(files.count == 1 ? "courseFiles.one" : "courseFiles", seedDirectory, files.count))
        } else {
            lines.append(say("courseFiles.none"))
        }
        lines += erasureLines(try store.privacy.erasureHealth())
        for course in try store.courses.courses() {
            let set = try store.kiosk.hasKioskPIN(courseID: course.id!)
            lines.append(say(set ? "pin.set" : "pin.notSet", course.code))
        }
        return lines
    }

    /// The erasures' key file and a scrub still due, each with what to do.
    static func erasureLines(_ health: ErasureHealth) -> [String] {
        var lines: [String] = []
        if health.keyed > 0 && !health.keyPresent {
            lines.append(say("erasures.keyMissing", health.erasures, health.keyPath))
        } else if health.erasures > 0 {
            lines.append(say("erasures", health.erasures) + (health.keyed > 0 ? say("erasures.key", health.keyPath) : ""))
        }
        if let since = health.scrubDueSince {
            lines.append(say("scrubDue", LocalTime.iso8601(since, in: .current)))
        }
        return lines
    }

    static func bytes(_ n: Int) -> String {
        n >= 1_048_576 ? String(format: "%.1f MB", Double(n) / 1_048_576) : n >= 1024 ? "\(n / 1024) KB" : "\(n) bytes"
    }
}
