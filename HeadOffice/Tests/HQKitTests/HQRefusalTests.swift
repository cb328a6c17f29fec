import CourseKit
import Foundation
import Testing
import TestSupport

@testable import HQKit

/// What a head office meets when things go wrong: each a one-line error, and nothing half-done.
/// One at a time: one of them ends a server session of its own test on purpose.
@Suite(.serialized, .enabled(if: HQTestServer.configured, "needs MUSTER_HQ_URL: scripts/test-hq starts a PostgreSQL")) struct HQRefusalTests
{
    @Test func aRefusedConnectionIsOneLine() async throws {
        // A port nothing listens on (the server's own, plus one thousand).
        var url = try HQTestServer.adminURL
        url.port += 1000
        let error = await #expect(throws: HQError.self) { _ = try await HQDatabase.connect(url, connectTimeout: 3) }
        let text = error?.description ?? ""
        #expect(text.contains("cannot connect") && text.contains("refused"), "\(text)")
        #expect(!text.contains("\n"))
    }

    @Test func badURLsAreNamed() throws {
        #expect(throws: HQError.self) { try HQURL("mysql://u@h/db") }
        #expect(throws: HQError.self) { try HQURL("postgres:///db") }
        #expect(throws: HQError.self) { try HQURL("postgres://h/db?sslmode=verify-full") }
        let url = try HQURL("postgres://ana:s%40cret@db.example.org:6543/region?sslmode=require")
        #expect(url.user == "ana" && url.password == "s@cret" && url.port == 6543 && url.database == "region")
        #expect(!url.shown.contains("cret"))
    }

    @Test func aDatabaseNotInitialisedIsRefused() async throws {
        let admin = try HQTestServer.adminURL
        let name = "hq_bare_\(UUID().uuidString.prefix(8).lowercased())"
        let server = try await HQDatabase.connect(admin)
        try await server.execute("CREATE DATABASE \(name)")
        var url = admin
        url.database = name
        let db = try await HQDatabase.connect(url)
        let error = await #expect(throws: HQError.self) { _ = try await HQStatus.read(db) }
        #expect(error?.description.contains("run muster-hq init") == true)
        await db.close()
        try await server.execute("DROP DATABASE \(name)")
        await server.close()
    }

    /// A damaged bundle is refused before anything is written; a good one then goes in whole,
    /// and again changes nothing.
    @Test func aDamagedBundleLeavesNothing() async throws {
        let dir = TemporaryDirectory("muster-hq")
        let store = try CourseStore(path: dir.file("a.sqlite"), actor: "a")
        try HQTestServer.seed(store, courses: ["palau-mmc-2024"])
        let good = dir.file("good.bundle")
        _ = try store.syncExport(to: good, courses: [], all: true, sinceLast: nil, passphrase: nil)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        bytes[bytes.count / 2] ^= 0x20
        let bad = dir.file("bad.bundle")
        try bytes.write(to: URL(fileURLWithPath: bad))
        try await HQTestServer.withDatabase { db in
            await #expect(throws: (any Error).self) { _ = try await HQIngest.ingest(db, path: bad, passphrase: nil) }
            #expect(try await db.int("SELECT count(*)::text FROM muster.record") == 0)
            #expect(try await db.int("SELECT count(*)::text FROM muster.bundle") == 0)
            let first = try await HQIngest.ingest(db, path: good, passphrase: nil)
            #expect(first.added == first.records && first.records > 0)
            let again = try await HQIngest.ingest(db, path: good, passphrase: nil)
            #expect(again.alreadyIngested)
            #expect(try await db.int("SELECT count(*)::text FROM muster.record") == first.records)
            let status = try await HQStatus.read(db)
            #expect(status.courses.map(\.code) == ["palau-mmc-2024"])
            #expect(status.origins.count == 1 && status.origins[0].gaps.isEmpty)
        }
    }

    /// A connection that drops in the middle of an ingest (the server ends `muster-hq ingest`'s
    /// session while it waits its turn inside its transaction) is one line on stderr, exit 1,
    /// and none of the bundle in the database.
    @Test func aDroppedConnectionLeavesNoHalfBundle() async throws {
        let dir = TemporaryDirectory("muster-hq")
        let store = try CourseStore(path: dir.file("a.sqlite"), actor: "a")
        try HQTestServer.seed(store, courses: ["palau-mmc-2024", "rcm-migration-policies-2020"])
        let path = dir.file("a.bundle")
        _ = try store.syncExport(to: path, courses: [], all: true, sinceLast: nil, passphrase: nil)
        try await HQTestServer.withDatabase { db in
            // This connection holds the ingest lock, so the ingest waits inside its transaction.
            try await db.execute("SELECT pg_advisory_lock(\(HQSchema.ingestKey))")
            let process = Process()
            process.executableURL = HQTestServer.binary
            process.arguments = ["ingest", "--url", db.url.text, path]
            let stderr = Pipe()
            process.standardError = stderr
            process.standardOutput = Pipe()
            try process.run()
            var pid = 0
            for _ in 0..<300 where pid == 0 {
                pid = try await db.int(
                    "SELECT pid::text FROM pg_stat_activity WHERE application_name = 'muster-hq' AND wait_event_type = 'Lock'")
                if pid == 0 { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(pid != 0, "the ingest never reached its lock")
            try await db.execute("SELECT pg_terminate_backend(\(pid))")
            try await db.execute("SELECT pg_advisory_unlock(\(HQSchema.ingestKey))")
            process.waitUntilExit()
            let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 1)
            #expect(message.hasPrefix("muster-hq: ") && message.filter { $0 == "\n" }.count == 1, "\(message)")
            #expect(try await db.int("SELECT count(*)::text FROM muster.record") == 0)
            #expect(try await db.int("SELECT count(*)::text FROM muster.bundle") == 0)
        }
    }

    @Test func aPullNeverOverwrites() async throws {
        let dir = TemporaryDirectory("muster-hq")
        let existing = dir.write("library.sqlite", "mine")
        try await HQTestServer.withDatabase { db in
            let error = await #expect(throws: HQError.self) {
                _ = try await HQPull.pull(db, scope: HQPullScope(), to: existing, actor: "t")
            }
            #expect(error?.description.contains("exists") == true)
            let kept = try String(contentsOfFile: existing, encoding: .utf8)
            #expect(kept == "mine")
        }
    }
}
