import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The roster and the attendance matrix in Spanish (`--lang es`) on the RCM course and the
/// mini course: snapshots at 80×24 and the minimum size (colour, monochrome and ASCII through
/// `checkSnapshot`), the filter, status and substitute menus, the search line, the messages,
/// and no English text of their catalogues on any of them.
@Suite struct RosterSpanishTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]
    static let glyphs = ["│", "─", "✓", "✗", "▲", "▼", "›"]

    /// The RCM roster filtered to Guatemala, as the English snapshot but without its
    /// confirmation: a change's summary is the library's record, still English (LANGUAGES.md).
    func guatemala(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try AppDriver.rcm(size: size, language: .es)
        d.press(.char("r"), .char("f"), .char("c"))
        d.type("guat")
        d.press(.down, .enter)
        return d
    }

    /// The mini course's matrix with a late arrival who left early and an excused absence.
    func matrix(size: Size) throws -> AppDriver {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024", language: .es), size: size)
        d.press(.char("p"), .char("l"), .enter, .char("x"), .char("k"), .char("d"))
        d.type("10:30")
        d.press(.enter, .char("q"), .char("j"), .enter, .char("e"))
        d.type("oficina de visas")
        d.press(.enter, .char("q"), .char("m"))
        return d
    }

    @Test(arguments: sizes)
    func roster(name: String, size: Size) throws {
        let d = try guatemala(size: size)
        d.checkSnapshot("roster-es-\(name)", asciiFree: Self.glyphs)
        #expect(d.screenText.contains("Guatemala 4/5"))
        #expect(d.screenText.contains("nominada"))
        #expect(d.screenText.contains(size.width == 80 ? "INST." : "ASIS"))
    }

    @Test(arguments: sizes)
    func attendanceMatrix(name: String, size: Size) throws {
        let d = try matrix(size: size)
        d.checkSnapshot("matrix-es-\(name)", asciiFree: Self.glyphs)
        // The roll call's Spanish letters: R for a late arrival (con retraso), J excused.
        #expect(d.screenText.contains("R½"))
        #expect(d.screenText.contains("asisten"))
    }

    @Test func menusAndSearch() throws {
        let d = try AppDriver.rcm(language: .es)
        d.press(.char("r"), .char("f"))
        d.checkSnapshot("roster-es-filter-menu", asciiFree: Self.glyphs)
        d.press(.char("c"))
        #expect(d.screenText.contains("Mostrar solo"))
        d.press(.escape, .char("t"))
        d.checkSnapshot("roster-es-status-menu", asciiFree: Self.glyphs)
        d.press(.char("s"))
        d.type("pena")
        #expect(d.screenText.contains("¿Quién reemplaza a"))
        d.press(.escape, .escape, .char("/"))
        d.type("zz")
        d.checkSnapshot("roster-es-search", asciiFree: Self.glyphs)
    }

    @Test func messagesAreSpanish() throws {
        let d = try guatemala()
        d.press(.char("s"))
        #expect(d.state.message?.text == "Ordenado por código")
        d.press(.char("S"))
        #expect(d.state.message?.text == "Ordenado por código, inverso")
        d.press(.escape)
        #expect(d.state.message?.text == "Se muestran todas las personas")
        d.press(.char("n"))
        #expect(d.state.message?.text == "Aún no ha buscado: pulse / para buscar un nombre")
    }

    /// Every English value of the roster's, the key table's and the shared dialogs' catalogues
    /// that Spanish says otherwise must never be on a Spanish roster, matrix, menu or dialog:
    /// one there bypassed the catalogue.
    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["Roster", "Keys", "App", "Terms"])
        #expect(english.count > 100)
        let d = try guatemala()
        var screens = [d.screenText]
        for keys in [[Key.char("?")], [.escape, .char("f")], [.char("t")], [.escape, .escape, .char("t")], [.char("s")]] {
            for key in keys { d.press(key) }
            screens.append(d.screenText)
        }
        d.press(.escape, .escape, .char("d"))  // remove from the roster: the confirmation
        screens.append(d.screenText)
        d.press(.escape, .char("m"))
        screens.append(d.screenText)
        screens.append(try matrix(size: Size(width: 80, height: 24)).screenText)
        SpanishCheck.expectNoEnglish(english, on: screens)
    }
}
