import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The session list in Spanish (`--lang es`): every session of the shipped courses with their
/// kinds and modalities in Spanish, and no English text of its catalogue on its screens.
@Suite struct SessionsSpanishTests {
    func spanish(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try AppDriver.shipped(options: AppOptions(language: .es), size: size)
        d.press(.char("s"))
        return d
    }

    @Test(arguments: [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))])
    func sessionList(name: String, size: Size) throws {
        let d = try spanish(size: size)
        d.checkSnapshot("sessions-es-\(name)", asciiFree: ["›", "…"])
        #expect(d.screenText.contains("Muster › Sesiones"))
        #expect(d.screenText.contains("28 sesiones · 5 cursos"))
    }

    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["Sessions", "Keys", "App"])
        let d = try spanish()
        var screens = [d.screenText]
        d.press(.char("?"))
        screens.append(d.screenText)
        d.press(.escape, .char("G"))
        screens.append(d.screenText)
        let empty = try AppDriver(courses: [], options: AppOptions(language: .es))
        empty.press(.char("s"))
        screens.append(empty.screenText)
        #expect(empty.screenText.contains("Aún no hay sesiones en ningún curso"))
        SpanishCheck.expectNoEnglish(english, on: screens)
    }
}
