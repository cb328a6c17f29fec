import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Marks from a paper sign-in sheet in Spanish (`--lang es`): the panel asking which sheet,
/// empty, with typed rows and with a refusal, at 80×24 and the minimum 60×16 (colour,
/// monochrome and ASCII through `checkSnapshot`); the log and messages in the roll call's words
/// and letters (R con retraso, J ausencia justificada); no English text of its catalogues on
/// any of its states. The letters typed stay p, x, l, e in every language.
@Suite struct SheetEntrySpanishTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]
    static let glyphs = ["│", "─", "┌", "┐", "└", "┘", "✓", "✗", "↶"]

    /// The mini course's roll call in Spanish; its sheet: 1 T-003, 2 T-001, 3 T-004, 4 T-002.
    func rollCall(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        try AppDriver(options: AppOptions(startCourse: "mini-2024", language: .es), size: size)
    }

    /// The panel on today's sheet, ready for rows.
    func entry(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try rollCall(size: size)
        d.press(.char("#"), .enter)
        return d
    }

    func enter(_ d: AppDriver, _ line: String) {
        d.type(line)
        d.press(.enter)
    }

    var problem: (AppDriver) -> String? {
        { d in if case .sheetEntry(let e) = d.state.top { e.problem } else { nil } }
    }

    @Test(arguments: sizes)
    func whichSheet(name: String, size: Size) throws {
        let d = try rollCall(size: size)
        d.press(.char("x"), .char("#"))
        d.checkSnapshot("sheet-entry-es-which-sheet-\(name)", asciiFree: Self.glyphs)
        #expect(d.screenText.contains("Enter: hoja"))
    }

    @Test(arguments: sizes)
    func empty(name: String, size: Size) throws {
        let d = try entry(size: size)
        d.checkSnapshot("sheet-entry-es-empty-\(name)", asciiFree: Self.glyphs)
        #expect(d.screenText.contains("Marcas desde la hoja de firmas"))
    }

    /// The same rows as the English snapshot: a mark over an absent, an absent, the facilitator,
    /// and a late arrival echoed before Enter keeps it.
    @Test(arguments: sizes)
    func typedRows(name: String, size: Size) throws {
        let d = try rollCall(size: size)
        d.press(.char("x"), .char("#"), .enter)
        for line in ["1p", "2 x", "3p", "2 e"] { enter(d, line) }
        d.type("4 l")
        d.checkSnapshot("sheet-entry-es-\(name)", asciiFree: Self.glyphs)
        // The roll call's letter J for an excused mark; at 60 columns the log's text is cut.
        #expect(d.screenText.contains("J    ausencia justificada"))
        #expect(d.screenText.contains("4 李小龍 (T-002): ¿con retraso"))
    }

    @Test(arguments: sizes)
    func refusal(name: String, size: Size) throws {
        let d = try entry(size: size)
        enter(d, "42 p")
        d.checkSnapshot("sheet-entry-es-refusal-\(name)", asciiFree: Self.glyphs)
        #expect(problem(d)?.hasPrefix("La fila 42 no tiene un nombre impreso (los nombres van de la fila 1 a la 4)") == true)
    }

    @Test func logAndMessagesAreSpanish() throws {
        let d = try entry()
        enter(d, "2 l 09:20 autobús")
        guard case .sheetEntry(let e) = d.state.top else { Issue.record("the panel stays"); return }
        #expect(e.log.last?.text == "con retraso, llegó a las 09:20")
        enter(d, "u")
        guard case .sheetEntry(let after) = d.state.top else { Issue.record("the panel stays"); return }
        #expect(after.log.last?.text == "deshecha; ahora sin marca")
        enter(d, "t-00 p")
        #expect(problem(d) == "«t-00» podría ser 4 personas: T-001, T-002, T-003, T-004; escriba más del código")
        d.press(.ctrl("u"))
        enter(d, "1 p")
        enter(d, "4 x")
        d.press(.escape)
        // The late mark undone still counts as entered from the sheet, as in English.
        #expect(d.state.message?.text == "Se registraron 3 marcas de la hoja; u deshace la última")
    }

    /// Every English value of the sheet entry's, the roll call's, the terms', the key table's and
    /// the shared dialogs' catalogues that Spanish says otherwise must never be on the Spanish
    /// panel: which sheet, an old sheet, every refusal, the previews before Enter, the log, and
    /// the roll call's help that explains `#`.
    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["SheetEntry", "RollCall", "Terms", "Keys", "App"])
        #expect(english.count > 100)
        var screens: [String] = []
        let help = try rollCall()
        help.press(.char("?"))
        screens.append(help.screenText)
        let old = try rollCall()
        old.press(.char("#"), .ctrl("u"))
        old.type("zz99")
        screens.append(old.screenText)
        old.press(.enter)
        screens.append(old.screenText)  // an old sheet: the notice
        enter(old, "1 p")
        screens.append(old.screenText)  // its row numbers refused

        let d = try entry()
        screens.append(d.screenText)
        // Each refusal, on Enter; then each preview, before it.
        for line in ["19 q", "19", "+ Ana", "+ p", "+ Ana Maria, Narnia p", "42 p", "x-9 p", "t-00 p", "u"] {
            enter(d, line)
            screens.append(d.screenText)
            d.press(.ctrl("u"))
        }
        for line in ["+ Ana Maria, Palau p", "2 l", "2 l 09:20 autobús", "3 e reunión", "u"] {
            d.type(line)
            screens.append(d.screenText)
            d.press(.ctrl("u"))
        }
        for line in ["1p", "2 x", "2 p", "+ Ana Maria, Palau l"] { enter(d, line) }
        d.type("1 x")  // "(ahora presente)"
        screens.append(d.screenText)
        d.press(.ctrl("u"))
        enter(d, "u")
        screens.append(d.screenText)
        SpanishCheck.expectNoEnglish(english, on: screens)
    }
}
