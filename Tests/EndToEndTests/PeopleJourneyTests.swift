import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// People on a roster through the real binary in tmux (issue 14, items 2b and 4): adding someone
/// who is already in the library offers them and enrols them without a second person, and a
/// nominee is substituted by someone new to the library in one step, and a quota lowered on the
/// nominations screen warns at once and agrees with `muster report`. The database and the
/// command line check the result afterwards.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct PeopleJourneyTests {
    let dir = TemporaryDirectory("people")
    var db: String { dir.file("lib.sqlite") }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: db) }

    func personRows() throws -> Int {
        try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM person") ?? -1 }
    }

    @Test func addSomeoneAlreadyInTheLibraryAndSubstituteBySomeoneNew() throws {
        // Seed the library from the shipped course files, then count its people.
        let seeded = try MusterBinary.run(
            ["courses", "--db", db, "--courses", Fixtures.coursesDirectory], home: dir.path)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let people = try personRows()
        #expect(people > 0)

        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try terminal.start(["--db", db, "--courses", Fixtures.coursesDirectory])
        try tmux.waitFor(text: "Muster › Courses")
        try tmux.send("G", "Enter")  // the oldest course: RCM 2020
        try tmux.waitFor(text: "RCM Migration Policies 2020 › Sessions")
        try tmux.send("r")
        try tmux.waitFor(text: "74 people")

        // Ana Tellei (PW-001, Palau MMC 2024) typed in again, her e-mail in capitals.
        try tmux.send("a")
        try tmux.waitFor(text: "New person on")
        try tmux.send("PW-099", literal: true)
        try tmux.send("Tab")
        try tmux.send("Ana", literal: true)
        try tmux.send("Tab")
        try tmux.send("Tellei", literal: true)
        try tmux.send("Tab", "Tab", "C-u")
        try tmux.send("PW", literal: true)
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.send("ANA.TELLEI@example.org", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "Already in the library?")
        try tmux.waitFor(text: "ANA.TELLEI@example.org is PW-001 Ana Tellei's e-mail: the same person.")
        try tmux.send("n")  // refused: the same e-mail is the same person
        try tmux.waitFor(text: "Not added: PW-001 has the e-mail ana.tellei@example.org")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Enrolled PW-001")
        try tmux.waitFor(text: "75 people")
        #expect(try personRows() == people)

        // GT-001 Andrea Xicará Tzul replaced by someone the library has never seen.
        try tmux.send("/")
        try tmux.send("xicara", literal: true)
        try tmux.send("Enter", "t")
        try tmux.waitFor(text: "substituted by someone")
        try tmux.send("s")
        try tmux.waitFor(text: "Who replaces Andrea Xicará Tzul? Guatemala")
        try tmux.waitFor(text: "New person…")
        try tmux.send("End", "Enter")
        try tmux.waitFor(text: "New person replacing GT-001 Andrea Xicará Tzul")
        try tmux.send("GT-099", literal: true)
        try tmux.send("Tab")
        try tmux.send("Rosa", literal: true)
        try tmux.send("Tab")
        try tmux.send("Quiej Chumil", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "GT-001 Andrea Xicará Tzul substituted by GT-099 Rosa Quiej Chumil (added)")
        try tmux.waitFor(text: "substituted → GT-099")
        try tmux.waitFor(text: "76 people")

        // Belize's quota lowered from 5 to 4 on the nominations screen: the warning comes at once,
        // and the screen's line is what `muster report` prints afterwards.
        try tmux.send("q")
        try tmux.waitFor(text: "RCM Migration Policies 2020 › Sessions")
        try tmux.send("n")
        try tmux.waitFor(text: "places: nominated + confirmed")
        try tmux.send("e")
        try tmux.waitFor(text: "Edit quota of Belize")
        try tmux.send("Tab", "Tab", "C-u")
        try tmux.send("4", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor(text: "Belize now 5 of 4 places, over its quota by 1")
        let screen = try tmux.waitFor(text: "5/4 !")
        #expect(screen.contains("1 over"))
        try tmux.send("Q")
        try terminal.expectSaneExit(status: [0])

        #expect(try personRows() == people + 1)
        let roster = try MusterBinary.run(["roster", "rcm-migration-policies-2020", "--db", db], home: dir.path)
        #expect(roster.status == 0)
        let lines = roster.stdout.split(separator: "\n").map(String.init)
        func status(_ code: String) -> String? {
            lines.first { $0.hasPrefix(code + " ") }.map {
                $0.components(separatedBy: "participant").last!.trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(status("PW-001") == "nominated")
        #expect(status("GT-001") == "substituted by GT-099")
        #expect(status("GT-099") == "nominated")
        #expect(!lines.contains { $0.hasPrefix("PW-099") })

        // The report counts Belize as the screen did: 5 of 4, over by 1 (in English: the RCM
        // course's own language is Spanish).
        let report = try MusterBinary.run(["report", "rcm-migration-policies-2020", "--lang", "en", "--db", db], home: dir.path)
        #expect(report.status == 0, "\(report.stderr)")
        let belize = report.stdout.split(separator: "\n").first { $0.hasPrefix("Belize ") && $0.contains("/") }
        #expect(belize?.contains("5/4") == true, "\(report.stdout)")
        #expect(belize?.contains("over by 1") == true)
    }
}
