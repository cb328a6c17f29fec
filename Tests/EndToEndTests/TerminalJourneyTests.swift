import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// The real binary in a real terminal (tmux): the facilitator's journey, resizes, and the
/// terminal left sane after quitting, a signal and a crash.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct TerminalJourneyTests {
    let dir = TemporaryDirectory("journey")
    var db: String { dir.file("lib.sqlite") }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: db) }

    /// muster on this test's library, seeded from the shipped course files.
    func start(_ terminal: MusterTerminal, _ arguments: [String] = [], environment: [String: String] = [:]) throws {
        try terminal.start(["--db", db, "--courses", Fixtures.coursesDirectory] + arguments, environment: environment)
    }

    @Test func facilitatorMarksFivePeopleUndoesOneAndTheExportShowsExactlyThose() throws {
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try start(terminal)
        try tmux.waitFor(text: "Palau MMC 2024")
        #expect(try tmux.format("#{alternate_on}") == "1")
        try tmux.send("j", "Enter")  // the second course: Palau, newest first
        try tmux.waitFor(text: "Palau MMC 2024 › Sessions")
        try tmux.send("Enter")
        // The loading frame's breadcrumb says "Roll call"; the loaded one may truncate it behind a
        // long session title, so wait for what only the loaded roll call shows.
        try tmux.waitFor(text: "CODE     NAME")
        try tmux.waitFor(text: "0/27 marked")
        try tmux.send("p")
        try tmux.waitFor(text: "1/27 marked")
        try tmux.send("x")
        try tmux.waitFor(text: "2/27 marked")
        try tmux.send("l")
        try tmux.waitFor(text: "Arrived at (HH:MM)")
        try tmux.send("Enter")
        try tmux.waitFor(text: "3/27 marked")
        try tmux.send("e")
        try tmux.waitFor(text: "Reason (optional)")
        try tmux.send("ministry meeting", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "4/27 marked")
        try tmux.send("p")
        try tmux.waitFor(text: "5/27 marked · 3 present")
        try tmux.send("u")
        try tmux.waitFor(text: "Undid Renée Kesolei; now no mark")
        try tmux.waitFor(text: "4/27 marked · 2 present")
        try tmux.send("Q")
        try terminal.expectSaneExit(status: [0])

        let export = try MusterBinary.run(["export", "attendance", "palau-mmc-2024", "--db", db], home: dir.path)
        #expect(export.status == 0)
        let rows = export.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        let marks = rows.map { row -> String in
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            return "\(cells[3]) \(cells[10]) \(cells[14])"
        }.sorted()
        // The first four people by family name: Adelbai, Baules, Blesam, Etpison; Kesolei's mark was undone.
        #expect(marks == ["PW-014 absent rollcall", "PW-016 excused rollcall", "PW-019 present rollcall", "PW-030 late rollcall"])
    }

    @Test func resizingWhileRunningNeverCrashes() throws {
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try start(terminal, ["--course", "palau-mmc-2024"])
        try tmux.waitFor(text: "0/27 marked")
        try tmux.resize(width: 60, height: 16)
        try tmux.waitFor(text: "0/27 marked")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor(text: "Terminal too small")
        try tmux.send("p")  // ignored while too small
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(text: "0/27 marked")
        for size in [(30, 5), (120, 40), (61, 17), (200, 60), (80, 24)] {
            try tmux.resize(width: size.0, height: size.1)
        }
        try tmux.waitFor(text: "0/27 marked")
        try tmux.send("p")
        try tmux.waitFor(text: "1/27 marked")
        try tmux.send("Q")
        try terminal.expectSaneExit(status: [0])
    }

    @Test func quittingWithQFromTheTopRestoresTheTerminal() throws {
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try start(terminal)
        try tmux.waitFor(text: "Muster › Courses")
        try tmux.send("Enter")
        try tmux.waitFor(text: "› Sessions")
        try tmux.send("q")
        try tmux.waitFor(text: "Muster › Courses")
        try tmux.send("q")
        try terminal.expectSaneExit(status: [0])
    }

    @Test func sigtermLeavesTheTerminalSane() throws {
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try start(terminal)
        try tmux.waitFor(text: "Muster › Courses")
        let pid = try #require(try terminal.musterPID())
        kill(pid, SIGTERM)
        try terminal.expectSaneExit(status: [143])
    }

    @Test func aCrashLeavesTheTerminalSane() throws {
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try start(terminal, ["--course", "palau-mmc-2024"], environment: ["MUSTER_DEBUG_CRASH_MS": "700"])
        try tmux.waitFor(text: "0/27 marked")
        // A Swift trap is SIGILL on x86_64 (132) and SIGTRAP on arm64 (133).
        try terminal.expectSaneExit(status: [132, 133])
    }

    @Test func dumbTerminalIsRefusedWithAPointerToTheCommands() throws {
        let r = try MusterBinary.run(
            ["--db", db, "--courses", Fixtures.coursesDirectory], home: dir.path,
            environment: ["TERM": "dumb"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("muster courses"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
