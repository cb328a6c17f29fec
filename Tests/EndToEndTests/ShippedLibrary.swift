import Foundation
import LibraryTestSupport
import TestSupport

/// A library already seeded from the shipped course files, made once per test process by the
/// real binary and copied into a test's folder before that test first runs `muster`.
///
/// Why: the first load of the five shipped courses costs a debug build about five CPU-seconds,
/// and a dozen journeys paying it at once on a 2-core CI machine, beside the library suites,
/// pushed their first screen past every wait. What those journeys test starts after the load.
/// A copied library is a case the product handles (`SyncLocal.ensure` sees a new file and
/// gives it its own origin and device id), so each copy is a library of its own. The first
/// load itself stays tested where it is the subject: `CommandLineTests` (a fresh HOME, XDG and
/// `MUSTER_DB`), the sync journeys (two libraries that each loaded the files themselves) and
/// the library suites.
enum ShippedLibrary {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var template: String?
    /// Holds the template's folder for the life of the process.
    nonisolated(unsafe) private static var folder: TemporaryDirectory?

    /// Copies the seeded library to `db` (which must not exist yet) and returns `db`.
    @discardableResult
    static func copy(to db: String) throws -> String {
        let source = try made()
        try FileManager.default.copyItem(atPath: source, toPath: db)
        return db
    }

    private static func made() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let template { return template }
        let dir = TemporaryDirectory("shipped-library")
        let db = dir.file("shipped.sqlite")
        let r = try MusterBinary.run(["courses", "--db", db, "--courses", Fixtures.coursesDirectory], home: dir.path)
        guard r.status == 0, !FileManager.default.fileExists(atPath: db + "-wal") else {
            throw ShippedLibraryError.notMade(status: r.status, stderr: r.stderr)
        }
        folder = dir
        template = db
        return db
    }
}

enum ShippedLibraryError: Error, CustomStringConvertible {
    case notMade(status: Int32, stderr: String)

    var description: String {
        switch self {
        case .notMade(let status, let stderr):
            "seeding the shipped library failed (status \(status), or its WAL was left behind): \(stderr)"
        }
    }
}
