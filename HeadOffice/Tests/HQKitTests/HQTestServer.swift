import CourseKit
import Foundation
import Testing

@testable import HQKit

/// A fresh PostgreSQL database per test on the server `scripts/with-postgres` starts (its URL in
/// MUSTER_HQ_URL), dropped afterwards, so tests run side by side and leave nothing.
enum HQTestServer {
    /// Whether a server was given. Without one (a bare `swift test`) the head office's suites are
    /// skipped, named as skipped; scripts/test-hq starts a server and refuses a run that skipped them.
    static let configured = !(ProcessInfo.processInfo.environment["MUSTER_HQ_URL"] ?? "").isEmpty

    static var adminURL: HQURL {
        get throws {
            guard let text = ProcessInfo.processInfo.environment["MUSTER_HQ_URL"], !text.isEmpty else {
                throw HQError("MUSTER_HQ_URL is not set: run these tests through scripts/with-postgres (scripts/test does)")
            }
            return try HQURL(text)
        }
    }

    /// A new, initialised database; `body` gets a connection to it.
    static func withDatabase<T>(_ body: (HQDatabase) async throws -> T) async throws -> T {
        let admin = try adminURL
        let name = "hq_test_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        let server = try await HQDatabase.connect(admin)
        try await server.execute("CREATE DATABASE \(name)")
        var url = admin
        url.database = name
        let db = try await HQDatabase.connect(url)
        do {
            _ = try await HQSchema.migrate(db)
            let value = try await body(db)
            await db.close()
            try await server.execute("DROP DATABASE \(name)")
            await server.close()
            return value
        } catch {
            await db.close()
            try? await server.execute("DROP DATABASE \(name)")
            await server.close()
            throw error
        }
    }

    /// The muster-hq binary built beside the tests.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("muster-hq")
    }

    /// The repository's course files.
    static let coursesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("courses").path

    static func seed(_ store: CourseStore, courses: [String]) throws {
        for code in courses {
            try store.courses.importCourse(CourseFileCodec.read(path: "\(coursesDirectory)/\(code).yaml"))
        }
    }

}
