import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The sync screen in Spanish (`--lang es`): the status, the conflicts, live sync serving and
/// exchanging, and every prompt and dialog of export, import, exchange and rename. What came
/// from a library or from another device (labels, values, the transport's own lines) is shown
/// as it is.
@Suite struct SyncSpanishTests {
    static let spanish = AppOptions(language: .es)

    func openSync(size: Size = Size(width: 80, height: 24)) throws -> AppDriver {
        let d = try AppDriver(options: Self.spanish, size: size)
        d.press(.char("y"))
        d.send(SyncLiveSnapshotTests.loaded(label: "Laptop José Ñúñez"))
        return d
    }

    @Test(arguments: SyncSnapshotTests.sizes)
    func syncScreen(name: String, size: Size) throws {
        let d = try openSync(size: size)
        d.send(.sync(.live(SyncLiveSnapshotTests.busy, peers: SyncLiveSnapshotTests.peers)))
        d.checkSnapshot("sync-es-\(name)", asciiFree: ["│", "─", "✓", "✗", "›"])
        #expect(d.screenText.contains("Muster › Sincronización"))
        #expect(d.screenText.contains("Servidor"))
        #expect(d.screenText.contains("K7QF-M2XD-9PTA"))
    }

    @Test func theStatusAndItsWarningsAreSpanish() throws {
        let d = try openSync()
        let text = d.screenText
        #expect(text.contains("no están aquí: 41–57 — otros cursos, o perdidos: pídalos a kiosk-door"))
        #expect(text.contains("CONFLICTO"))
        #expect(text.contains("apagado · s sirve esta biblioteca a los dispositivos emparejados"))
    }

    /// Every prompt and dialog of the screen, and its messages, with no English of the catalogue.
    @Test func noEnglishCatalogueTextOnSpanishScreens() throws {
        let english = SpanishCheck.englishText(of: ["Sync", "Keys", "App"])
        var screens: [String] = []
        let d = try openSync()
        screens.append(d.screenText)
        d.send(.sync(.live(SyncLiveSnapshotTests.failing, peers: [])))
        screens.append(d.screenText)
        d.press(.char("?"))
        screens.append(d.screenText)
        d.press(.escape)
        for key: Character in ["e", "E", "i", "w", "r"] {
            let each = try openSync()
            each.press(.char(key))
            screens.append(each.screenText)
            each.press(.ctrl("u"), .enter)  // an empty answer: the refusal
            screens.append(each.screenText)
        }
        let exporting = try openSync()
        exporting.press(.char("e"), .enter)
        screens.append(exporting.screenText)  // the passphrase
        exporting.type("uno")
        exporting.press(.enter)
        screens.append(exporting.screenText)  // the passphrase again
        exporting.type("dos")
        exporting.press(.enter)
        screens.append(exporting.screenText)  // they differ
        #expect(exporting.screenText.contains("Las dos frases de contraseña no coinciden"))
        let conflict = try openSync()
        conflict.press(.enter)
        screens.append(conflict.screenText)
        #expect(conflict.screenText.contains("¿Qué valor conservar?"))
        let preview = try openSync()
        let summary = SyncImportSummary(
            path: "/media/usb/b.bundle", bundleID: "x", from: "kiosk-door", dryRun: true,
            added: [.init(course: "mini-2024", kind: "events", count: 2)], skipped: 40, newConflicts: [SyncTextTests.conflict()])
        preview.send(.sync(.previewed(path: "/media/usb/b.bundle", passphrase: nil, [summary])))
        screens.append(preview.screenText)
        #expect(preview.screenText.contains("¿Importar b.bundle?"))
        #expect(!preview.screenText.contains("simulación"), "the dry run's own line is left out of the question")
        // Commands are typed as they are in every language ("muster sync conflicts"), and a
        // conflict's label is the library's ("person PW-001 Ana Tellei": docs/LANGUAGES.md, Not yet),
        // and "connection refused" is the system's own words in the failing exchange's fixture.
        let library = ["muster sync conflicts", "muster sync resolve", "person PW-001", "connection refused"]
        SpanishCheck.expectNoEnglish(
            english, on: screens.map { screen in library.reduce(screen) { $0.replacingOccurrences(of: $1, with: "") } })
    }
}
