import CourseKit
import Foundation
import LibraryTestSupport
import Synchronization
import TestSupport

/// Libraries made once per test process and copied for each driver that asks for the same
/// course files, actor and clock.
///
/// Why: making a library runs every migration and imports the course files through the
/// per-table writers and the sync recording, about 0.2 s for the mini course and 4 s for the
/// five shipped ones in a debug build. `SmokeTests` alone makes thousands of drivers; with a
/// fresh library each they took 16 of the suite's 35 serial minutes.
///
/// A copy is a library the product already handles: `SyncLocal.ensure` sees a file with another
/// inode and gives it a new origin and device id before it writes, as for a library copied to a
/// second kiosk. What differs from a fresh library is only that the import's records belong to
/// the template's origin; tests of two libraries seeded apart pass `fresh: true`.
enum LibraryTemplates {
    /// The folder of this process's templates; removed when the process exits.
    static let root: String = {
        let path = FileManager.default.temporaryDirectory.path + "/muster-templates-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: LibraryTemplates.root) }
        return path
    }()

    /// Template paths by what made them. The lock is held while a template is built, so two
    /// tests that want the same one build it once.
    private static let made = Mutex<[String: String]>([:])

    /// What a template holds beyond its course files (a generated course of 1,000 people), built
    /// once per process under `name` and copied like the rest.
    struct Extra: Sendable {
        let name: String
        let build: @Sendable (CourseStore) throws -> Void
    }

    /// Copies the template for these courses, actor, clock and extra to `path`, making it first if needed.
    static func copy(courses: [String], actor: String, clock: TestClock, extra: Extra? = nil, to path: String) throws {
        let key = "\(actor)|\(clock().timeIntervalSince1970)|\(extra?.name ?? "")|" + courses.joined(separator: "\u{1F}")
        let template = try made.withLock { made -> String in
            if let existing = made[key] { return existing }
            let file = root + "/\(made.count).sqlite"
            try build(courses: courses, actor: actor, clock: clock, extra: extra, at: file)
            made[key] = file
            return file
        }
        try FileManager.default.copyItem(atPath: template, toPath: path)
    }

    /// A library with `courses` imported, closed so that its one file holds everything (the
    /// last connection's close checkpoints the WAL and removes it).
    private static func build(courses: [String], actor: String, clock: TestClock, extra: Extra?, at file: String) throws {
        let store = try CourseStore(path: file, actor: actor, clock: clock.function)
        for yaml in courses { try store.courses.importCourse(CourseFileCodec.decode(Data(yaml.utf8), path: "test.yaml")) }
        try extra?.build(store)
    }
}
