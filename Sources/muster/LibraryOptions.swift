import ArgumentParser
import CourseKit
import Foundation

/// Where the library lives and what seeds it; shared by every command.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: CommandWords.help("libraryOptions.db"))
    var db: String?

    @Option(
        name: .long,
        help: CommandWords.help("libraryOptions.courses"))
    var courses: String?

    @Flag(name: .long, help: CommandWords.help("libraryOptions.noSeed"))
    var noSeed = false

    /// `--lang`: on every command, since every command speaks. `CommandWords` has already read
    /// it from the command line for `--help`; this is the same value, checked.
    @Option(name: .long, help: CommandWords.help("libraryOptions.lang"))
    var lang: String?

    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError(Language.unknownMessage("--lang", lang, in: CommandWords.language))
        }
    }

    /// The language to speak about `course` (its `language:`), by the documented order:
    /// `--lang`, `MUSTER_LANG`, the course's, the locale.
    func language(course: Language? = nil) throws -> Language {
        try Language.choose(flag: lang, course: course, environment: ProcessInfo.processInfo.environment)
    }

    /// The resolved library path, following the documented order of precedence.
    func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        LibraryLocation.path(db: db, environment: environment)
    }

    /// The library path, refused when it is a URL: SQLite would take "postgres://host/db" for a
    /// relative file name and create `postgres:/host/db` in the working folder.
    func checkedDatabasePath() throws -> String {
        let path = databasePath()
        if let problem = LibraryLocation.urlRefusal(path) { throw MusterError.invalid(problem) }
        return path
    }

    /// Opens the library, seeding it from course files when it is empty.
    func open() throws -> CourseStore {
        // MUSTER_BUSY_TIMEOUT_MS shortens the wait for a locked library (scripts, tests).
        let timeout = ProcessInfo.processInfo.environment["MUSTER_BUSY_TIMEOUT_MS"].flatMap(Double.init).map { $0 / 1000 } ?? 5
        // MUSTER_NOW / MUSTER_NOW_FILE: a test-only clock (see InjectedClock).
        let store = try CourseStore(path: checkedDatabasePath(), busyTimeout: timeout, clock: InjectedClock.fromEnvironment())
        // A guest cannot seed (only the writer writes courses); the writer has opened, and so seeded, it already.
        if !noSeed, !store.isGuest, try store.courses.isEmpty(), let dir = try seedDirectory() {
            _ = try store.courses.seed(from: dir)  // the summaries are for `import course`; a seed is silent
        }
        return store
    }

    /// `--courses`, else $MUSTER_COURSES, else the shipped course files found from the binary's
    /// own place (see ``LibraryLocation/shippedCourses(binary:)``). An explicit folder that does
    /// not exist is an error; a missing default just means there is nothing to seed.
    func seedDirectory() throws -> String? {
        let fm = FileManager.default
        if let courses {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: courses, isDirectory: &isDir), isDir.boolValue else {
                throw MusterError.unreadable(path: courses, reason: CommandWords.text("library.noSuchFolder"))
            }
            return courses
        }
        if let env = ProcessInfo.processInfo.environment["MUSTER_COURSES"], !env.isEmpty { return env }
        return LibraryLocation.shippedCourses(binary: LibraryLocation.executablePath())
    }
}

/// Runs a command body, turning Muster's errors into one line on stderr and exit code 1. One
/// line whatever the error quotes: a line break inside a file's value is shown as ␊, so a
/// crafted value cannot print a line that looks like Muster's own.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as MusterError {
        TerminalText.writeError("muster: \(VisibleText.make(error.message(in: CommandWords.language)))\n")
        throw ExitCode(1)
    }
}
