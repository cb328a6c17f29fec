import CourseKit
import Foundation
import TerminalUI

extension MusterProgram {
    public func update(_ state: inout AppState, _ action: AppAction) -> [Effect<AppAction>] {
        switch action {
        case .start:
            return startEffects(state)
        case .resized(let size):
            state.size = size
            return []
        case .clearMessage(let text):
            if state.message?.text == text && state.message?.isError == false { state.message = nil }
            return []
        case .failed(let text):
            state.message = StatusMessage(text, isError: true)
            return [.bell]
        case .tick:
            return refreshEffects(state)
        case .command(let id):
            // An error stays until the next key; any command acknowledges it.
            if state.message?.isError == true { state.message = nil }
            if let effects = globalCommand(id, &state) { return effects }
            return screenCommand(id, &state)
        case .key(let key):
            if state.message?.isError == true { state.message = nil }
            return handleKey(key, &state)
        case .mouse(let event):
            return handleMouse(event, &state)
        default:
            return apply(result: action, &state)
        }
    }

    /// Commands that mean the same on every screen. Nil when the command is the screen's.
    func globalCommand(_ id: CommandID, _ state: inout AppState) -> [Effect<AppAction>]? {
        switch id {
        case Command.quit:
            return [.quit]
        case Command.redraw:
            return [.redraw]
        case Command.suspend:
            return [.suspend]
        case Command.help:
            let contexts = state.top.keyContexts
            state.screens.push(.help(HelpOverlay(keyMap: keyMap, contexts: contexts, title: "Keys")))
            return []
        case Command.back:
            if state.screens.pop() == nil { return [.quit] }
            return reloadTop(state)
        case Command.leave:
            if state.screens.isAtRoot { return [] }
            state.screens.pop()
            return reloadTop(state)
        default:
            return nil
        }
    }

    func screenCommand(_ id: CommandID, _ state: inout AppState) -> [Effect<AppAction>] {
        let page = Layout.pageHeight(for: state.top, size: state.size)
        if id == Command.importRoster { return openImport(&state) }
        if id == Command.sheetEntry { return openSheetEntry(&state) }
        switch state.top {
        case .courses(var s):
            if Self.move(&s.table, id, page: page) { state.screens.top = .courses(s); return [] }
            if id == Command.open, let course = s.selected?.course {
                state.screens.push(.overview(OverviewState(courseCode: course.code)))
                return [.run { [loaders] in loaders.overview(code: course.code) }]
            }
            return courseListEdit(id, s, &state)
        case .overview(var s):
            if Self.move(&s.table, id, page: page) { state.screens.top = .overview(s); return [] }
            if id == Command.open, let session = s.selectedSession {
                state.screens.push(.rollCall(RollCallState(courseCode: s.courseCode, sessionKey: session.key)))
                return [.run { [loaders, code = s.courseCode] in loaders.rollCall(code: code, sessionKey: session.key) }]
            }
            return overviewEdit(id, s, &state)
        case .rollCall:
            return rollCallCommand(id, &state, page: page)
        case .roster:
            return rosterCommand(id, &state, page: page)
        case .person:
            return personCommand(id, &state, page: page)
        case .nominations:
            return nominationsCommand(id, &state, page: page)
        case .help, .confirm, .prompt, .filterMenu, .menu, .form, .search, .importRoster, .sheetEntry:
            if id == Command.cancel { state.screens.pop() }
            return []
        }
    }

    /// Moves a table's selection for the list commands; false when `id` is not one.
    static func move(_ table: inout TableState, _ id: CommandID, page: Int) -> Bool {
        switch id {
        case Command.down: table.moveDown(height: page)
        case Command.up: table.moveUp(height: page)
        case Command.pageDown: table.pageDown(height: page)
        case Command.pageUp: table.pageUp(height: page)
        case Command.halfDown: table.halfPageDown(height: page)
        case Command.halfUp: table.halfPageUp(height: page)
        case Command.first: table.home(height: page)
        case Command.last: table.end(height: page)
        default: return false
        }
        return true
    }

    /// After popping back to a screen, refresh what it shows (marks may have changed below it).
    func reloadTop(_ state: AppState) -> [Effect<AppAction>] {
        switch state.top {
        case .courses: [.run { [loaders] in loaders.courses() }]
        case .overview(let s): [.run { [loaders] in loaders.overview(code: s.courseCode) }]
        case .roster(let s): [reload(s, state, query: s.query, focusPerson: s.selected?.participant.id)]
        case .person(let s): [.run { [loaders] in loaders.person(s.personID) }]
        case .nominations(let s): [.run { [loaders] in loaders.nominations(code: s.courseCode) }]
        default: []
        }
    }

    /// Results of database work.
    func apply(result: AppAction, _ state: inout AppState) -> [Effect<AppAction>] {
        switch result {
        case .coursesLoaded(let summaries):
            state.screens.updateFirst { if case .courses(var s) = $0 { s.load(summaries); $0 = .courses(s); return true }; return false }
        case .overviewLoaded(let data):
            state.screens.updateFirst { screen in
                guard case .overview(var s) = screen, s.courseCode == data.course.code else { return false }
                s.load(data); screen = .overview(s); return true
            }
        case .rollCallLoaded(let data):
            state.screens.updateFirst { screen in
                guard case .rollCall(var s) = screen, s.courseCode == data.course.code else { return false }
                s.sessionKey = data.session.key
                s.load(data)
                screen = .rollCall(s)
                return true
            }
        case .marksChanged(let sessionID, let marks, let version):
            state.screens.updateFirst { screen in
                guard case .rollCall(var s) = screen, s.data?.session.id == sessionID else { return false }
                s.setMarks(marks, version: version); screen = .rollCall(s); return true
            }
        case .marked, .markedMany, .undone:
            return rollCallResult(result, &state)
        case .rosterLoaded, .rosterPageLoaded, .rosterTotalsLoaded, .rosterFound, .rosterFacetLoaded:
            return rosterResult(result, &state)
        case .changed, .changeUndone:
            return changeResult(result, &state)
        case .formFailed(let field, let message):
            return formFailed(field: field, message: message, &state)
        case .openForm(let form):
            state.screens.push(.form(form))
        case .rosterImport(let result):
            return importResult(result, &state)
        case .sheetEntry(let result):
            return sheetEntryResult(result, &state)
        case .menuItems(let query, let items):
            menuItemsResult(query: query, items: items, &state)
        case .peopleFound(let query, let hits):
            peopleFound(query: query, hits: hits, &state)
        case .personLoaded(let details):
            state.screens.updateFirst { screen in
                guard case .person(var s) = screen, s.personID == details.participant.id else { return false }
                s.details = details
                s.table.setRowCount(details.history.count)
                screen = .person(s)
                return true
            }
        case .nominationsLoaded(let code, let course, let lines):
            state.screens.updateFirst { screen in
                guard case .nominations(var s) = screen, s.courseCode == code else { return false }
                s.load(course: course, lines: lines)
                screen = .nominations(s)
                return true
            }
        default:
            break
        }
        return []
    }

    /// Every tick: if another process (a kiosk, a second facilitator) committed, reload what shows.
    func refreshEffects(_ state: AppState) -> [Effect<AppAction>] {
        for screen in state.screens.screens.reversed() {
            if case .rollCall(let s) = screen, let data = s.data, let id = data.session.id {
                return [.run { [loaders] in loaders.marksIfChanged(sessionID: id, since: data.version) }]
            }
            if case .overview(let s) = screen, let data = s.data {
                return [.run { [loaders] in
                    loaders.versionIfChanged(since: data.version) != nil ? loaders.overview(code: s.courseCode) : nil
                }]
            }
            if case .roster(let s) = screen, s.context != nil {
                // A kiosk's check-ins or another coordinator's changes: reload in place.
                let effect = reload(s, state, query: s.query, focusPerson: s.selected?.participant.id)
                guard case .run(let work) = effect else { return [] }
                return [.run { [loaders] in loaders.versionIfChanged(since: s.version) != nil ? work() : nil }]
            }
        }
        return []
    }
}

extension ScreenStack {
    /// Applies `change` to the topmost screen it accepts (returns true for).
    mutating func updateFirst(_ change: (inout Screen) -> Bool) {
        for i in screens.indices.reversed() {
            var screen = self[i]
            if change(&screen) { self[i] = screen; return }
        }
    }
}

extension AppState {
    /// The topmost roll call, even beneath a dialog.
    var rollCall: RollCallState? {
        for screen in screens.screens.reversed() { if case .rollCall(let s) = screen { return s } }
        return nil
    }

    /// Edits the topmost roll call in place.
    mutating func updateRollCall(_ body: (inout RollCallState) -> Void) {
        screens.updateFirst { screen in
            guard case .rollCall(var s) = screen else { return false }
            body(&s)
            screen = .rollCall(s)
            return true
        }
    }
}
