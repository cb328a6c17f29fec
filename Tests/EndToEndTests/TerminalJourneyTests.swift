import Foundation
import Testing
import TestSupport

/// The real binary in a real terminal (tmux): the facilitator's journey, resizes, and the
/// terminal left sane after quitting, a signal and a crash.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct TerminalJourneyTests {
    let dir = TemporaryDirectory("journey")
    var db: String { dir.file("lib.sqlite") }

    /// Runs muster under a wrapper shell that, when muster ends, prints its status and the
    /// terminal modes, so a test can check what the user's shell would be left with.
    func start(_ tmux: Tmux, _ arguments: String, environment extra: [String: String] = [:],
               width: Int = 80, height: Int = 24) throws {
        let muster = "\(MusterBinary.path) --db \(db) --courses \(Fixtures.coursesDirectory) \(arguments)"
        let script = "trap : INT; \(muster); echo MUSTER-EXIT=\\$?; stty -a | tr '\\n' ' '; echo; echo WRAPPER-DONE; sleep 600"
        var env = MusterBinary.environment(home: dir.path)
        env["TERM"] = "screen"
        env.merge(extra) { _, new in new }
        try tmux.start("sh -c \"\(script)\"", width: width, height: height, environment: env)
    }

    /// After muster ends: the alternate screen is off, and the shell gets echo and canonical mode back.
    func expectSaneTerminal(_ tmux: Tmux, status expected: Set<Int>, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.waitFor(text: "WRAPPER-DONE")
        let status = screen.components(separatedBy: "MUSTER-EXIT=").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        #expect(status.map(expected.contains) == true, "status \(status ?? -1): \(screen)", sourceLocation: sourceLocation)
        #expect(try tmux.format("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        let words = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(words.contains("echo") && words.contains("icanon") && words.contains("isig"), "\(screen)",
                sourceLocation: sourceLocation)
        #expect(!words.contains("-echo") && !words.contains("-icanon"), sourceLocation: sourceLocation)
    }

    @Test func facilitatorMarksFivePeopleUndoesOneAndTheExportShowsExactlyThose() throws {
        let tmux = Tmux()
        try start(tmux, "")
        try tmux.waitFor(text: "Palau MMC 2024")
        #expect(try tmux.format("#{alternate_on}") == "1")
        try tmux.send("j", "Enter")                                // the second course: Palau, newest first
        try tmux.waitFor(text: "Palau MMC 2024 › Sessions")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Roll call")
        try tmux.waitFor(text: "0/27 marked")
        try tmux.send("p")
        try tmux.waitFor(text: "1/27 marked")
        try tmux.send("x")
        try tmux.waitFor(text: "2/27 marked")
        try tmux.send("l")
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
        try expectSaneTerminal(tmux, status: [0])

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
        let tmux = Tmux()
        try start(tmux, "--course palau-mmc-2024")
        try tmux.waitFor(text: "0/27 marked")
        try tmux.resize(width: 60, height: 16)
        try tmux.waitFor(text: "0/27 marked")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor(text: "Terminal too small")
        try tmux.send("p")                                            // ignored while too small
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(text: "0/27 marked")
        for size in [(30, 5), (120, 40), (61, 17), (200, 60), (80, 24)] {
            try tmux.resize(width: size.0, height: size.1)
        }
        try tmux.waitFor(text: "0/27 marked")
        try tmux.send("p")
        try tmux.waitFor(text: "1/27 marked")
        try tmux.send("Q")
        try expectSaneTerminal(tmux, status: [0])
    }

    @Test func quittingWithQFromTheTopRestoresTheTerminal() throws {
        let tmux = Tmux()
        try start(tmux, "")
        try tmux.waitFor(text: "Muster › Courses")
        try tmux.send("Enter")
        try tmux.waitFor(text: "› Sessions")
        try tmux.send("q")
        try tmux.waitFor(text: "Muster › Courses")
        try tmux.send("q")
        try expectSaneTerminal(tmux, status: [0])
    }

    @Test func sigtermLeavesTheTerminalSane() throws {
        let tmux = Tmux()
        try start(tmux, "")
        try tmux.waitFor(text: "Muster › Courses")
        let shell = try tmux.format("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let pid = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        kill(pid, SIGTERM)
        try expectSaneTerminal(tmux, status: [143])
    }

    @Test func aCrashLeavesTheTerminalSane() throws {
        let tmux = Tmux()
        try start(tmux, "--course palau-mmc-2024", environment: ["MUSTER_DEBUG_CRASH_MS": "700"])
        try tmux.waitFor(text: "0/27 marked")
        // A Swift trap is SIGILL on x86_64 (132) and SIGTRAP on arm64 (133).
        try expectSaneTerminal(tmux, status: [132, 133])
    }

    @Test func dumbTerminalIsRefusedWithAPointerToTheCommands() throws {
        let r = try MusterBinary.run(["--db", db, "--courses", Fixtures.coursesDirectory], home: dir.path,
                                     environment: ["TERM": "dumb"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("muster courses"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
