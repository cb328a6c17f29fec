import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// A printed sign-in sheet typed back through the real binary (issue 13, item 6): the number a
/// facilitator reads off the paper selects that row of that sheet, not the code ending in it.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct SheetJourneyTests {
    let dir = TemporaryDirectory("sheet-journey")
    var db: String { dir.file("lib.sqlite") }

    /// The shipped courses already loaded (`ShippedLibrary`): this suite is about what follows.
    init() throws { try ShippedLibrary.copy(to: db) }
    var library: [String] { ["--db", db, "--courses", Fixtures.coursesDirectory] }

    @Test func rowNineteenOfThePrintedSheetMarksThePersonPrintedThere() throws {
        // The Palau course's sessions are all past, so --course opens the last one, d3-pm.
        let sheet = try MusterBinary.run(["sheet", "palau-mmc-2024", "d3-pm"] + library, home: dir.path)
        #expect(sheet.status == 0, "\(sheet.stderr)")
        let lines = sheet.stdout.split(separator: "\n").map(String.init)
        let idLine = try #require(lines.first { $0.hasPrefix("Sheet ") }, "the sheet prints its id")
        let sheetID = String(idLine.dropFirst(6).prefix(4))
        let row = try #require(lines.first { $0.hasPrefix("19 ") || $0.hasPrefix(" 19 ") || $0.hasPrefix("19|") })
        let cells = row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let code = cells[1]
        #expect(code != "PW-019", "row 19 must be someone else than PW-019 for this test to mean anything")

        let terminal = MusterTerminal(home: dir.path)
        let tmux = terminal.tmux
        try terminal.start(library + ["--course", "palau-mmc-2024"])
        try tmux.waitFor(text: "CODE     NAME")
        try tmux.send("#")
        try tmux.waitFor(text: "(today's: Sheet \(sheetID))")  // the entry asks which sheet, today's filled in
        try tmux.send("Enter")
        try tmux.send("19 p", literal: true)
        try tmux.waitFor(text: "(\(code)) — present? Enter to keep")  // the name echoed before it is kept
        try tmux.send("Enter")
        try tmux.waitFor(text: "1/27 marked")
        try tmux.send("Escape")
        try tmux.send("Q")
        try terminal.expectSaneExit(status: [0])

        let export = try MusterBinary.run(["export", "attendance", "palau-mmc-2024"] + library, home: dir.path)
        let marks = export.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { row -> String in
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            return "\(cells[1]) \(cells[3]) \(cells[10]) \(cells[14])"
        }
        #expect(marks == ["d3-pm \(code) present paper"])
    }
}
