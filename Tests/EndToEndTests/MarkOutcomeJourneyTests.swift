import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// The real binary in tmux: what a facilitator sees after a correction and an undo, and marks
/// from this process and from another one reaching the screen within a second.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct MarkOutcomeJourneyTests {
    let dir = TemporaryDirectory("outcome")
    var db: String { dir.file("lib.sqlite") }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: db) }

    @Test func pkxuShowsPresentAndAnotherProcesssMarkArrivesWithinASecond() throws {
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try terminal.start(["--db", db, "--courses", Fixtures.coursesDirectory, "--course", "palau-mmc-2024"])
        try tmux.waitFor(text: "0/27 marked")
        // Marks made by this process: each shows within a second of its key.
        try tmux.send("p")
        try tmux.waitFor(text: "1/27 marked · 1 present", timeout: 1)
        try tmux.send("k", "x")
        try tmux.waitFor(text: "1/27 marked · 0 present", timeout: 1)
        try tmux.send("u")
        try tmux.waitFor(text: "now present", timeout: 1)
        let screen = try tmux.waitFor(text: "1/27 marked · 1 present", timeout: 1)
        let first = screen.components(separatedBy: "\n").first { $0.contains("PW-019") } ?? ""
        #expect(first.contains("P ✓"), "the first row should show present: \(first)")

        // The session the roll call opened on (the course is over by the real clock: its last one).
        let sessions = try MusterBinary.run(["sessions", "palau-mmc-2024", "--db", db], home: dir.path)
        let last = try #require(sessions.stdout.split(separator: "\n").last?.split(separator: " ").first)
        // A mark made by another process: the screen polls and shows it within a second.
        let mark = try MusterBinary.run(["mark", "palau-mmc-2024", String(last), "PW-016", "present", "--db", db], home: dir.path)
        #expect(mark.status == 0, "\(mark.stderr)")
        try tmux.waitFor(text: "2/27 marked · 2 present", timeout: 1)
        try tmux.send("Q")
        try terminal.expectSaneExit(status: [0])

        let check = try MusterBinary.run(["export", "attendance", "palau-mmc-2024", "--db", db], home: dir.path)
        let rows = check.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        let marks = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { "\($0[3]) \($0[10])" }.sorted()
        #expect(marks == ["PW-016 present", "PW-019 present"])
    }
}
