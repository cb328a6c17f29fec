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
    var db: String { dir.file("lib.sqlite") }

    @Test func theRollCallSpeaksSpanishWithLangEs() throws {
        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try terminal.start(
            ["--lang", "es", "--db", db, "--courses", Fixtures.coursesDirectory], environment: ["LANG": "en_US.UTF-8"])
        try tmux.waitFor(text: "Palau MMC 2024")
        try tmux.send("j", "Enter")  // the second course: Palau, newest first
        try tmux.waitFor(text: "Palau MMC 2024 › ")
        try tmux.send("Enter")
        try tmux.waitFor(text: "CÓDIGO   NOMBRE")
        try tmux.waitFor(text: "0/27 marcadas")
        try tmux.waitFor(text: "p presente")
        try tmux.send("p")
        try tmux.waitFor(text: "1/27 marcadas · 1 presente")
        try tmux.waitFor(text: ": presente")
        try tmux.send("?")
        try tmux.waitFor(text: "Presente, y pasar a la persona siguiente")
        try tmux.send("Escape", "Q")
        try terminal.expectSaneExit(status: [0])
    }

    @Test func anUnknownLanguageIsAPlainError() throws {
        let result = try MusterBinary.run(
            ["--db", db, "--courses", Fixtures.coursesDirectory], home: dir.path, environment: ["MUSTER_LANG": "klingon"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("MUSTER_LANG 'klingon': Muster speaks en, es"), "\(result.stderr)")
    }
}
