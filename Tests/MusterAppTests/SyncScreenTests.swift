import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The sync screen's state and update: opened with `y` from the course list, the status and
/// conflicts it shows (sent by hand, as the store's sync arrives separately), export and import
/// through prompts with a masked passphrase, the import's preview to confirm, a conflict's
/// candidates to choose from, and errors as one line.
@Suite struct SyncScreenTests {
    static func loaded(conflicts: [SyncConflict] = [SyncTextTests.conflict()]) -> AppAction {
        .sync(.loaded(SyncLoad(status: SyncTextTests.status, conflicts: conflicts, zone: SyncTextTests.utc, today: "2024-05-07")))
    }

    func syncScreen(_ d: AppDriver) -> SyncState? {
        for screen in d.state.screens.screens.reversed() { if case .sync(let s) = screen { return s } }
        return nil
    }

    func syncOnTop(_ d: AppDriver) -> Bool {
        if case .sync = d.state.top { return true }
        return false
    }

    func openSync(size: Size = Size(width: 80, height: 24), conflicts: [SyncConflict] = [SyncTextTests.conflict()]) throws -> AppDriver {
        let d = try AppDriver(size: size)
        d.press(.char("y"))
        d.send(Self.loaded(conflicts: conflicts))
        return d
    }

    @Test func yOpensTheSyncScreenForTheSelectedCourse() throws {
        let d = try openSync()
        let s = try #require(syncScreen(d))
        #expect(s.courseCode == "mini-2024")
        #expect(s.conflicts.count == 1)
        #expect(d.screenText.contains("not here: 41–57 — other courses, or lost: ask kiosk-door"))
        #expect(d.screenText.contains("3f2a91c0"))
        #expect(
            MusterKeyMap.standard.command(for: .char("y"), in: [KeyContext.courses, KeyContext.list, KeyContext.global]) == Command.sync)
    }

    @Test func aStoreThatCannotSyncSaysSoOnOneLine() throws {
        let d = try AppDriver()
        d.press(.char("y"))
        d.send(.sync(.loadFailed("sync not built yet")))
        #expect(syncScreen(d)?.error == "sync not built yet")
        #expect(d.screenText.contains("sync not built yet"))
    }

    @Test func exportAsksThePathWithADefaultThenAMaskedPassphrase() throws {
        let d = try openSync()
        d.press(.char("e"))
        guard case .prompt(let p) = d.state.top else { Issue.record("a path prompt"); return }
        #expect(p.field.text == "~/muster-mini-2024-2024-05-07.bundle")
        #expect(p.onSubmit == .sync(.exportPath(all: false)))
        let dir = TemporaryDirectory("sync-screen")
        let path = dir.file("x.bundle")
        d.type(path)  // typed over the default
        d.press(.enter)
        guard case .prompt(let secret) = d.state.top else { Issue.record("a passphrase prompt"); return }
        #expect(secret.onSubmit == .sync(.exportPassphrase(path: path, all: false)))
        #expect(secret.field.mask != nil)
        d.type("s3cret")
        #expect(!d.screenText.contains("s3cret"))
        #expect(d.screenText.contains("******"))
        d.press(.enter)
        guard case .prompt(let again) = d.state.top else { Issue.record("the passphrase again"); return }
        #expect(again.onSubmit == .sync(.exportPassphraseAgain(path: path, all: false, first: "s3cret")))
        d.type("s3cret")
        d.press(.enter)
        // The store wrote the bundle, sealed with the passphrase, and says so on the status line.
        #expect(d.state.message?.isError == false, "\(String(describing: d.state.message))")
        #expect(FileManager.default.fileExists(atPath: path) && BundleFile.isEncrypted(path: path))
        #expect(syncOnTop(d))
    }

    @Test func twoDifferentPassphrasesWriteNothing() throws {
        let d = try openSync()
        d.press(.char("e"), .enter)
        d.type("one")
        d.press(.enter)
        d.type("two")
        d.press(.enter)
        #expect(d.state.message == StatusMessage("The two passphrases differ; nothing was written", isError: true))
        #expect(syncOnTop(d))
    }

    @Test func exportAllDefaultsToAnAllBundle() throws {
        let d = try openSync()
        d.press(.char("E"))
        guard case .prompt(let p) = d.state.top else { Issue.record("a path prompt"); return }
        #expect(p.field.text == "~/muster-all-2024-05-07.bundle")
        #expect(p.onSubmit == .sync(.exportPath(all: true)))
    }

    @Test func exportedSaysWhatWasWritten() throws {
        let d = try openSync()
        d.send(
            .sync(
                .exported(
                    SyncExportSummary(
                        path: "/tmp/x.bundle", bundleID: "b", courses: ["mini-2024"], records: 9, bytes: 900, ranges: [:], encrypted: false)
                )))
        #expect(d.state.message?.text == "wrote /tmp/x.bundle: 9 records (900 bytes) for mini-2024")
    }

    @Test func importPreviewsInTheCommandsWordsThenConfirms() throws {
        let d = try openSync()
        d.press(.char("i"))
        d.type("/tmp/b.bundle")
        d.press(.enter)
        guard case .prompt(let secret) = d.state.top else { Issue.record("a passphrase prompt"); return }
        #expect(secret.onSubmit == .sync(.importPassphrase(path: "/tmp/b.bundle")))
        d.press(.escape)
        let summary = SyncImportSummary(
            path: "/tmp/b.bundle", bundleID: "x", from: "kiosk-door", dryRun: true,
            added: [.init(course: "mini-2024", kind: "events", count: 2)], skipped: 3)
        d.send(.sync(.previewed(path: "/tmp/b.bundle", passphrase: "pw", [summary])))
        guard case .confirm(let confirm) = d.state.top else { Issue.record("the preview to confirm"); return }
        #expect(confirm.dialog.message.contains("mini-2024: 2 events"))
        #expect(confirm.dialog.message.contains("skipped: already had 3 records"))
        #expect(confirm.onYes == .sync(.importConfirmed(path: "/tmp/b.bundle", passphrase: "pw")))
        #expect(d.screenText.contains("mini-2024: 2 events"))
        d.press(.char("n"))
        #expect(syncScreen(d) != nil)
        #expect(syncOnTop(d))
    }

    @Test func aPreviewWithNothingNewIsSaidNotAsked() throws {
        let d = try openSync()
        let summary = SyncImportSummary(path: "/tmp/b.bundle", bundleID: "x", from: "kiosk-door", dryRun: true, alreadyImported: true)
        d.send(.sync(.previewed(path: "/tmp/b.bundle", passphrase: nil, [summary])))
        #expect(syncOnTop(d))
        #expect(d.state.message?.text == "/tmp/b.bundle (from kiosk-door): already imported, nothing to do")
    }

    @Test func enterOnAConflictListsItsValuesAndTheChoiceResolves() throws {
        let d = try openSync()
        d.press(.enter)
        guard case .menu(let menu) = d.state.top else { Issue.record("the candidates"); return }
        #expect(menu.purpose == .syncKeep(conflict: "3f2a91c0"))
        #expect(menu.items.map(\.id) == ["aaaa", "bbbb"])
        #expect(menu.selectedItem?.id == "bbbb")  // the value shown now
        #expect(d.screenText.contains("← shown now"))
        d.press(.up, .enter)
        // The store refuses today ("sync not built yet"): one line, the screen stays.
        #expect(d.state.message?.isError == true)
        #expect(syncOnTop(d))
        d.send(.sync(.resolved(SyncTextTests.conflict())))
        #expect(d.state.message?.text.hasPrefix("Kept “ana.b@example.org”") == true)
    }

    @Test func theFooterFitsAndTheKeysAreSound() {
        let map = MusterKeyMap.standard
        let contexts = [KeyContext.sync, KeyContext.list, KeyContext.global]
        #expect(map.footerHints(for: contexts, width: 80).displayWidth <= 80)
        #expect(map.command(for: .char("e"), in: contexts) == Command.syncExport)
        #expect(map.command(for: .char("i"), in: contexts) == Command.syncImport)
        #expect(map.command(for: .enter, in: contexts) == Command.syncKeep)
        #expect(map.conflicts().isEmpty)
    }
}
