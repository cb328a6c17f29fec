import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The roster import from the course overview and the roster: the dry run's preview on screen,
/// Enter writing it in one transaction, Esc and every failure writing nothing.
@Suite struct ImportScreenTests {
    /// A generic roster for the mini course: José Núñez again (matched by e-mail, a phone added),
    /// two new people (José María Ñúñez, 陳美玲), one row without a name (rejected).
    static let csv = """
        Given name,Family name,Sex,Country,E-mail,Phone
        José,Núñez,male,PW,jose.nunez@example.org,+680 555 0101
        José María,Ñúñez,male,PW,jm.nunez@example.org,
        美玲,陳,female,PW,chen.meiling@example.org,
        ,,female,PW,nobody@example.org,

        """

    /// The driver on the mini course's overview and the roster written beside its library.
    func overview(size: Size = Size(width: 80, height: 24)) throws -> (AppDriver, String) {
        let d = try AppDriver(size: size)
        d.press(.enter)
        return (d, d.dir.write("roster.csv", Self.csv))
    }

    func people(_ d: AppDriver) throws -> Int {
        let course = try d.store.courses.course(code: "mini-2024")
        return try d.store.rosters.roster(courseID: course.id!, expectedOnly: false).count
    }

    var importing: (AppDriver) -> ImportRosterState? {
        { d in if case .importRoster(let s) = d.state.top { s } else { nil } }
    }

    @Test func previewShowsCountsAndLinesThenEnterImports() throws {
        let (d, path) = try overview()
        let before = try people(d)
        d.press(.char("i"))
        #expect(importing(d)?.phase == .entering)
        d.type(path)
        d.press(.enter)
        let preview = try #require(importing(d)?.preview)
        #expect(preview.report.newPeople.count == 2 && preview.report.matched.count == 1)
        #expect(preview.report.updated == 1 && preview.report.rejected.count == 1)
        #expect(preview.lines.first == .init(kind: .rejected, text: "line 5: no name"))
        #expect(preview.lines.contains { $0.kind == .matched && $0.text.contains("T-001 José Núñez (by e-mail): phone added") })
        #expect(d.screenText.contains("new 2 · matched 1 · updated 1 · rejected 1"))
        #expect(d.screenText.contains("Enter imports 3 rows, leaving out 1 rejected · Esc writes nothing"))
        #expect(try people(d) == before, "a preview writes nothing")

        d.press(.enter)
        guard case .roster(let roster) = d.state.top else { Issue.record("the roster shows the result"); return }
        #expect(roster.courseCode == "mini-2024")
        #expect(d.state.message?.text == "Imported roster.csv: new 2 · matched by e-mail 1 · rejected 1 · skipped 0 = 4 rows; updated 1")
        #expect(try people(d) == before + 2)
        #expect(try d.store.people.person(code: "T-001").phone == "+680 555 0101")
        #expect(d.screenText.contains("Ñúñez"))
    }

    /// A meeting report over both sessions: the preview says, per session, what it will record.
    @Test func previewShowsEachSessionsCounts() throws {
        let (d, _) = try overview()
        let zoom = d.dir.write(
            "zoom.csv",
            """
            Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
            José Núñez,jose.nunez@example.org,05/07/2024 08:55:00 AM,05/07/2024 11:00:00 AM,125,No
            José Núñez,jose.nunez@example.org,05/07/2024 11:10:00 AM,05/07/2024 01:30:00 PM,140,No

            """)
        d.press(.char("i"))
        d.type(zoom)
        d.press(.enter)
        let preview = try #require(importing(d)?.preview)
        #expect(
            preview.lines.filter { $0.kind == .session }.map(\.text) == [
                "am (2024-05-07 09:00–12:00): present 1, late 0, absent 0",  // 120 + 50 of 180 minutes
                "pm (2024-05-07 13:00–17:00): present 0, late 0, absent 1",  // 30 of 240
            ])
        #expect(d.screenText.contains("am (2024-05-07 09:00–12:00): present 1, late 0, absent 0"))
        #expect(try d.store.attendance.eventCount() == 0, "a preview writes nothing")
    }

    @Test func escapeFromThePreviewWritesNothing() throws {
        let (d, path) = try overview()
        let before = try people(d)
        d.press(.char("i"))
        d.type(path)
        d.press(.enter, .escape)
        guard case .overview = d.state.top else { Issue.record("back on the overview"); return }
        #expect(d.state.message?.text == "Import cancelled; nothing was written")
        #expect(try people(d) == before)
        #expect(try d.store.people.person(code: "T-001").phone.isEmpty)
    }

    @Test func missingFileIsSaidInTheDialog() throws {
        let (d, _) = try overview()
        d.press(.char("i"))
        d.type(d.dir.file("nowhere.csv"))
        d.press(.enter)
        let s = try #require(importing(d))
        #expect(s.phase == .entering)
        #expect(s.error?.contains("nowhere.csv") == true)
        #expect(d.effects.last == "bell")
        #expect(d.screenText.contains("nowhere.csv"))
        // Typing again clears the message, Enter on nothing asks for a path.
        d.press(.ctrl("u"))
        #expect(importing(d)?.error == nil)
        d.press(.enter)
        #expect(importing(d)?.error == "Type the path of the file to import")
    }

    @Test func folderAndUnrecognisedFileAreRefused() throws {
        let (d, _) = try overview()
        let before = try people(d)
        d.press(.char("i"))
        d.type(d.dir.path)
        d.press(.enter)
        #expect(importing(d)?.error?.contains("folder") == true)
        let junk = d.dir.write("junk.csv", "alpha,beta\n1,2\n3,4\n")
        d.press(.ctrl("u"))
        d.type(junk)
        d.press(.enter)
        let error = try #require(importing(d)?.error)
        #expect(error.contains("junk.csv"))
        #expect(importing(d)?.phase == .entering)
        #expect(try people(d) == before)
    }

    /// Tab steps through the formats; a format that does not fit the file is a message, not a guess.
    @Test func tabChoosesTheFormat() throws {
        let (d, path) = try overview()
        d.press(.char("i"), .tab)
        #expect(importing(d)?.format == .moodle)
        d.press(.backTab, .backTab)
        #expect(importing(d)?.format == .muster)
        d.press(.tab)
        #expect(importing(d)?.format == .auto)
        d.press(.tab)
        d.type(path)
        d.press(.enter)
        #expect(importing(d)?.error?.contains("no Moodle attendance export header") == true)
    }

    /// The preview scrolls with the list keys; Backspace goes back to the path with it kept.
    @Test func previewScrollsAndBackspaceReturnsToThePath() throws {
        let (d, path) = try overview()
        d.press(.char("i"))
        d.type(path)
        d.press(.enter, .char("j"), .down)
        #expect(importing(d)?.table.selection == 2)
        d.press(.char("G"))
        #expect(importing(d)?.table.selection == 3)
        d.press(.char("g"))
        #expect(importing(d)?.table.selection == 0)
        d.press(.backspace)
        #expect(importing(d)?.phase == .entering)
        #expect(importing(d)?.field.text == path)
    }

    /// While the import writes, keys wait: Esc cannot claim that nothing was written.
    @Test func keysWaitWhileImporting() throws {
        let (d, path) = try overview()
        d.press(.char("i"))
        d.type(path)
        d.press(.enter)
        let preview = try #require(importing(d)?.preview)
        var state = d.state
        guard case .importRoster(var s) = state.top else { Issue.record("import dialog"); return }
        s.phase = .importing(preview)
        state.screens.top = .importRoster(s)
        d.state = state
        d.press(.escape, .char("j"), .enter)
        #expect(importing(d)?.phase == .importing(preview))
        #expect(d.state.message == nil)
    }

    /// From the roster, the roster reloads in place with the new people.
    @Test func fromTheRosterItReloadsInPlace() throws {
        let (d, path) = try overview()
        d.press(.char("r"))
        let depth = d.state.screens.screens.count
        guard case .roster(let before) = d.state.top else { Issue.record("on the roster"); return }
        d.press(.char("i"))
        d.type("  '\(path)'  ")  // a path dropped into the terminal arrives quoted
        d.press(.enter, .enter)
        guard case .roster(let roster) = d.state.top else { Issue.record("still on the roster"); return }
        #expect(d.state.screens.screens.count == depth)
        #expect(roster.total == before.total + 2)
    }

    /// Importing the same file twice: the second preview says there is nothing to change.
    @Test func secondImportChangesNothing() throws {
        let (d, path) = try overview()
        d.press(.char("i"))
        d.type(path)
        d.press(.enter, .enter, .char("q"), .char("i"))
        d.type(path)
        d.press(.enter)
        #expect(importing(d)?.preview?.report.newPeople.isEmpty == true)
        #expect(d.screenText.contains("nothing to change"))
    }
}
