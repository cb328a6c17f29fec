import CourseKit
import Foundation
import TerminalUI

/// Keys in the import dialog: a text field while entering the path, the list keys over the
/// preview. Esc closes it (except while the import writes), and nothing is written until
/// Enter on a preview.
extension ImportRosterState: TableScreen {
    var screen: Screen { .importRoster(self) }
    var isModal: Bool { true }
    var acceptsPaste: Bool { phase == .entering }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        // The writing is one transaction already under way: it cannot be cancelled halfway.
        if case .importing = phase { return [] }
        let words = context.words
        if key == .escape {
            context.dismiss()
            return context.say(words.importing(preview == nil ? "screen.cancelled" : "screen.cancelled.nothingWritten"))
        }
        let loaders = context.loaders
        switch phase {
        case .entering:
            switch key {
            case .enter:
                guard !path.isEmpty else {
                    error = words.importing("screen.noPath")
                    return [.bell]
                }
                error = nil
                phase = .previewing
                let options = RosterImportOptions(format: format, dryRun: true)
                return [
                    .run { [courseCode, path, format] in
                        loaders.importRoster(path: path, course: courseCode, options: options, format: format, words: words)
                    }
                ]
            case .tab: stepFormat(by: 1)
            case .backTab: stepFormat(by: -1)
            default:
                guard field.handle(key) else { return [] }
                error = nil
            }
        case .preview(let preview):
            if key == .enter {
                error = nil
                phase = .importing(preview)
                // The rows the preview lists as rejected stay out; the rest go in as one transaction.
                let options = RosterImportOptions(format: preview.format, skipRejected: !preview.report.rejected.isEmpty)
                return [
                    .run { [courseCode] in
                        loaders.importRoster(
                            path: preview.path, course: courseCode, options: options, format: preview.format, words: words)
                    }
                ]
            }
            if key == .backspace || key == .char("h") || key == .left {
                phase = .entering  // back to the path, to fix it or choose another format
            } else if let id = context.keyMap.command(for: key, in: [KeyContext.list]) {
                _ = moveList(id, size: context.size)
            }
        case .previewing, .importing:
            break  // the file is being read; only Esc answers (a dry run)
        }
        return []
    }

    /// So a page of the preview is the lines the dialog shows.
    func pageHeight(_ size: Size) -> Int { ImportView.listHeight(size) }

    /// The dry run's preview, the import's receipt or the reason nothing was written. A result
    /// for a dialog since closed is dropped: a dry run wrote nothing, and a real import has
    /// already reported itself through the store.
    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        guard case .rosterImport(let result) = action else { return nil }
        switch result {
        case .previewed(let preview):
            guard case .previewing = phase, preview.path == path else { return [] }
            phase = .preview(preview)
            table = TableState(rowCount: preview.lines.count)
            return []
        case .failed(let failedPath, let message):
            guard failedPath == path || failedPath == preview?.path else { return [] }
            error = message
            if case .importing(let p) = phase { phase = .preview(p) } else { phase = .entering }
            return [.bell]
        case .imported(let report):
            context.dismiss()
            context.post(.rosterImported(courseCode: courseCode))
            let name = (report.file as NSString).lastPathComponent
            let words = context.words
            // The command line's receipt: its counts and its "nothing to change", one wording each.
            return context.say(
                report.changesNothing
                    ? "\(name): " + words.importing("preview.nothingToChange")
                    : words.importing("screen.imported", name, report.counts(in: words.language)), fadingAfter: 8000)
        }
    }

    func footerHints(_ words: Words) -> [FooterHint]? {
        preview == nil ? ImportView.hintsEntering(words) : ImportView.hintsPreview(words)
    }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words) {
        ImportView.render(self, into: &buffer, theme: theme, words: words)
    }
}

extension Loaders {
    /// The same call `muster import roster` makes, dry run or not, so the preview on screen
    /// is the command's preview.
    /// The preview's lines are said in `words`, the language of the run that asked.
    func importRoster(path: String, course: String, options: RosterImportOptions, format: RosterFormat, words: Words) -> AppAction {
        do {
            let report = try store.rosterImporter.importRoster(path: path, course: course, options: options)
            return .rosterImport(
                options.dryRun
                    ? .previewed(ImportPreview(report: report, format: format, path: path, words: words))
                    : .imported(report))
        } catch {
            return .rosterImport(.failed(path: path, message: describe(error)))
        }
    }
}
