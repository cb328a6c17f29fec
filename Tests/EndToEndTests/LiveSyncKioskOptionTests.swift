import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `muster kiosk --sync-with`'s setup mistakes are one line each, said before the terminal
/// starts (so these run without one), and a kiosk that would only be a guest of its library
/// leaves the syncing to the process that writes it.
@Suite(.serialized) struct LiveSyncKioskOptionTests {
    let dir = TemporaryDirectory("live-sync-kiosk")
    var db: String { dir.file("lib.sqlite") }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: db) }
    static let course = "palau-mmc-2024"

    func muster(_ args: [String], environment: [String: String] = [:]) throws -> MusterBinary.Result {
        try MusterBinary.run(args + ["--db", db, "--courses", Fixtures.coursesDirectory], home: dir.path, environment: environment)
    }

    func kiosk(_ extra: [String]) throws -> MusterBinary.Result {
        try muster(["kiosk", Self.course, "--session", "d1-am"] + extra)
    }

    @Test func badOptionsAreOneLineBeforeTheTerminal() throws {
        #expect(try muster(["kiosk-pin", Self.course], environment: ["MUSTER_KIOSK_PIN": "4711"]).status == 0)
        let cases: [([String], String)] = [
            (
                ["--sync-with", "ftp://10.0.0.1"],
                "muster: ftp://10.0.0.1 is not a peer URL: use http://HOST:PORT, e.g. http://192.168.1.20:8731"
            ),
            (["--sync-with", "http://10.0.0.1:99999"], "muster: http://10.0.0.1:99999: the port must be a number from 1 to 65535"),
            (
                ["--sync-with", "http://10.0.0.1", "--pair", "abc"],
                "muster: --pair abc is not a pairing code (12 letters and digits, like K7QF-M2XD-9PTA)"
            ),
            (["--sync-with", "http://10.0.0.1", "--every", "0"], "muster: --every is 0.2 to 86400 seconds"),
            (["--pair", "K7QF-M2XD-9PTA"], "muster: --pair and --every go with --sync-with URL (the device to exchange with)"),
        ]
        for (args, message) in cases {
            let r = try kiosk(args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr == message + "\n", "\(args)")
        }
    }

    @Test func aGuestKioskLeavesTheSyncingToTheWriter() throws {
        #expect(try muster(["kiosk-pin", Self.course], environment: ["MUSTER_KIOSK_PIN": "4711"]).status == 0)
        let serve = try BackgroundMuster(
            ["sync", "serve", "--bind", "127.0.0.1", "--port", "0", "--db", db, "--courses", Fixtures.coursesDirectory],
            home: dir.path, output: dir.file("serve.out"))
        let url = try serve.waitFor("the serving line") { out in
            out.split(separator: "\n").first { $0.hasPrefix("serving ") }.map { String($0.split(separator: " ").last!) }
        }
        let r = try kiosk(["--sync-with", url])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("muster: the kiosk cannot --sync-with while "), "\(r.stderr)")
        #expect(
            r.stderr.hasSuffix(
                "(pid \(serve.pid)) has the library open for writing: let that process do the syncing, or close it first\n"),
            "\(r.stderr)")
        #expect(try serve.stop() == 0)
    }
}
