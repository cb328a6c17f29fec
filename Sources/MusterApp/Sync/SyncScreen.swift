import CourseKit
import Foundation
import TerminalUI

/// The sync screen's keys: `e` exports the course chosen on the course list, `E` every course,
/// `i` imports (path, passphrase, then the dry run's preview to confirm), Enter on a conflict
/// chooses the value to keep; the live keys (`s`, `w`, `r`) are `SyncLiveScreen.swift`'s. Each step is a prompt, a dialog or a menu over this screen that
/// posts its answer back here (`perform`, `menuChosen`).
extension SyncState: TableScreen {
    var screen: Screen { .sync(self) }
    var keyContexts: [String] { [KeyContext.sync, KeyContext.list, KeyContext.global] }

    func tableArea(body: Rect) -> Rect { SyncView.tableRect(self, body: body) }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        if let effects = liveCommand(id, &context) { return effects }
        switch id {
        case Command.syncExport, Command.syncExportAll:
            let all = id == Command.syncExportAll || courseCode == nil
            let what = all ? "every course" : courseCode ?? ""
            context.push(
                Self.prompt(
                    title: "Export \(what)", message: "Write the bundle to:", text: defaultPath(all: all),
                    step: .exportPath(all: all)))
        case Command.syncImport:
            context.push(Self.prompt(title: "Import a bundle", message: "The bundle's path:", text: "", step: .importPath))
        case Command.syncKeep:
            guard let conflict = selectedConflict else { return [.bell] }
            var menu = MenuState(
                title: "Keep which value?", prompt: "\(conflict.label), \(conflict.field)",
                items: conflict.candidates.map { c in
                    MenuItem(
                        id: c.origin, label: "“\(c.value.description)”\(c.isWinner ? " ← shown now" : "")",
                        detail: "\(c.originLabel) \(SyncText.time(c.at, in: zone))")
                },
                purpose: .syncKeep(conflict: conflict.id))
            if let winner = conflict.candidates.firstIndex(where: \.isWinner) { menu.table.select(winner) }
            context.push(menu)
        default:
            break
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        let loaders = context.loaders
        switch action {
        case .sync(let result):
            return receive(result, &context)
        case .perform(.sync(let step), let text):
            switch step {
            case .exportPath(let all):
                let path = Self.expand(text)
                guard !path.isEmpty else { return context.fail("Type the path to write the bundle to") }
                context.push(Self.passphrasePrompt(title: "Export", step: .exportPassphrase(path: path, all: all), encrypting: true))
            case .exportPassphrase(let path, let all) where !text.isEmpty:
                var again = Self.passphrasePrompt(
                    title: "Export", step: .exportPassphraseAgain(path: path, all: all, first: text), encrypting: true)
                again.message = "The passphrase again, to be sure"
                context.push(again)
            case .exportPassphrase(let path, let all):
                context.note("Exporting…")
                return [.run { [courseCode] in loaders.syncExport(path: path, course: courseCode, all: all, passphrase: nil) }]
            case .exportPassphraseAgain(let path, let all, let first):
                guard text == first else { return context.fail("The two passphrases differ; nothing was written") }
                context.note("Exporting…")
                return [.run { [courseCode] in loaders.syncExport(path: path, course: courseCode, all: all, passphrase: first) }]
            case .importPath:
                let path = Self.expand(text)
                guard !path.isEmpty else { return context.fail("Type the path of the bundle to import") }
                context.push(Self.passphrasePrompt(title: "Import", step: .importPassphrase(path: path), encrypting: false))
            case .importPassphrase(let path):
                let secret = text.isEmpty ? nil : text
                context.note("Reading \((path as NSString).lastPathComponent)…")
                return [.run { loaders.syncImport(path: path, passphrase: secret, dryRun: true) }]
            case .importConfirmed(let path, let secret):
                context.note("Importing…")
                return [.run { loaders.syncImport(path: path, passphrase: secret, dryRun: false) }]
            case .exchangeWith, .rename:
                return livePerform(step, text: text, &context)
            }
            return []
        case .menuChosen(.syncKeep(let conflict), let item):
            return [.run { loaders.syncResolve(conflict: conflict, keep: item.id) }]
        default:
            return nil
        }
    }

    private mutating func receive(_ result: SyncResult, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        switch result {
        case .loaded(let data):
            load(data)
            return []
        case .loadFailed(let message):
            error = message
            loaded = true
            return []
        case .failed(let message):
            return context.fail(message)
        case .exported(let summary):
            return context.say(SyncText.exportLine(summary), fadingAfter: 8000) + load(context)
        case .previewed(let path, let secret, let summaries):
            let lines = summaries.flatMap { SyncText.importLines($0) }
            if summaries.allSatisfy(\.alreadyImported) || summaries.allSatisfy({ $0.addedTotal == 0 && $0.refused.isEmpty }) {
                return context.say(lines.first ?? "Nothing to import", fadingAfter: 8000)
            }
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: "Import \((path as NSString).lastPathComponent)?",
                        message: lines.filter { !$0.hasSuffix("(dry run: nothing written)") }.joined(separator: "\n"), yes: "Import",
                        no: "Cancel", destructive: false),
                    onYes: .sync(.importConfirmed(path: path, passphrase: secret))))
            context.note("Nothing written yet")
            return []
        case .imported(let summaries):
            let added = summaries.reduce(0) { $0 + $1.addedTotal }
            let conflicts = summaries.reduce(0) { $0 + $1.newConflicts.count }
            let text =
                "Imported \(SyncText.count(added, "records"))"
                + (conflicts == 0 ? "" : "; \(conflicts) new conflict\(conflicts == 1 ? "" : "s") below")
            return context.say(text, fadingAfter: 8000) + load(context)
        case .live(let status, let peers):
            return receiveLive(status, peers: peers, &context)
        case .renamed(let label):
            return context.say("This device is now called \(label)") + load(context)
        case .resolved(let conflict):
            return context.say(SyncText.resolvedLine(conflict).prefix(1).uppercased() + SyncText.resolvedLine(conflict).dropFirst())
                + load(context)
        }
    }

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [.run { [loaders = context.loaders] in loaders.syncStatus() }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        SyncView.render(self, into: &buffer, body: body, theme: theme)
    }

    static func prompt(title: String, message: String, text: String, step: SyncStep) -> PromptState {
        PromptState(
            title: title, message: message, field: TextField(text: text, maxLength: 1024), onSubmit: .sync(step),
            replacesDefault: !text.isEmpty)
    }

    /// A masked field: the passphrase is never drawn, not even its first letters.
    static func passphrasePrompt(title: String, step: SyncStep, encrypting: Bool) -> PromptState {
        PromptState(
            title: "\(title): passphrase",
            message: encrypting ? "Passphrase to encrypt with (Enter: none)" : "Passphrase, if it was encrypted (Enter: none)",
            field: TextField(maxLength: 256, mask: "*"), onSubmit: .sync(step))
    }
}
