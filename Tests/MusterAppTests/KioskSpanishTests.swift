import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The kiosk in Spanish: its screens at 80×24, the one key that switches language, and every
/// word on them taken from the Spanish catalogue.
@Suite struct KioskSpanishTests {
    func spanish(walkIns: Bool = false) throws -> KioskDriver {
        let k = try KioskDriver(walkIns: walkIns)
        k.press(KioskProgram.languageKey)
        #expect(k.state.language == .es)
        return k
    }

    @Test func welcomeConfirmAndSuccessIn80x24() throws {
        let k = try spanish()
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-es-welcome")
        k.type("jose nu")
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-es-matches")
        k.press(.enter)
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-es-confirm")
        k.press(.enter)
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-es-success")
    }

    @Test func notListedWalkInAndPINInSpanish() throws {
        let k = try spanish(walkIns: true)
        k.type("zzzq")
        k.press(.enter)
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-es-not-listed")
        k.press(.enter)
        assertSnapshot(SnapshotText.render(k.frame()), named: "kiosk-es-walk-in")
        k.press(.escape, .escape, .function(10))
        k.type("1")
        assertSnapshot(SnapshotText.render(k.frame(theme: Theme.color.asciiVariant())), named: "kiosk-es-pin-ascii")
    }

    /// The longest hint, a quarter longer in Spanish, goes on two lines instead of losing its end.
    @Test func aLongHintWrapsInsteadOfLosingItsEnd() throws {
        let k = try spanish()
        k.type("zzzq")
        let text = SnapshotText.render(k.frame())
        #expect(text.contains("Sin coincidencias: revise cómo lo escribió, o pulse Enter si no está en"))
        #expect(text.contains("|                                    la lista   ") && !text.contains("…"))
    }

    @Test func theLanguageKeyGoesRoundAndIsNamedInTheLanguageItGoesTo() throws {
        let k = try KioskDriver()
        #expect(SnapshotText.render(k.frame()).contains("F2: Español"))
        k.press(KioskProgram.languageKey)
        let text = SnapshotText.render(k.frame())
        #expect(text.contains("F2: English") && text.contains("Le damos la bienvenida"))
        #expect(text.contains("Día 1"))
        k.press(KioskProgram.languageKey)
        #expect(k.state.language == .en)
        // Typing a name is not interrupted by the key's line, and F2 never types.
        k.type("jos")
        k.press(KioskProgram.languageKey)
        #expect(k.state.query.text == "jos" && k.state.language == .es)
    }

    /// Every catalogue value of the kiosk table that is whole English text must never be on a
    /// Spanish screen: a line still in English bypassed the catalogue.
    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = Words(.en).entries(table: "Kiosk").filter { !$0.value.contains("%") && $0.value.count > 8 }
        #expect(english.count > 20)
        let k = try spanish(walkIns: true)
        var screens = [SnapshotText.render(k.frame())]
        k.type("jo")
        screens.append(SnapshotText.render(k.frame()))
        k.type("se nu")
        screens.append(SnapshotText.render(k.frame()))
        k.press(.enter)
        screens.append(SnapshotText.render(k.frame()))
        k.press(.escape)
        k.press(.ctrl("u"))
        k.type("zzzq")
        k.press(.enter)
        screens.append(SnapshotText.render(k.frame()))
        k.press(.enter)
        screens.append(SnapshotText.render(k.frame()))
        for screen in screens {
            for (key, value) in english {
                #expect(!screen.contains(value), "\(key) in English on a Spanish screen:\n\(screen)")
            }
        }
    }
}
