import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The roll call in Spanish (`--lang es`): its snapshots at 80×24 and the minimum size, in
/// colour and monochrome, its messages, and no English text of its catalogues on its screens.
@Suite struct RollCallSpanishTests {
    /// The same marks as `ScreenSnapshotTests.rollCallDriver`, in Spanish.
    func spanish(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024", language: .es), size: size)
        d.press(.char("p"), .char("l"))
        d.type("09:20")
        d.press(.enter, .char("k"), .char("d"))
        d.type("11:30")
        d.press(.enter)
        return d
    }

    @Test(arguments: [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))])
    func rollCall(name: String, size: Size) throws {
        let d = try spanish(size: size)
        d.checkSnapshot("rollcall-es-\(name)", asciiFree: ["│", "─", "✓", "✗"])
        #expect(d.screenText.contains(size.width == 80 ? "Pase de lista" : "marcadas"))
    }

    @Test func helpAndFilterMenu() throws {
        let d = try spanish()
        d.press(.char("?"))
        d.checkSnapshot("rollcall-es-help", asciiFree: ["│", "─"])
        d.press(.escape, .char("f"))
        d.checkSnapshot("rollcall-es-filter", asciiFree: ["│", "─"])
    }

    @Test func confirmAndTimePrompt() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024", language: .es))
        d.press(.char("P"))
        d.checkSnapshot("rollcall-es-confirm", asciiFree: ["│", "─"])
        d.press(.escape, .char("l"), .char("9"), .enter)
        d.checkSnapshot("rollcall-es-late-prompt", asciiFree: ["│", "─"])
    }

    @Test func messagesAreSpanish() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024", language: .es))
        d.press(.char("p"))
        #expect(d.state.message?.text.hasSuffix(": presente") == true)
        d.press(.char("P"), .char("y"))
        #expect(d.state.message?.text == "2 marcadas como presentes")
        d.press(.char("u"))
        #expect(d.state.message?.text == "Se deshicieron 2 marcas")
        d.press(.char("f"), .char("u"))
        #expect(d.state.message?.text == "Solo se muestra «sin marca»: Esc muestra a todas las personas")
    }

    /// Every English value of the roll call's, the key table's and the shared dialogs' catalogues that Spanish says
    /// otherwise must never be on a Spanish roll call, its dialogs, help or filter menu: one
    /// there bypassed the catalogue. A format's longest literal piece stands for it.
    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["RollCall", "Keys", "App"])
        #expect(english.count > 100)
        let d = try spanish()
        var screens = [d.screenText]
        for keys in [[Key.char("?")], [.escape, .char("f")], [.escape, .char("l")], [.escape, .char("e")], [.escape, .char("P")]] {
            for key in keys { d.press(key) }
            screens.append(d.screenText)
        }
        d.press(.escape, .char("l"), .char("9"), .enter)  // "9" is not a time: the prompt says so
        screens.append(d.screenText)
        d.press(.escape, .char("/"))
        d.type("zz")
        screens.append(d.screenText)
        SpanishCheck.expectNoEnglish(english, on: screens)
    }
}
