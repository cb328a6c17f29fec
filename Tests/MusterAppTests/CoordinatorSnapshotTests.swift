import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The coordinator's screens as text plus a style layer, at 80×24 and the minimum 60×16, on
/// the shipped courses (accents, ʻokina, Han) and the mini course (widths). Each snapshot is
/// also drawn in monochrome and ASCII: same text and roles (so the role layer shows what
/// monochrome draws), no colour anywhere, and ASCII only glyphs.
@Suite struct CoordinatorSnapshotTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]

    /// Records the snapshot and checks the other themes keep its meaning.
    func check(_ d: AppDriver, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let mono = d.checkSnapshot(
            name, asciiFree: ["│", "─", "┌", "┐", "└", "┘", "✓", "✗", "▲", "▼", "›"],
            sourceLocation: sourceLocation)
        // The selection is reverse video in every theme: one bar, two with a menu over the list.
        let selected = (0..<mono.size.height).filter { y in mono.row(y).contains { $0.role == .selected } }
        #expect(selected.count <= (d.state.top.isModal ? 2 : 1), sourceLocation: sourceLocation)
    }

    /// The RCM roster, filtered to Guatemala, after one confirmation.
    func guatemala(size: Size) throws -> AppDriver {
        let d = try AppDriver.rcm(size: size)
        d.press(.char("r"), .char("f"), .char("c"))
        d.type("guat")
        d.press(.down, .enter)
        d.press(.char("j"), .char("j"), .char("c"))
        return d
    }

    @Test(arguments: sizes)
    func roster(name: String, size: Size) throws {
        let d = try guatemala(size: size)
        #expect(d.screenText.contains("Guatemala 4/5"))
        check(d, "roster-\(name)")
    }

    @Test(arguments: sizes)
    func matrix(name: String, size: Size) throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"), size: size)
        d.press(.char("p"), .char("l"), .enter, .char("x"), .char("k"), .char("d"))
        d.type("10:30")  // José Núñez late, left at 10:30: L½
        d.press(.enter, .char("q"), .char("j"), .enter, .char("e"))
        d.type("visa office")
        d.press(.enter, .char("q"), .char("m"))
        check(d, "matrix-\(name)")
    }

    @Test(arguments: sizes)
    func nominations(name: String, size: Size) throws {
        let d = try AppDriver.rcm(size: size)
        d.press(.char("n"), .char("j"))
        check(d, "nominations-\(name)")
    }

    @Test(arguments: sizes)
    func person(name: String, size: Size) throws {
        let d = try AppDriver.shipped(size: size)
        d.press(.char("/"))
        d.type("renee")
        check(d, "search-\(name)")
        d.press(.enter)
        check(d, "person-\(name)")
    }

    @Test(arguments: sizes)
    func sessionForm(name: String, size: Size) throws {
        let d = try AppDriver.rcm(size: size)
        d.press(.char("j"), .char("e"), .tab, .tab, .tab)
        d.retype("2020-06-25 25:00")
        d.press(.enter)
        check(d, "session-form-\(name)")
    }

    @Test func menus() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"), .char("f"))
        check(d, "filter-menu")
        d.press(.char("c"))
        check(d, "filter-country-menu")
        d.press(.escape, .char("t"))
        check(d, "status-menu")
        d.press(.char("s"))
        d.type("pena")
        check(d, "substitute-picker")
    }

    @Test func rosterSearchLineAndHelp() throws {
        let d = try AppDriver()
        d.press(.enter, .char("r"), .char("/"))
        d.type("小")
        check(d, "roster-search")
        d.press(.enter, .char("?"))
        check(d, "roster-help")
    }
}
