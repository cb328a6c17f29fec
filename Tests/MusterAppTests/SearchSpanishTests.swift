import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The search everywhere in Spanish (`--lang es`): its snapshots at 80×24 and the minimum
/// size, in colour and monochrome, and no English text of its catalogues on its screens.
@Suite struct SearchSpanishTests {
    /// "n" on the mini course: José Núñez and Nguyễn Văn A.
    func spanish(_ text: String = "n", size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try AppDriver(options: AppOptions(language: .es), size: size)
        d.press(.char("/"))
        d.type(text)
        return d
    }

    @Test(arguments: [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))])
    func search(name: String, size: Size) throws {
        let d = try spanish(size: size)
        d.checkSnapshot("search-es-\(name)", asciiFree: ["│", "─"])
        let text = d.screenText
        #expect(text.contains("Buscar:") && text.contains("Núñez, José") && text.contains("A, Nguyễn Văn"))
        #expect(text.contains("2 encontradas") && text.contains("INSTITUCIÓN"))
    }

    @Test(arguments: [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))])
    func beforeTyping(name: String, size: Size) throws {
        let d = try spanish("", size: size)
        d.checkSnapshot("search-es-empty-\(name)", asciiFree: ["│", "─"])
        #expect(d.screenText.contains("parte de un nombre, o un código"))
    }

    /// Every English value of the search's, the key table's and the shared dialogs' catalogues
    /// that Spanish says otherwise must never be on the Spanish search: before typing, with
    /// one person found, with several, and with nobody.
    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["Search", "Keys", "App"])
        let d = try spanish("")
        var screens = [d.screenText]
        for text in ["nu", "nez", "zz"] {
            d.type(text)
            screens.append(d.screenText)
        }
        #expect(screens[2].contains("1 encontrada") && screens[3].contains("Nadie en la biblioteca coincide con «nunezzz»"))
        SpanishCheck.expectNoEnglish(english, on: screens)
    }
}
