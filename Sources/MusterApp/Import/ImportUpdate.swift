import CourseKit
import Foundation
import TerminalUI

extension MusterProgram {
    /// `i` on the overview or the roster: the import dialog for that course.
    func openImport(_ state: inout AppState) -> [Effect<AppAction>] {
        let code: String, label: String
        switch state.top {
        case .overview(let s):
            code = s.courseCode
            label = s.data?.course.label ?? s.courseCode
        case .roster(let s):
            code = s.courseCode
            label = s.context?.course.label ?? s.courseCode
        default:
            return []
        }
        state.screens.push(.importRoster(ImportRosterState(courseCode: code, courseLabel: label)))
        return []
    }

    /// Keys in the import dialog: a text field while entering the path, the list keys over the
    /// preview. Esc closes it (except while the import writes), and nothing is written until
    /// Enter on a preview.
    func importKey(_ key: Key, _ s: ImportRosterState, _ state: inout AppState) -> [Effect<AppAction>] {
        var s = s
        // The writing is one transaction already under way: it cannot be cancelled halfway.
        if case .importing = s.phase { return [] }
        if key == .escape {
            state.screens.pop()
            let text = s.preview == nil ? "Import cancelled" : "Import cancelled; nothing was written"
            state.message = StatusMessage(text)
            return [.after(milliseconds: 4000, .clearMessage(text))]
        }
        switch s.phase {
        case .entering:
            switch key {
            case .enter:
                guard !s.path.isEmpty else {
                    s.error = "Type the path of the file to import"
                    state.screens.top = .importRoster(s)
                    return [.bell]
                }
                s.error = nil
                s.phase = .previewing
                state.screens.top = .importRoster(s)
                let options = RosterImportOptions(format: s.format, dryRun: true)
                return [.run { [loaders, code = s.courseCode, path = s.path, format = s.format] in
                    loaders.importRoster(path: path, course: code, options: options, format: format)
                }]
            case .tab: s.stepFormat(by: 1)
            case .backTab: s.stepFormat(by: -1)
            default:
                guard s.field.handle(key) else { return [] }
                s.error = nil
            }
        case .preview(let preview):
            let page = ImportView.listHeight(state.size)
            if key == .enter {
                s.error = nil
                s.phase = .importing(preview)
                state.screens.top = .importRoster(s)
                // The rows the preview lists as rejected stay out; the rest go in as one transaction.
                let options = RosterImportOptions(format: preview.format, skipRejected: !preview.report.rejected.isEmpty)
                return [.run { [loaders, code = s.courseCode] in
                    loaders.importRoster(path: preview.path, course: code, options: options, format: preview.format)
                }]
            }
            if key == .backspace || key == .char("h") || key == .left {
                s.phase = .entering           // back to the path, to fix it or choose another format
            } else if let id = keyMap.command(for: key, in: [KeyContext.list]), Self.move(&s.table, id, page: page) {
            } else {
                return []
            }
        case .previewing, .importing:
            return []                           // the file is being read; only Esc answers (a dry run)
        }
        state.screens.top = .importRoster(s)
        return []
    }

    /// The dry run's preview, the import's receipt or the reason nothing was written.
    func importResult(_ result: RosterImportResult, _ state: inout AppState) -> [Effect<AppAction>] {
        // A result for a dialog the user has since closed is dropped: nothing was written by a
        // dry run, and a real import has already reported itself through the store.
        guard case .importRoster(var s) = state.top else { return [] }
        switch result {
        case .previewed(let preview):
            guard case .previewing = s.phase, preview.path == s.path else { return [] }
            s.phase = .preview(preview)
            s.table = TableState(rowCount: preview.lines.count)
            state.screens.top = .importRoster(s)
            return []
        case .failed(let path, let message):
            guard path == s.path || path == s.preview?.path else { return [] }
            s.error = message
            if case .importing(let p) = s.phase { s.phase = .preview(p) } else { s.phase = .entering }
            state.screens.top = .importRoster(s)
            return [.bell]
        case .imported(let report):
            state.screens.pop()
            let name = (report.file as NSString).lastPathComponent
            let text = report.changesNothing ? "\(name): nothing to change, the library already has all of it"
                : "Imported \(name): \(report.counts)"
            // From the overview, the roster is where the result shows; the roster reloads in place.
            let effects: [Effect<AppAction>]
            if case .overview(let o) = state.top {
                effects = openRoster(&state, code: o.courseCode, mode: .list)
            } else {
                effects = reloadTop(state)
            }
            state.message = StatusMessage(text)
            return effects + [.after(milliseconds: 8000, .clearMessage(text))]
        }
    }
}

extension Loaders {
    /// The same call `muster import roster` makes, dry run or not, so the preview on screen
    /// is the command's preview.
    func importRoster(path: String, course: String, options: RosterImportOptions, format: RosterFormat) -> AppAction {
        do {
            let report = try store.rosterImporter.importRoster(path: path, course: course, options: options)
            return .rosterImport(options.dryRun ? .previewed(ImportPreview(report: report, format: format, path: path))
                                     : .imported(report))
        } catch {
            return .rosterImport(.failed(path: path, message: describe(error)))
        }
    }
}
