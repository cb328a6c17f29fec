import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The roster import dialog in Spanish (`--lang es`): the path asked for, the preview and a
/// failed file at 80×24 and the minimum 60×16 (colour, monochrome and ASCII through
/// `checkSnapshot`), its messages in the command line's words, and no English text of its
/// catalogues on any of its states, a row's reason ("sin nombre") and a matched person's changes
/// ("teléfono añadido") included.
@Suite struct ImportSpanishTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]
    static let glyphs = ["│", "─", "┌", "┐", "└", "┘", "✓", "✗"]

    /// The import dialog over the mini course's overview, in Spanish.
    func dialog(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try AppDriver(options: AppOptions(language: .es), size: size)
        d.press(.enter, .char("i"))
        return d
    }

    /// The same file as the English preview's snapshot.
    func preview(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try dialog(size: size)
        d.type(ImportAndSheetSnapshotTests.path)
        d.press(.enter)
        return d
    }

    @Test(arguments: sizes)
    func importPreview(name: String, size: Size) throws {
        let d = try preview(size: size)
        d.press(.char("j"))
        d.checkSnapshot("import-preview-es-\(name)", asciiFree: Self.glyphs)
        let text = d.screenText
        #expect(text.contains("Importar una lista a Mini Course"))
        // At 60 columns the zeros leave the counts line first, so the rejected row still shows.
        #expect(text.contains("nuevas 2 · reconocidas 1 · actualizadas 1 · rechazadas 1"))
        if size.width == 80 {
            #expect(text.contains("lista genérica (UTF-8, separado por comas), 4 filas"))
            #expect(text.contains("línea 2: T-001 José Núñez (por correo electrónico): teléfono"))
            #expect(text.contains("línea 5: sin nombre"))
        }
        #expect(text.contains("Enter importa 3 filas y deja fuera las rechazadas (1)"))
    }

    @Test(arguments: sizes)
    func importAskingForThePath(name: String, size: Size) throws {
        let d = try dialog(size: size)
        d.checkSnapshot("import-path-es-\(name)", asciiFree: Self.glyphs)
        #expect(d.screenText.contains("automático (según el encabezado) · Tab lo cambia"))
    }

    @Test func messagesAreSpanish() throws {
        let d = try dialog()
        d.press(.enter)
        guard case .importRoster(let s) = d.state.top else { Issue.record("the dialog stays"); return }
        #expect(s.error == "Escriba la ruta del archivo que desea importar")
        d.press(.escape)
        #expect(d.state.message?.text == "Importación cancelada")
        d.press(.char("i"))
        d.type(ImportAndSheetSnapshotTests.path)
        d.press(.enter, .escape)
        #expect(d.state.message?.text == "Importación cancelada; no se escribió nada")
        d.press(.char("i"))
        d.type(ImportAndSheetSnapshotTests.path)
        d.press(.enter, .enter)
        #expect(
            d.state.message?.text
                == "Se importó roster.csv: nuevas 2 · reconocidas por correo electrónico 1 · rechazadas 1 · omitidas 0 = 4 filas; actualizadas 1"
        )
    }

    /// Every English value of the import's, the key table's and the shared dialogs' catalogues
    /// that Spanish says otherwise must never be on the Spanish dialog: asking for the path,
    /// reading it, the preview, the import under way, a file that cannot be read.
    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["Import", "Keys", "App"])
        #expect(english.count > 100)
        var screens: [String] = []
        let d = try dialog()
        screens.append(d.screenText)
        d.press(.enter)  // no path
        screens.append(d.screenText)
        d.press(.tab)  // a format chosen by hand
        screens.append(d.screenText)
        d.press(.backTab)
        d.type("/tmp/muster-snapshots/no/such/folder/nowhere.csv")
        d.press(.enter)  // the failed import
        screens.append(d.screenText)
        let p = try preview()
        screens.append(p.screenText)
        guard case .importRoster(var s) = p.state.top, let shown = s.preview else { Issue.record("a preview"); return }
        var state = p.state
        s.phase = .importing(shown)
        state.screens.top = .importRoster(s)
        p.state = state
        screens.append(p.screenText)
        // The file's own name ("roster.csv") is the user's, not a text of the catalogue.
        SpanishCheck.expectNoEnglish(english, on: screens.map { $0.replacingOccurrences(of: "roster.csv", with: "lista.csv") })
    }
}
