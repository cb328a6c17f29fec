import Foundation
import GRDB

/// Course codes and session ids for the shells' tab completion (`muster roster pa<TAB>`).
///
/// The shell calls Muster on every tab, so this never writes, never migrates, never waits for a
/// lock and never prints: the library is opened read-only with a short busy timeout, and any
/// problem (no library yet, an older schema, a locked file) just means no candidates. Before the
/// first run there is no library, so course codes then come from the shipped course files,
/// which the first run seeds it with.
public enum CompletionLookup {
    /// Every course code in the library, else in the course files of `seedFolder`.
    public static func courseCodes(library: String, seedFolder: String?) -> [String] {
        if FileManager.default.fileExists(atPath: library) {
            return (try? read(library) { db in try String.fetchAll(db, sql: "SELECT code FROM course ORDER BY code") }) ?? []
        }
        guard let seedFolder, let names = try? FileManager.default.contentsOfDirectory(atPath: seedFolder) else { return [] }
        return
            names
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .compactMap { try? CourseFileCodec.read(path: seedFolder + "/" + $0).code }
            .sorted()
    }

    /// The short ids of a course's sessions, in timetable order.
    public static func sessionKeys(library: String, course: String) -> [String] {
        guard FileManager.default.fileExists(atPath: library) else { return [] }
        let sql = """
            SELECT session.key FROM session JOIN course ON course.id = session.course_id
            WHERE course.code = ? ORDER BY session.position
            """
        return (try? read(library) { db in try String.fetchAll(db, sql: sql, arguments: [course]) }) ?? []
    }

    private static func read<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(0.2)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read(body)
    }
}
