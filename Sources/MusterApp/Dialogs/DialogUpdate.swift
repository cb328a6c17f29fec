import CourseKit
import Foundation
import TerminalUI

extension MusterProgram {
    /// Raw keys for whatever is typing-aware on top: a prompt, a confirmation, the filter menu,
    /// the help overlay or the roll call's search line.
    func handleKey(_ key: Key, _ state: inout AppState) -> [Effect<AppAction>] {
        switch state.top {
        case .prompt(var p):
            switch key {
            case .escape:
                state.screens.pop()
            case .enter:
                state.screens.pop()
                return perform(p.onSubmit, text: p.field.text, &state)
            default:
                _ = p.field.handle(key)
                state.screens.top = .prompt(p)
            }
        case .confirm(let c):
            switch c.dialog.outcome(for: key) {
            case .button("yes"):
                state.screens.pop()
                return perform(c.onYes, text: "", &state)
            case .button, .cancelled:
                state.screens.pop()
            case nil:
                break
            }
        case .help(var overlay):
            if overlay.handle(key, in: Rect(size: state.size)) {
                state.screens.top = .help(overlay)
            } else if [.escape, .char("q"), .char("?"), .function(1), .enter].contains(key) {
                state.screens.pop()
            } else if key == .char("Q") {
                return [.quit]
            }
        case .filterMenu:
            if key == .escape { state.screens.pop(); return [] }
            guard case .char(let ch) = key, let filter = MarkFilter.allCases.first(where: { $0.key == ch }) else { return [.bell] }
            state.screens.pop()
            state.updateRollCall { s in
                s.filter = filter
                s.refilter(keeping: s.selectedPerson?.participant.id)
            }
            state.message = StatusMessage(filter == .all ? "Showing everyone" : "Showing \(filter.rawValue) only — Esc shows everyone")
        case .rollCall(var s) where s.search != nil:
            searchKey(key, &s, page: Layout.pageHeight(for: state.top, size: state.size))
            state.screens.top = .rollCall(s)
        case .roster(let s) where s.search != nil:
            return rosterSearchKey(key, &state)
        case .menu(let m):
            return menuKey(key, m, &state)
        case .form(let f):
            return formKey(key, f, &state)
        case .search(let s):
            return peopleSearchKey(key, s, &state)
        case .importRoster(let s):
            return importKey(key, s, &state)
        case .sheetEntry(let e):
            return sheetEntryKey(key, e, &state)
        default:
            break
        }
        return []
    }

    /// Incremental search: every key jumps to the first match; Enter keeps the place, Esc goes back.
    func searchKey(_ key: Key, _ s: inout RollCallState, page: Int) {
        guard var search = s.search else { return }
        switch key {
        case .escape:
            s.search = nil
            if let origin = search.origin { s.select(personID: origin) }
            s.table.ensureVisible(height: page)
            return
        case .enter:
            s.lastQuery = search.field.text
            s.search = nil
            return
        default:
            _ = search.field.handle(key)
        }
        s.search = search
        if let first = s.matches(search.field.text).first {
            s.table.select(first)
            s.table.ensureVisible(height: page)
        }
    }

    /// What a dialog's "yes" or a prompt's Enter does.
    func perform(_ pending: PendingAction, text: String, _ state: inout AppState) -> [Effect<AppAction>] {
        if let effects = performEdit(pending) { return effects }
        guard let s = state.rollCall, let data = s.data else { return [] }
        switch pending {
        case .markAllPresent(let ids):
            let people = ids.compactMap { id in s.people.first { $0.participant.id == id }?.participant }
            return [.run { [loaders] in loaders.markAllPresent(data.session, people) }]
        case .deleteCourse, .deleteSession, .removeEnrolment:
            return []
        case .excuse(let personID):
            guard let person = s.people.first(where: { $0.participant.id == personID })?.participant else { return [] }
            return [.run { [loaders] in loaders.mark(data.session, person, .excused, note: text, advance: true) }]
        }
    }

    /// Click selects a row, the wheel scrolls; on a modal screen the mouse does nothing.
    func handleMouse(_ event: MouseEvent, _ state: inout AppState) -> [Effect<AppAction>] {
        let screen = state.top
        guard !screen.isModal else { return [] }
        let page = Layout.pageHeight(for: screen, size: state.size)
        let rect = Layout.table(for: screen, size: state.size)
        func adjust(_ table: inout TableState) {
            switch event.kind {
            case .wheelDown: table.moveDown(by: 3, height: page)
            case .wheelUp: table.moveUp(by: 3, height: page)
            case .press:
                let row = event.at.y - rect.y - 1 + table.visibleOffset(height: page)
                if rect.contains(event.at), event.at.y > rect.y, row >= 0, row < table.rowCount { table.select(row) }
            case .release: break
            }
        }
        switch screen {
        case .courses(var s): adjust(&s.table); state.screens.top = .courses(s)
        case .overview(var s): adjust(&s.table); state.screens.top = .overview(s)
        case .rollCall(var s): adjust(&s.table); state.screens.top = .rollCall(s)
        case .roster(var s):
            adjust(&s.table)
            let effects = fetchPages(&s, page: page)
            state.screens.top = .roster(s)
            return effects
        case .person(var s): adjust(&s.table); state.screens.top = .person(s)
        case .nominations(var s): adjust(&s.table); state.screens.top = .nominations(s)
        case .search(var s): adjust(&s.table); state.screens.top = .search(s)
        default: break
        }
        return []
    }
}
