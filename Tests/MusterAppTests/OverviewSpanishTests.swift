import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The course overview in Spanish (`--lang es`): Palau's three days at 80×24 and the minimum
/// size, the mini course's bars of marks, its delete dialog and refusal, and no English text of
/// its catalogues on its screens.
@Suite struct OverviewSpanishTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]
    static let spanish = AppOptions(language: .es)

    /// The mini course beside RCM, back on the mini course's overview after its morning was
    /// called (present, late, absent) and everyone marked present in the afternoon: the
    /// overview's bars and the course list's rates have marks to draw. `BarSnapshotTests`'
    /// marks, in Spanish.
    static func marked(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let rcm = try String(contentsOfFile: Fixtures.coursesDirectory + "/rcm-migration-policies-2020.yaml", encoding: .utf8)
        let d = try AppDriver(
            courses: [Fixtures.miniCourseYAML, rcm], options: AppOptions(startCourse: "mini-2024", language: .es), size: size)
        d.press(.char("p"), .char("l"))
        d.type("09:20")
        d.press(.enter, .char("x"), .char("q"), .char("j"), .enter, .char("P"), .char("y"), .char("q"))
        return d
    }

    /// Palau's overview from the shipped courses, as `ScreenSnapshotTests.overview` opens it.
    static func palau(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try AppDriver.shipped(options: spanish, size: size)
        d.press(.char("j"), .enter)
        return d
    }

    @Test(arguments: sizes)
    func overview(name: String, size: Size) throws {
        let d = try Self.palau(size: size)
        d.checkSnapshot("overview-es-\(name)", asciiFree: ["─", "›"])
        #expect(d.screenText.contains("Día 1 mar 7 may"))
        #expect(d.screenText.contains("Palau MMC 2024 › Sesiones"))
    }

    @Test(arguments: sizes)
    func bars(name: String, size: Size) throws {
        let d = try Self.marked(size: size)
        d.checkSnapshot("overview-es-bars-\(name)", asciiFree: Glyphs.unicode.barLevels + ["─", "›"])
        #expect(d.screenText.contains("MARCAS"))
    }

    /// A session with marks is refused in Spanish; one without asks in Spanish.
    @Test func deletingASession() throws {
        let d = try Self.marked()
        d.press(.char("g"), .char("d"))
        #expect(
            d.state.message?.text.hasSuffix(
                "tiene asistencia registrada; el registro de asistencia solo admite añadidos, así que no puede eliminarse") == true)
        let empty = try Self.palau()
        empty.press(.char("d"))
        empty.checkSnapshot("overview-es-delete", asciiFree: ["─", "│"])
        #expect(empty.screenText.contains("¿Eliminar d1-am"))
    }

    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["Overview", "Sessions", "Keys", "App"])
        let d = try Self.marked()
        var screens = [d.screenText]
        d.press(.char("?"))
        screens.append(d.screenText)
        d.press(.escape, .char("g"), .char("d"))  // marked: the refusal
        screens.append(d.screenText)
        let palau = try Self.palau()
        screens.append(palau.screenText)
        palau.press(.char("d"))  // no marks: the question
        screens.append(palau.screenText)
        // RCM's sessions run over weeks: their times end on another day ("13:00–21 ago").
        let rcm = try Self.marked()
        rcm.press(.char("q"), .char("j"), .enter)
        screens.append(rcm.screenText)
        #expect(rcm.screenText.contains(" ago "))
        SpanishCheck.expectNoEnglish(english, on: screens)
    }
}
