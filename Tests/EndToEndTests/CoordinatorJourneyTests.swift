import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// The coordinator's journey through the real binary in tmux: the RCM programme's roster
/// filtered to one country, a nomination confirmed and another substituted (the quota line
/// following each), a session's time edited, and the command line seeing all of it afterwards.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct CoordinatorJourneyTests {
    let dir = TemporaryDirectory("coordinator")
    var db: String { dir.file("lib.sqlite") }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: db) }

    @Test func filterConfirmSubstituteEditAndTheCommandLineSeesIt() throws {
        let tmux = Tmux()
        var env = MusterBinary.environment(home: dir.path)
        env["TERM"] = "screen"
        // The shell says how muster ended: tmux does not always record a dead pane's status.
        let muster = "\(MusterBinary.path) --db \(db) --courses \(Fixtures.coursesDirectory)"
        try tmux.start("sh -c \"\(muster); echo MUSTER-EXIT=\\$?; sleep 600\"", environment: env)
        try tmux.waitFor(text: "Muster › Courses")
        try tmux.send("G", "Enter")  // the oldest course: RCM 2020
        try tmux.waitFor(text: "RCM Migration Policies 2020 › Sessions")

        try tmux.send("r")
        try tmux.waitFor(text: "74 people")
        try tmux.send("f")
        try tmux.waitFor(text: "Clear every filter")
        try tmux.send("c")
        try tmux.waitFor(text: "type to narrow")
        try tmux.send("guat", literal: true)
        try tmux.waitFor("only Guatemala listed") { !$0.contains("Honduras") && $0.contains("Guatemala") }
        try tmux.send("Enter")
        try tmux.waitFor(text: "Guatemala 4/5 · 3 confirmed · 1 nominated · 1 declined")
        try tmux.waitFor(text: "5 of 74 people")

        try tmux.send("j", "j", "c")  // GT-004 Byron Coyoy Ajú
        try tmux.waitFor(text: "GT-004 Byron Coyoy Ajú: nominated → confirmed")
        try tmux.waitFor(text: "Guatemala 4/5 · 4 confirmed · 1 declined")

        try tmux.send("G", "t")  // GT-001, the last by name
        try tmux.waitFor(text: "substituted by someone")
        try tmux.send("s")
        try tmux.waitFor(text: "Who replaces Andrea Xicará Tzul?")
        try tmux.send("joaquin", literal: true)
        try tmux.waitFor(text: "MX-006")
        try tmux.send("Enter")
        // Joaquín is from Mexico, whose five places were taken: the warning comes first.
        try tmux.waitFor(text: "Mexico now 6 of 5 places, over its quota by 1 (nominated + confirmed) · GT-001")
        try tmux.waitFor(text: "Guatemala 3/5 · 3 confirmed · 1 declined · 1 substituted")

        try tmux.send("q")
        try tmux.waitFor(text: "› Sessions")
        try tmux.send("g", "j", "j", "e")  // vs1
        try tmux.waitFor(text: "Edit session vs1")
        try tmux.send("Tab", "Tab", "Tab", "C-u")
        try tmux.send("2020-07-16 10:30", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "Edited session vs1")
        try tmux.waitFor(text: "10:30–12:00")
        try tmux.send("Q")
        try tmux.waitFor(text: "MUSTER-EXIT=0")
        #expect(try tmux.format("#{alternate_on}") == "0")

        let roster = try MusterBinary.run(["roster", "rcm-migration-policies-2020", "--db", db], home: dir.path)
        #expect(roster.status == 0)
        let lines = roster.stdout.split(separator: "\n").map(String.init)
        func status(_ code: String) -> String? {
            lines.first { $0.hasPrefix(code + " ") }.map {
                $0.components(separatedBy: "participant").last!.trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(status("GT-004") == "confirmed")
        #expect(status("GT-001") == "substituted by MX-006")
        #expect(status("MX-006") == "nominated")
        let sessions = try MusterBinary.run(["sessions", "rcm-migration-policies-2020", "--db", db], home: dir.path)
        #expect(sessions.stdout.split(separator: "\n").contains { $0.hasPrefix("vs1") && $0.contains("2020-07-16 10:30  12:00") })
        // The online course is open from 25 June to 21 August: its end is written with its date.
        #expect(
            sessions.stdout.split(separator: "\n").contains { $0.hasPrefix("course ") && $0.contains("2020-06-25 13:00  2020-08-21 18:00") }
        )
    }

    /// The documented generator: a synthetic course the command line can list like any other.
    @Test func devGenerateMakesASyntheticCourse() throws {
        let r = try MusterBinary.run(
            [
                "dev", "generate", "--db", db, "--no-seed", "--people", "300", "--course", "syn-300",
                "--sessions", "3",
            ], home: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Generated syn-300: 300 people, 3 sessions"))
        let roster = try MusterBinary.run(["roster", "syn-300", "--db", db, "--format", "csv"], home: dir.path)
        #expect(roster.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("SYN-") }.count == 300)
        let again = try MusterBinary.run(["dev", "generate", "--db", db, "--people", "10", "--course", "syn-300"], home: dir.path)
        #expect(again.status != 0 && again.stderr.contains("already exists"))
    }
}
