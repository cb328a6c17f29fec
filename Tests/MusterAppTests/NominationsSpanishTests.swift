import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The nominations and quotas screen in Spanish, on the RCM course (`--lang es`).
@Suite struct NominationsSpanishTests {
    func spanish(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let yaml = try String(contentsOfFile: Fixtures.coursesDirectory + "/rcm-migration-policies-2020.yaml", encoding: .utf8)
        let d = try AppDriver(courses: [yaml], options: AppOptions(language: .es), size: size)
        d.press(.enter, .char("n"), .char("j"))
        return d
    }

    @Test(arguments: [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))])
    func nominations(name: String, size: Size) throws {
        let d = try spanish(size: size)
        d.checkSnapshot("nominations-es-\(name)", asciiFree: ["│", "─", "✓", "█"])
        #expect(d.screenText.contains("confirmadas"))
    }

    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["Nominations", "Keys", "App"])
        let d = try spanish()
        var screens = [d.screenText]
        d.press(.char("?"))
        screens.append(d.screenText)
        d.press(.escape, .char("d"))  // IND has no quota of its own: the complaint
        screens.append(d.screenText)
        d.press(.char("k"), .char("d"))  // Belize's quota: the confirmation
        screens.append(d.screenText)
        d.press(.escape, .char("E"))  // a country line: the note (an agency's form is not Spanish yet)
        screens.append(d.screenText)
        SpanishCheck.expectNoEnglish(english, on: screens)
    }
}
