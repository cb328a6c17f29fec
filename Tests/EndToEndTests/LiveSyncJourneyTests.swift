import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 16's journey with the real binary on loopback: three devices, each with its own library
/// seeded from the same course file. Laptop A serves (`muster sync serve`); the kiosk at the door
/// syncs with it by itself (`muster kiosk --sync-with`); laptop B runs `muster sync with --every 1`.
/// A check-in at the kiosk reaches both laptops' roll calls; a mark made on B reaches A and the
/// kiosk; B killed with SIGKILL in the middle of pushing a large backlog and started again loses
/// nothing; a fourth library that never paired is refused in one line.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct LiveSyncJourneyTests {
    let dir = TemporaryDirectory("live-sync-journey")
    static let pin = KioskMorning.pin
    static let course = KioskMorning.course
    static let morning = KioskMorning.morning

    typealias Library = DeviceLibrary

    var a: Library { Library(name: "laptop A", home: dir.file("a")) }
    var kiosk: Library { Library(name: "kiosk", home: dir.file("k")) }
    var b: Library { Library(name: "laptop B", home: dir.file("b")) }
    var stranger: Library { Library(name: "stranger", home: dir.file("u")) }
    /// Only the Palau course: seeding every fixture course would make each first exchange carry
    /// a thousand records more, seconds in a debug build, and show nothing more.
    var courses: String { dir.file("courses") }

    init() throws {
        for home in [a.home, kiosk.home, b.home, stranger.home, courses] {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(
            atPath: "\(Fixtures.coursesDirectory)/\(Self.course).yaml", toPath: "\(courses)/\(Self.course).yaml")
    }

    @discardableResult
    func muster(
        _ library: Library, _ args: [String], environment: [String: String] = [:], status: Int32 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MusterBinary.Result {
        let r = try MusterBinary.run(args + ["--db", library.db, "--courses", courses], home: library.home, environment: environment)
        #expect(
            r.status == status, "\(library.name): muster \(args.joined(separator: " ")): \(r.stdout)\(r.stderr)",
            sourceLocation: sourceLocation)
        return r
    }

    /// `muster ARGS` left running for `library` until stopped; its output in `<home>/<name>.out`.
    func background(_ library: Library, _ name: String, _ args: [String]) throws -> BackgroundMuster {
        try BackgroundMuster(
            args + ["--db", library.db, "--courses", courses], home: library.home, output: "\(library.home)/\(name).out")
    }

    /// Reads a library another process is writing: read-only, opened and closed for each look.
    func read<T>(_ library: Library, _ body: (Database) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: library.db, configuration: config).read(body)
    }

    func eventIDs(_ library: Library) throws -> Set<String> {
        try read(library) { try Set(String.fetchAll($0, sql: "SELECT id FROM attendance_event")) }
    }

    /// Every sync record a library holds, as "origin/seq": equal sets mean the same history.
    func records(_ library: Library, origin: String? = nil) throws -> Set<String> {
        try read(library) { db in
            try Set(
                String.fetchAll(
                    db, sql: "SELECT origin || '/' || seq FROM sync_record WHERE ?1 IS NULL OR origin = ?1", arguments: [origin]))
        }
    }

    func origin(_ library: Library) throws -> String {
        try read(library) { try String.fetchOne($0, sql: "SELECT origin FROM sync_local") ?? "" }
    }

    func deviceID(_ library: Library) throws -> String {
        try read(library) { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? "" }
    }

    /// Polls every 20 ms until `condition` holds; records an issue naming `what` after `timeout`.
    @discardableResult
    func eventually(
        _ what: String, timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () throws -> Bool
    ) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? condition()) == true { return true }
            usleep(20_000)
        }
        Issue.record("not within \(timeout) s: \(what)", sourceLocation: sourceLocation)
        return false
    }

    /// The last `pairing code: CODE` line `sync serve` printed (a new one follows each pairing).
    static func pairingCode(_ output: String) -> String? {
        output.split(separator: "\n").last { $0.hasPrefix("pairing code: ") }.map { String($0.split(separator: " ").last!) }
    }

    @Test func aKioskAndTwoLaptopsConvergeSurviveAKillAndRefuseAStranger() throws {
        for library in [a, kiosk, b, stranger] { try muster(library, ["courses"]) }
        try muster(a, ["sync", "label", "laptop A"])
        try muster(kiosk, ["sync", "label", "kiosk at the door"])
        try muster(b, ["sync", "label", "laptop B"])
        try muster(kiosk, ["kiosk-pin", Self.course], environment: ["MUSTER_KIOSK_PIN": Self.pin])

        // Laptop A serves on a port the system picks.
        let serve = try background(a, "serve", ["sync", "serve", "--bind", "127.0.0.1", "--port", "0"])
        let url = try serve.waitFor("the serving line") { out in
            out.split(separator: "\n").first { $0.hasPrefix("serving every course as laptop A on ") }
                .map { String($0.split(separator: " ").last!) }
        }
        #expect(url.hasPrefix("http://127.0.0.1:"), "\(url)")
        let firstCode = try #require(Self.pairingCode(serve.output))

        // The kiosk pairs by itself and shows nothing about it.
        let door = MusterTerminal(home: kiosk.home)
        try door.start(
            [
                "kiosk", Self.course, "--session", "d1-am", "--sync-with", url, "--pair", firstCode, "--every", "1",
                "--db", kiosk.db, "--courses", courses,
            ], environment: ["MUSTER_NOW": Self.morning])
        try door.tmux.waitFor(text: "Type your name to check in")
        try serve.waitFor("the kiosk pairing") { $0.contains("paired with kiosk at the door (") ? true : nil }
        let secondCode = try serve.waitFor("a new pairing code") { out in Self.pairingCode(out).flatMap { $0 == firstCode ? nil : $0 } }

        // Laptop B pairs with the new code and keeps exchanging every second.
        var laptopB = try background(b, "with-1", ["sync", "with", url, "--pair", secondCode, "--every", "1"])
        try laptopB.waitFor("laptop B pairing") { $0.contains("paired with laptop A: ") ? true : nil }

        // A check-in at the door reaches both laptops.
        try door.tmux.kioskCheckIn(typing: "dilmei", pick: "Dilmei N. — Bureau of Immigration", welcome: "Welcome, Dilmei — checked in")
        let checkIn = try #require(try eventIDs(kiosk).first)
        eventually("the check-in on laptop A") { try eventIDs(a).contains(checkIn) }
        eventually("the check-in on laptop B") { try eventIDs(b).contains(checkIn) }
        #expect(!(try door.tmux.capture().lowercased().contains("sync")), "the kiosk said something about syncing")

        // A mark made on B by another process (a guest of B's library, absorbed by `sync with`)
        // reaches A and the kiosk.
        let mark = try muster(b, ["mark", Self.course, "d1-am", "PW-003", "late"])
        let markID = try #require(
            mark.stdout.components(separatedBy: "(event ").dropFirst().first.map { String($0.prefix { $0 != ")" }) })
        eventually("B's mark on laptop A") { try eventIDs(a).contains(markID) }
        eventually("B's mark at the kiosk") { try eventIDs(kiosk).contains(markID) }

        // Both laptops' roll calls (each a guest of its library) show the check-in, from the kiosk.
        let kioskDevice = String(try deviceID(kiosk).prefix(4))
        for laptop in [a, b] {
            let rollCall = MusterTerminal(home: laptop.home)
            try rollCall.start(
                ["--db", laptop.db, "--courses", courses, "--course", Self.course],
                environment: ["MUSTER_NOW": "2024-05-07T09:30:00+09:00"], height: 50)
            // Tall enough for the whole course: Dilmei present from the kiosk, Kelvin late from B.
            try rollCall.tmux.waitFor("\(laptop.name)'s roll call: Dilmei from the kiosk and Kelvin from B") { screen in
                let lines = screen.split(separator: "\n")
                return lines.contains { $0.contains("Ngirakesau") && $0.contains("P ") && $0.contains("kiosk \(kioskDevice)") }
                    && lines.contains { $0.contains("Rechebei") && $0.contains("L ") }
            }
            try rollCall.tmux.send("Q")
            try rollCall.expectSaneExit(status: [0])
        }

        // B, stopped, gets a large backlog (a generated course of 1,000 people: about 6,000
        // records, three chunks) and is started again; killed once A has taken part of it.
        #expect(try laptopB.stop() == 0)
        let generated = try MusterBinary.run(
            ["dev", "generate", "--db", b.db, "--people", "1000", "--course", "synthetic-e2e", "--seed", "16"], home: b.home)
        #expect(generated.status == 0, "\(generated.stderr)")
        let bOrigin = try origin(b)
        let backlog = try records(b, origin: bOrigin)
        let before = try records(a, origin: bOrigin).count
        #expect(backlog.count > before + 4000, "B's backlog: \(backlog.count) records, A has \(before)")
        laptopB = try background(b, "with-2", ["sync", "with", url, "--every", "1"])
        var partial = 0
        eventually("A taking part of B's backlog", timeout: 120) {
            partial = try records(a, origin: bOrigin).count
            return partial > before
        }
        try laptopB.stop(SIGKILL)
        let afterKill = try records(a, origin: bOrigin).count
        #expect(afterKill < backlog.count, "B was killed after its exchange ended: A had \(afterKill) of \(backlog.count)")
        #expect(try records(a, origin: bOrigin).isSubset(of: backlog))

        // Started again (no --pair: paired already), B finishes; all three hold the same history.
        laptopB = try background(b, "with-3", ["sync", "with", url, "--every", "1"])
        // Meanwhile the kiosk takes the backlog in from A, chunk by chunk, and still checks people in.
        try door.tmux.send("Escape")
        try door.tmux.waitFor(text: "Type your name to check in")
        try door.tmux.kioskCheckIn(typing: "ana tel", pick: "Ana T. — Bureau of Immigration", welcome: "Welcome, Ana — checked in")
        eventually("A holding all of B's backlog", timeout: 180) { try records(a, origin: bOrigin) == backlog }
        eventually("all three libraries holding the same records", timeout: 180) {
            let onA = try records(a)
            return try onA == (try records(b)) && onA == (try records(kiosk))
        }
        let events = try eventIDs(b)
        #expect(events.count > 3000)
        #expect(try eventIDs(a) == events)
        #expect(try eventIDs(kiosk) == events)
        for library in [a, kiosk, b] {
            let status = try muster(library, ["sync", "status"]).stdout
            #expect(status.contains("conflicts: none open"), "\(library.name): \(status)")
        }

        // A library that never paired is refused in one line, and exits 1.
        let refused = try muster(stranger, ["sync", "with", url], status: 1)
        #expect(
            refused.stderr.hasPrefix("muster: \(url) refused this device: ") && refused.stderr.contains("is not paired with laptop A"),
            "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(try records(a, origin: try origin(stranger)).isEmpty)

        // The kiosk leaves by its PIN as always; the laptops stop on SIGTERM.
        try door.tmux.send("Escape", "F10")
        try door.tmux.waitFor(text: "enter the kiosk PIN")
        try door.tmux.send(Self.pin, literal: true)
        try door.tmux.send("Enter")
        try door.expectSaneExit(status: [0])
        #expect(try laptopB.stop() == 0)
        #expect(try serve.stop() == 0)
        #expect(serve.output.hasSuffix("stopped\n"), "\(serve.output)")
    }
}
