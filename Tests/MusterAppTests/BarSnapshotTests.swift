import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The bars (issue 22) on screens with figures to draw: the overview's sessions as a bar chart
/// of who was present, the course list's attendance rate, the nominations' quota fill. Each at
/// 80×24 and the minimum 60×16, in colour (monochrome checked to draw the same text and roles)
/// and in ASCII, stored too, since there the bars are other glyphs.
@Suite struct BarSnapshotTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]

    /// The mini course beside RCM (no marks), back on the mini course's overview after its
    /// morning was called (present, late, absent, excused) and everyone marked present in the
    /// afternoon.
    func marked(size: Size) throws -> AppDriver {
        let rcm = try String(contentsOfFile: Fixtures.coursesDirectory + "/rcm-migration-policies-2020.yaml", encoding: .utf8)
        let d = try AppDriver(courses: [Fixtures.miniCourseYAML, rcm], options: AppOptions(startCourse: "mini-2024"), size: size)
        d.press(.char("p"), .char("l"))
        d.type("09:20")
        d.press(.enter, .char("x"), .char("e"))
        d.type("visa office")
        d.press(.enter, .char("q"), .char("j"), .enter, .char("P"), .char("y"), .char("q"))
        return d
    }

    /// Stores the colour frame (checking monochrome and ASCII keep its meaning) and the ASCII one.
    func check(_ d: AppDriver, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        d.checkSnapshot(name, asciiFree: Glyphs.unicode.barLevels + ["─", "✓", "›"], sourceLocation: sourceLocation)
        let ascii = d.frame(theme: Theme.color.asciiVariant())
        assertSnapshot(SnapshotText.render(ascii), named: name + "-ascii", sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes)
    func overview(name: String, size: Size) throws {
        let d = try marked(size: size)
        #expect(d.screenText.contains("Mini Course"))
        #expect(d.screenText.contains("█"))
        check(d, "bars-overview-\(name)")
    }

    @Test(arguments: sizes)
    func courseList(name: String, size: Size) throws {
        let d = try marked(size: size)
        d.press(.char("q"))
        check(d, "bars-courses-\(name)")
    }

    @Test(arguments: sizes)
    func nominations(name: String, size: Size) throws {
        let d = try AppDriver.rcm(size: size)
        d.press(.char("n"), .char("G"))  // the end: at 80×24, Nicaragua's open quota (4/5) among full ones
        check(d, "bars-nominations-\(name)")
    }
}
