import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 15's journey with the real binary: two libraries seeded from the same course files,
/// "A" (the coordinator's laptop) and "B" (a kiosk at the door). B checks two people in; its
/// bundle imported on A shows them on A's roll call with where they came from; both then edit
/// one person's e-mail at once, exchange bundles both ways and see the same one conflict;
/// A resolves it and its bundle ends the conflict on B.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct SyncJourneyTests {
    let dir = TemporaryDirectory("sync-journey")
    static let pin = KioskMorning.pin
    static let course = KioskMorning.course
    static let morning = KioskMorning.morning

    typealias Library = DeviceLibrary

    var a: Library { Library(name: "A", home: dir.file("a")) }
    var b: Library { Library(name: "B", home: dir.file("b")) }

    init() throws {
        for home in [dir.file("a"), dir.file("b")] {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        }
    }

    @discardableResult
    func muster(
        _ library: Library, _ args: [String], environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MusterBinary.Result {
        let r = try MusterBinary.run(
            args + ["--db", library.db, "--courses", Fixtures.coursesDirectory], home: library.home, environment: environment)
        #expect(r.status == 0, "\(library.name): muster \(args.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    func deviceID(_ library: Library) throws -> String {
        try DatabaseQueue(path: library.db).read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'device_id'") ?? "" }
    }

    func email(_ library: Library, _ code: String) throws -> String {
        try DatabaseQueue(path: library.db).read {
            try String.fetchOne($0, sql: "SELECT email FROM person WHERE code = ?", arguments: [code]) ?? ""
        }
    }

    /// The conflicts `muster sync conflicts` lists: the ids of its "conflict ID: …" lines.
    func conflictIDs(_ library: Library) throws -> [String] {
        try muster(library, ["sync", "conflicts"]).stdout.split(separator: "\n")
            .filter { $0.hasPrefix("conflict ") }
            .map { String($0.dropFirst("conflict ".count).prefix { $0 != ":" }) }
    }

    @Test func kioskMarksTravelAndAConcurrentEditIsOneConflictOnBoth() throws {
        for library in [a, b] { try muster(library, ["courses"]) }

        // B: the kiosk at the door checks two people in.
        try muster(b, ["kiosk-pin", Self.course], environment: ["MUSTER_KIOSK_PIN": Self.pin])
        let kiosk = MusterTerminal(home: b.home)
        try kiosk.start(
            ["kiosk", Self.course, "--session", "d1-am", "--db", b.db, "--courses", Fixtures.coursesDirectory],
            environment: ["MUSTER_NOW": Self.morning])
        try kiosk.tmux.waitFor(text: "Type your name to check in")
        try kiosk.tmux.kioskCheckIn(typing: "ana tel", pick: "Ana T. — Bureau of Immigration", welcome: "Welcome, Ana — checked in")
        try kiosk.tmux.send("Escape")
        try kiosk.tmux.waitFor(text: "Type your name to check in")
        try kiosk.tmux.kioskCheckIn(typing: "dilmei", pick: "Dilmei N. — Bureau of Immigration", welcome: "Welcome, Dilmei — checked in")
        try kiosk.tmux.send("Escape", "F10")
        try kiosk.tmux.waitFor(text: "enter the kiosk PIN")
        try kiosk.tmux.send(Self.pin, literal: true)
        try kiosk.tmux.send("Enter")
        try kiosk.expectSaneExit(status: [0])

        // B's bundle on A: two events added.
        let bBundle = dir.file("b.bundle")
        let exported = try muster(b, ["sync", "export", Self.course, "-o", bBundle])
        #expect(exported.stdout.hasPrefix("wrote \(bBundle): "), "\(exported.stdout)")
        let imported = try muster(a, ["sync", "import", bBundle])
        #expect(imported.stdout.contains("\(Self.course): 2 events"), "\(imported.stdout)")

        // A's command line agrees: both present, checked in at the kiosk.
        let csv = try muster(a, ["export", "attendance", Self.course]).stdout.components(separatedBy: "\r\n")
        for code in ["PW-001", "PW-002"] {
            let rows = csv.filter { $0.contains(",\(code),") && $0.contains(",d1-am,") }
            #expect(rows.count == 1 && rows.first?.contains(",present,") == true, "\(code): \(rows)")
            #expect(rows.first?.contains(",kiosk,") == true, "\(code): \(rows)")
        }

        // A's roll call shows them present, from B's kiosk.
        let device = String(try deviceID(b).prefix(4))
        let rollCall = MusterTerminal(home: a.home)
        try rollCall.start(
            ["--db", a.db, "--courses", Fixtures.coursesDirectory, "--course", Self.course],
            environment: ["MUSTER_NOW": "2024-05-07T09:30:00+09:00"])
        func fromB(_ name: String) -> (String) -> Bool {
            { screen in
                screen.split(separator: "\n").contains { $0.contains(name) && $0.contains("P ") && $0.contains("kiosk \(device)") }
            }
        }
        let screen = try rollCall.tmux.waitFor("Dilmei's mark from B's kiosk", fromB("Ngirakesau"))
        #expect(screen.contains("FROM") && screen.contains("2 present"))
        // Tellei sorts below the first screenful: find her.
        try rollCall.tmux.send("/")
        try rollCall.tmux.send("tellei", literal: true)
        try rollCall.tmux.send("Enter")
        try rollCall.tmux.waitFor("Ana's mark from B's kiosk", fromB("Tellei"))
        try rollCall.tmux.send("Q")
        try rollCall.expectSaneExit(status: [0])

        // The same e-mail edited on both, before either has the other's edit.
        try editEmail(a, code: "PW-001", family: "Tellei", to: "ana.a@example.org")
        try editEmail(b, code: "PW-001", family: "Tellei", to: "ana.b@example.org")
        let aBundle = dir.file("a.bundle"), bBundle2 = dir.file("b2.bundle")
        try muster(a, ["sync", "export", Self.course, "-o", aBundle])
        try muster(b, ["sync", "export", Self.course, "-o", bBundle2])
        try muster(a, ["sync", "import", bBundle2])
        try muster(b, ["sync", "import", aBundle])

        // One conflict, the same on both, and both show the same value meanwhile.
        let onA = try conflictIDs(a), onB = try conflictIDs(b)
        #expect(onA.count == 1 && onA == onB, "A: \(onA), B: \(onB)")
        #expect(try email(a, "PW-001") == (try email(b, "PW-001")))
        let id = try #require(onA.first)

        // A keeps its own value; its next bundle ends the conflict on B.
        let resolved = try muster(a, ["sync", "resolve", id, "--keep", "ana.a@example.org"])
        #expect(resolved.stdout.contains("ana.a@example.org"), "\(resolved.stdout)")
        let aBundle2 = dir.file("a2.bundle")
        try muster(a, ["sync", "export", Self.course, "-o", aBundle2])
        try muster(b, ["sync", "import", aBundle2])
        #expect(try conflictIDs(b).isEmpty)
        #expect(try muster(b, ["sync", "conflicts"]).stdout == "no open conflicts\n")
        #expect(try email(b, "PW-001") == "ana.a@example.org")
        #expect(try email(a, "PW-001") == "ana.a@example.org")
    }

    /// Importing a bundle twice adds nothing the second time, and a file that is not a bundle is
    /// refused with one line naming it and a non-zero status.
    @Test func reimportIsANoOpAndGarbageIsRefused() throws {
        for library in [a, b] { try muster(library, ["courses"]) }
        let bundle = dir.file("b.bundle")
        try muster(b, ["sync", "export", "--all", "-o", bundle])
        try muster(a, ["sync", "import", bundle])
        let again = try muster(a, ["sync", "import", bundle])
        #expect(again.stdout.contains("already imported") || again.stdout.contains("nothing new"), "\(again.stdout)")

        let garbage = dir.file("garbage.bundle")
        dir.write("garbage.bundle", "not a bundle\n")
        let refused = try MusterBinary.run(
            ["sync", "import", garbage, "--db", a.db, "--courses", Fixtures.coursesDirectory], home: a.home)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("muster: \(garbage)"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    }

    /// Through the person form in the TUI: find the person from the course list, `e`, the
    /// e-mail field (the eighth), typed over, Enter.
    func editEmail(_ library: Library, code: String, family: String, to email: String) throws {
        let terminal = MusterTerminal(home: library.home)
        let tmux = terminal.tmux
        try terminal.start(["--db", library.db, "--courses", Fixtures.coursesDirectory])
        try tmux.waitFor(text: "Muster › Courses")
        try tmux.send("/")
        try tmux.waitFor(text: "Find a person")
        try tmux.send(family, literal: true)
        try tmux.waitFor(text: code)
        try tmux.send("Enter")
        try tmux.waitFor(text: "Muster › Ana Tellei")
        try tmux.send("e")
        try tmux.waitFor(text: "Edit \(code)")
        for _ in 0..<7 { try tmux.send("Tab") }
        try tmux.send("C-u")
        try tmux.send(email, literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("the form closed with \(email) saved") { !$0.contains("Edit \(code)") && $0.contains(email) }
        try tmux.send("Q")
        try terminal.expectSaneExit(status: [0])
        #expect(try self.email(library, code) == email)
    }
}
