import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The course list in Spanish (`--lang es`): its dates, counts and attendance rates, its
/// retention column and notice, its delete dialog, and no English text of its catalogues.
@Suite struct CourseListSpanishTests {
    /// The mini course (marked) and RCM on the course list.
    func spanish(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try OverviewSpanishTests.marked(size: size)
        d.press(.char("q"))
        return d
    }

    @Test(arguments: OverviewSpanishTests.sizes)
    func courseList(name: String, size: Size) throws {
        let d = try spanish(size: size)
        d.checkSnapshot("courses-es-\(name)", asciiFree: Glyphs.unicode.barLevels + ["─", "›"])
        #expect(d.screenText.contains("Muster › Cursos"))
        #expect(d.screenText.contains("25 jun – 21 ago 2"))
    }

    @Test(arguments: OverviewSpanishTests.sizes)
    func retention(name: String, size: Size) throws {
        let d = try PrivacyScreenTests.retentionDriver(size: size, options: OverviewSpanishTests.spanish)
        d.checkSnapshot("courses-es-retention-\(name)", asciiFree: ["─", "›"])
        let rows = d.frame().lines
        #expect(rows.contains { $0.contains("mini-2024") && $0.contains("VENCIÓ") })
        #expect(rows.contains { $0.contains("mini-2025") && $0.contains("5 años") })
    }

    @Test func deleteDialog() throws {
        let d = try spanish()
        d.press(.char("d"))
        d.checkSnapshot("courses-es-delete", asciiFree: ["─", "│"])
        #expect(d.screenText.contains("Eliminar el curso"))
    }

    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["CourseList", "Keys", "App"])
        let d = try spanish()
        var screens = [d.screenText]
        d.press(.char("?"))
        screens.append(d.screenText)
        d.press(.escape, .char("d"))
        screens.append(d.screenText)
        screens.append(
            try PrivacyScreenTests.retentionDriver(size: Size(width: 80, height: 24), options: OverviewSpanishTests.spanish).screenText)
        SpanishCheck.expectNoEnglish(english, on: screens)
        // The empty list names a command, typed in English in every language ("import"):
        // only the list's own words are held to Spanish there.
        let empty = try AppDriver(courses: [], options: OverviewSpanishTests.spanish).screenText
        #expect(empty.contains("Aún no hay cursos"))
        SpanishCheck.expectNoEnglish(SpanishCheck.englishText(of: ["CourseList"]), on: [empty])
    }
}
