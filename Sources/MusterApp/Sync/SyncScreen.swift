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
        let words = context.words
        switch id {
        case Command.syncExport, Command.syncExportAll:
            let all = id == Command.syncExportAll || courseCode == nil
            let title = all ? words.sync("screen.export.all") : words.sync("screen.export.course", courseCode ?? "")
            context.push(
                Self.prompt(
                    title: title, message: words.sync("screen.export.path"), text: defaultPath(all: all),
                    step: .exportPath(all: all)))
        case Command.syncImport:
            context.push(
                Self.prompt(
                    title: words.sync("screen.import.title"), message: words.sync("screen.import.path"), text: "", step: .importPath))
        case Command.syncKeep:
            guard let conflict = selectedConflict else { return [.bell] }
            var menu = MenuState(
                title: words.sync("screen.keep.title"),
                prompt: "\(conflict.label(in: words.language)), \(conflict.fieldLabel(in: words.language))",
                items: conflict.candidates.map { c in
                    MenuItem(
                        id: c.origin, label: "“\(c.value.description)”\(c.isWinner ? words.sync("conflict.shownNow") : "")",
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
        let loaders = context.loaders, words = context.words
        switch action {
        case .sync(let result):
            return receive(result, &context)
        case .perform(.sync(let step), let text):
            switch step {
            case .exportPath(let all):
                let path = Self.expand(text)
                guard !path.isEmpty else { return context.fail(words.sync("screen.export.noPath")) }
                context.push(
                    Self.passphrasePrompt(
                        title: words.sync("screen.export"), step: .exportPassphrase(path: path, all: all), encrypting: true, words))
            case .exportPassphrase(let path, let all) where !text.isEmpty:
                var again = Self.passphrasePrompt(
                    title: words.sync("screen.export"), step: .exportPassphraseAgain(path: path, all: all, first: text), encrypting: true,
                    words)
                again.message = words.sync("screen.passphrase.again")
                context.push(again)
            case .exportPassphrase(let path, let all):
                context.note(words.sync("screen.exporting"))
                return [.run { [courseCode] in loaders.syncExport(path: path, course: courseCode, all: all, passphrase: nil) }]
            case .exportPassphraseAgain(let path, let all, let first):
                guard text == first else { return context.fail(words.sync("screen.passphrase.differ")) }
                context.note(words.sync("screen.exporting"))
                return [.run { [courseCode] in loaders.syncExport(path: path, course: courseCode, all: all, passphrase: first) }]
            case .importPath:
                let path = Self.expand(text)
                guard !path.isEmpty else { return context.fail(words.sync("screen.import.noPath")) }
                context.push(
                    Self.passphrasePrompt(title: words.sync("screen.import"), step: .importPassphrase(path: path), encrypting: false, words)
                )
            case .importPassphrase(let path):
                let secret = text.isEmpty ? nil : text
                context.note(words.sync("screen.reading", (path as NSString).lastPathComponent))
                return [.run { loaders.syncImport(path: path, passphrase: secret, dryRun: true) }]
            case .importConfirmed(let path, let secret):
                context.note(words.sync("screen.importing"))
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
        let words = context.words, language = words.language
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
            return context.say(SyncText.exportLine(summary, language), fadingAfter: 8000) + load(context)
        case .previewed(let path, let secret, let summaries):
            let lines = summaries.flatMap { SyncText.importLines($0, language) }
            if summaries.allSatisfy(\.alreadyImported) || summaries.allSatisfy({ $0.addedTotal == 0 && $0.refused.isEmpty }) {
                return context.say(lines.first ?? words.sync("screen.import.nothing"), fadingAfter: 8000)
            }
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: words.sync("screen.import.question", (path as NSString).lastPathComponent),
                        message: lines.filter { !$0.hasSuffix(words.sync("import.dryRun")) }.joined(separator: "\n"),
                        yes: words.sync("screen.import"), no: words.sync("screen.cancel"), destructive: false),
                    onYes: .sync(.importConfirmed(path: path, passphrase: secret))))
            context.note(words.sync("screen.import.notYet"))
            return []
        case .imported(let summaries):
            let added = summaries.reduce(0) { $0 + $1.addedTotal }
            let conflicts = summaries.reduce(0) { $0 + $1.newConflicts.count }
            let text =
                words.sync("screen.imported", SyncText.count(added, "records", language))
                + (conflicts == 0
                    ? "" : words.sync(conflicts == 1 ? "screen.imported.conflict" : "screen.imported.conflicts", String(conflicts)))
            return context.say(text, fadingAfter: 8000) + load(context)
        case .live(let status, let peers):
            return receiveLive(status, peers: peers, &context)
        case .renamed(let label):
            return context.say(words.sync("screen.renamed", label)) + load(context)
        case .resolved(let conflict):
            let line = SyncText.resolvedLine(conflict, language)
            return context.say(line.prefix(1).uppercased() + line.dropFirst()) + load(context)
        }
    }

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [.run { [loaders = context.loaders] in loaders.syncStatus() }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        SyncView.render(self, into: &buffer, body: body, theme: theme, words: words)
    }

    static func prompt(title: String, message: String, text: String, step: SyncStep) -> PromptState {
        PromptState(
            title: title, message: message, field: TextField(text: text, maxLength: 1024), onSubmit: .sync(step),
            replacesDefault: !text.isEmpty)
    }

    /// A masked field: the passphrase is never drawn, not even its first letters.
    static func passphrasePrompt(title: String, step: SyncStep, encrypting: Bool, _ words: Words) -> PromptState {
        PromptState(
            title: words.sync("screen.passphrase.title", title),
            message: words.sync(encrypting ? "screen.passphrase.encrypt" : "screen.passphrase.decrypt"),
            field: TextField(maxLength: 256, mask: "*"), onSubmit: .sync(step))
    }
}
