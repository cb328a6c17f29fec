import CourseKit
import Foundation
import TerminalUI

/// `state → ScreenBuffer`: header line, the screen's body, the footer, then any modal on top.
struct AppRenderer {
    let keyMap: KeyMap

    func render(_ state: AppState, size: Size, theme: Theme) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        let base = state.screens.screens.last { !$0.isModal } ?? state.screens.root
        let body = Layout.body(size)
        let header: HeaderLine
        switch base {
        case .courses(let s): header = CourseListView.render(s, into: &buffer, body: body, theme: theme)
        case .overview(let s): header = OverviewView.render(s, into: &buffer, body: body, theme: theme)
        case .rollCall(let s): header = RollCallView.render(s, into: &buffer, body: body, theme: theme)
        case .roster(let s): header = RosterView.render(s, into: &buffer, body: body, theme: theme)
        case .person(let s): header = PersonView.render(s, into: &buffer, body: body, theme: theme)
        case .nominations(let s): header = NominationsView.render(s, into: &buffer, body: body, theme: theme)
        case .search(let s): header = PeopleSearchView.render(s, into: &buffer, body: body, theme: theme)
        default: header = HeaderLine(breadcrumbs: ["Muster"])
        }
        header.render(into: &buffer, rect: Rect(x: 0, y: 0, width: size.width, height: 1), theme: theme)
        renderFooter(state, base: base, into: &buffer, theme: theme)
        if state.top.isModal { renderModal(state.top, into: &buffer, theme: theme, rollCall: state.rollCall) }
        return buffer
    }

    func renderFooter(_ state: AppState, base: Screen, into buffer: inout ScreenBuffer, theme: Theme) {
        let line = Rect(x: 0, y: buffer.size.height - 1, width: buffer.size.width, height: 1)
        if case .rollCall(let s) = base, let search = s.search, !state.top.isModal {
            let matches = s.matches(search.field.text).count
            Self.searchLine(search.field, status: search.field.isEmpty ? "Esc cancel · Enter keep" : "\(matches) match\(matches == 1 ? "" : "es")",
                            into: &buffer, line: line, theme: theme)
            return
        }
        if case .roster(let s) = base, let search = s.search, !state.top.isModal {
            let status = search.field.isEmpty ? "Esc cancel · Enter keep"
                : search.found == false ? "no match" : search.found == true ? "Enter keep · Esc back" : "…"
            Self.searchLine(search.field, status: status, into: &buffer, line: line, theme: theme)
            return
        }
        let hints = Self.modalHints(state.top) ?? keyMap.footerHints(for: state.top.keyContexts, ascii: theme.ascii)
        let message = state.message
        StatusLine(message: message?.text ?? "", messageRole: message?.isError == true ? .error : .footer, hints: hints)
            .render(into: &buffer, rect: line, theme: theme)
    }

    /// The search line that replaces the footer while typing, like vi's and less's '/'.
    static func searchLine(_ field: TextField, status: String, into buffer: inout ScreenBuffer, line: Rect, theme: Theme) {
        buffer.fill(line, role: .input)
        buffer.put("/", at: Point(x: 0, y: line.y), role: .input, maxWidth: 1)
        let width = status.displayWidth
        field.render(into: &buffer, rect: Rect(x: 1, y: line.y, width: max(0, line.width - width - 3), height: 1), theme: theme)
        buffer.put(status, at: Point(x: line.maxX - width - 1, y: line.y), role: .dim, maxWidth: width)
    }

    /// Dialogs take raw keys, not the key table: their footer names the keys they really answer.
    static func modalHints(_ screen: Screen) -> [FooterHint]? {
        switch screen {
        case .prompt: [FooterHint(keys: "Enter", label: "record"), FooterHint(keys: "Esc", label: "cancel")]
        case .confirm: [FooterHint(keys: "y", label: "yes"), FooterHint(keys: "n", label: "no"), FooterHint(keys: "Esc", label: "cancel")]
        case .filterMenu: [FooterHint(keys: "a u p x l e", label: "choose"), FooterHint(keys: "Esc", label: "cancel")]
        case .help: [FooterHint(keys: "j/k", label: "scroll"), FooterHint(keys: "Esc", label: "close")]
        case .menu(let m) where m.field != nil:
            [FooterHint(keys: "type", label: "narrow"), FooterHint(keys: "↑↓", label: "move"), FooterHint(keys: "Enter", label: "choose"),
             FooterHint(keys: "Esc", label: "cancel")]
        case .menu: [FooterHint(keys: "letter", label: "choose"), FooterHint(keys: "j/k Enter", label: "move, choose"),
                     FooterHint(keys: "Esc", label: "cancel")]
        case .importRoster(let s): s.preview == nil ? ImportView.hintsEntering : ImportView.hintsPreview
        case .sheetEntry: SheetEntryView.hints
        case .form: [FooterHint(keys: "Enter", label: "save"), FooterHint(keys: "Tab", label: "next"), FooterHint(keys: "Esc", label: "cancel")]
        case .search: [FooterHint(keys: "type", label: "find"), FooterHint(keys: "↑↓", label: "move"), FooterHint(keys: "Enter", label: "open"),
                       FooterHint(keys: "Esc", label: "back")]
        default: nil
        }
    }

    func renderModal(_ screen: Screen, into buffer: inout ScreenBuffer, theme: Theme, rollCall: RollCallState? = nil) {
        let area = Rect(size: buffer.size)
        switch screen {
        case .help(let overlay):
            overlay.render(into: &buffer, rect: area, theme: theme)
        case .confirm(let c):
            c.dialog.render(into: &buffer, rect: area, theme: theme)
        case .prompt(let p):
            PromptView.render(p, into: &buffer, area: area, theme: theme)
        case .filterMenu(let f):
            let lines = MarkFilter.allCases.map { "[\($0.key)] \($0.rawValue)\($0 == f.current ? "  (now)" : "")" }
            Dialog(title: "Show", message: lines.joined(separator: "\n"), buttons: [], maxTextWidth: 30)
                .render(into: &buffer, rect: area, theme: theme)
        case .menu(let m):
            MenuView.render(m, into: &buffer, theme: theme)
        case .form(let f):
            FormView.render(f, into: &buffer, theme: theme)
        case .importRoster(let s):
            ImportView.render(s, into: &buffer, theme: theme)
        case .sheetEntry(let e):
            SheetEntryView.render(e, rollCall: rollCall, into: &buffer, theme: theme)
        default:
            break
        }
    }
}

/// A titled box with a message and one text field: the excused-reason question.
enum PromptView {
    static func render(_ p: PromptState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let width = min(max(40, p.title.displayWidth + 6, p.message.displayWidth + 4), area.width - 2)
        let height = 6
        let frame = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2),
                         width: width, height: min(height, area.height))
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs)
        buffer.put(" \(p.title) ", at: Point(x: frame.x + 2, y: frame.y), role: .dialog, maxWidth: frame.width - 4)
        buffer.put(p.message, at: Point(x: frame.x + 2, y: frame.y + 2), role: .dialog, maxWidth: frame.width - 4)
        p.field.render(into: &buffer, rect: Rect(x: frame.x + 2, y: frame.y + 3, width: frame.width - 4, height: 1), theme: theme)
    }
}
