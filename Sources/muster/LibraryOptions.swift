import ArgumentParser
import CourseKit
import Foundation

/// Where the library lives and what seeds it; shared by every command.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: "The library file (default: $MUSTER_DB, else $XDG_DATA_HOME/muster/muster.sqlite).")
    var db: String?

    @Option(name: .long, help: "Course files that seed an empty library (default: the project's courses/).")
    var courses: String?

    @Flag(name: .long, help: "Do not seed an empty library from course files.")
    var noSeed = false

    /// The resolved library path, following the documented order of precedence.
    func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db, !db.isEmpty { return db }
        if let env = environment["MUSTER_DB"], !env.isEmpty { return env }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(home)/.local/share"
        return "\(data)/muster/muster.sqlite"
    }

    /// Opens the library, seeding it from course files when it is empty.
    func open() throws -> CourseStore {
        // MUSTER_BUSY_TIMEOUT_MS shortens the wait for a locked library (scripts, tests).
        let timeout = ProcessInfo.processInfo.environment["MUSTER_BUSY_TIMEOUT_MS"].flatMap(Double.init).map { $0 / 1000 } ?? 5
        // MUSTER_NOW / MUSTER_NOW_FILE: a test-only clock (see InjectedClock).
        let store = try CourseStore(path: databasePath(), busyTimeout: timeout, clock: InjectedClock.fromEnvironment())
        // A guest cannot seed (only the writer writes courses); the writer has opened, and so seeded, it already.
        if !noSeed, !store.isGuest, try store.courses.isEmpty(), let dir = try seedDirectory() {
            try store.courses.seed(from: dir)
        }
        return store
    }

    /// `--courses`, else $MUSTER_COURSES, else the `courses/` folder beside the source tree or the
    /// binary, else `./courses`. An explicit folder that does not exist is an error; a missing
    /// default just means there is nothing to seed.
    func seedDirectory() throws -> String? {
        let fm = FileManager.default
        if let courses {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: courses, isDirectory: &isDir), isDir.boolValue else {
                throw MusterError.unreadable(path: courses, reason: "no such folder")
            }
            return courses
        }
        if let env = ProcessInfo.processInfo.environment["MUSTER_COURSES"], !env.isEmpty { return env }
        var candidates: [String] = []
        // The binary sits in <project>/.build/<config>/muster when run from a checkout.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("courses").path)
            dir.deleteLastPathComponent()
        }
        candidates.append(fm.currentDirectoryPath + "/courses")
        candidates.append("/usr/local/share/muster/courses")
        return candidates.first { path in
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
    }
}

/// Runs a command body, turning Muster's errors into one line on stderr and exit code 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as MusterError {
        FileHandle.standardError.write(Data("muster: \(error.description)\n".utf8))
        throw ExitCode(1)
    }
}
