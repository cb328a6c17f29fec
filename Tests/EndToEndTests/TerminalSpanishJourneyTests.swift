import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `muster --lang es` in a real terminal (tmux): the facilitator opens the Palau course's roll
/// call and it speaks Spanish — columns, counts, the message of a mark and the footer; and a
/// language Muster does not speak is a plain error.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct TerminalSpanishJourneyTests {
    let dir = TemporaryDirectory("journey-es")
    /// This test's library, seeded from the shipped course files.
    var library: [String] { ["--db", dir.file("lib.sqlite"), "--courses", Fixtures.coursesDirectory] }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: dir.file("lib.sqlite")) }

    @Test func theRollCallSpeaksSpanishWithLangEs() throws {
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try terminal.start(
            ["--lang", "es"] + library, environment: ["LANG": "en_US.UTF-8"])
        // Each step: the keys sent, then the Spanish it must bring (no keys: wait only).
        let steps: [(keys: [String], shows: String)] = [
            ([], "Palau MMC 2024"),
            (["j", "Enter"], "Palau MMC 2024 › "),  // the second course: Palau, newest first
            (["Enter"], "CÓDIGO   NOMBRE"),
            ([], "0/27 marcadas"),
            ([], "p presente"),
            (["p"], "1/27 marcadas · 1 presente"),
            ([], ": presente"),
            (["?"], "Presente, y pasar a la persona siguiente"),
        ]
        for step in steps {
            for key in step.keys { try tmux.send(key) }
            try tmux.waitFor(text: step.shows)
        }
        try tmux.send("Escape", "Q")
        try terminal.expectSaneExit(status: [0])
    }

    @Test func anUnknownLanguageIsAPlainError() throws {
        let result = try MusterBinary.run(
            library, home: dir.path, environment: ["MUSTER_LANG": "klingon"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("MUSTER_LANG 'klingon': Muster speaks en, es"), "\(result.stderr)")
    }
}
