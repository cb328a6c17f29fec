import CourseKit
import Foundation
import TerminalUI

extension MusterProgram {
    /// Pushes the roster (or the matrix) of a course and loads it.
    func openRoster(_ state: inout AppState, code: String, mode: RosterState.Mode, filter: RosterFilter = RosterFilter()) -> [Effect<AppAction>] {
        let s = RosterState(courseCode: code, mode: mode, filter: filter)
        state.screens.push(.roster(s))
        return [reload(s, state, query: nil, focusPerson: nil)]
    }

    /// The effect that (re)loads a roster: after a new order or filter the selection follows the
    /// same person; otherwise it stays at the same position.
    ///
    /// A new order or filter keeps the course's context (`keepContext`); anything that may have
    /// changed the library (a nomination, an edit, another process) reloads it with the rows.
    func reload(_ s: RosterState, _ state: AppState, query: RosterQuery?, focusPerson: Int64?,
                keepContext: Bool = false) -> Effect<AppAction> {
        let height = Layout.pageHeight(for: .roster(s), size: state.size)
        let (code, filter, index, matrix) = (s.courseCode, s.initialFilter, s.table.selection ?? 0, s.mode == .matrix)
        let context = keepContext ? s.context : nil
        let total = keepContext && query?.filter == s.query?.filter ? s.total : nil
        return .run { [loaders] in
            loaders.roster(code: code, query: query, initialFilter: filter, focusPerson: focusPerson, focusIndex: index,
                           pageHeight: height, withTotals: matrix, context: context, knownTotal: total)
        }
    }

    func rosterCommand(_ id: CommandID, _ state: inout AppState, page: Int) -> [Effect<AppAction>] {
        guard var s = state.roster else { return [] }
        if Self.move(&s.table, id, page: page) {
            let effects = fetchPages(&s, page: page)
            state.updateRoster { $0 = s }
            return effects
        }
        guard let query = s.query else { return [] }
        let person = s.selected
        switch id {
        case Command.sort, Command.reverse:
            var order = query.order
            if id == Command.sort {
                let all = RosterSortColumn.allCases
                order = RosterOrder(all[(all.firstIndex(of: order.column)! + 1) % all.count])
            } else {
                order.descending.toggle()
            }
            var next = query
            next.order = order
            state.message = StatusMessage("Sorted by \(RosterLabels.columnTitle(order.column))\(order.descending ? ", reversed" : "")")
            return [reload(s, state, query: next, focusPerson: person?.participant.id, keepContext: true)]
        case Command.filter:
            state.screens.push(.menu(filterMenu(s)))
        case Command.cancel:
            guard !query.filter.isEmpty else { return [] }
            var next = query
            next.filter = RosterFilter()
            state.message = StatusMessage("Showing everyone")
            return [reload(s, state, query: next, focusPerson: person?.participant.id, keepContext: true)]
        case Command.search:
            s.search = RosterSearch(origin: s.table.selection ?? 0)
        case Command.nextMatch, Command.previousMatch:
            guard !s.lastQuery.isEmpty else {
                state.message = StatusMessage("No search yet — press / to find a name")
                return [.bell]
            }
            let back = id == Command.previousMatch
            let from = (s.table.selection ?? 0) + (back ? -1 : 1)
            let start = back ? (from < 0 ? max(0, s.total - 1) : from) : (from >= s.total ? 0 : from)
            let text = s.lastQuery
            return [.run { [loaders] in loaders.rosterFind(query, text: text, from: start, backwards: back) }]
        case Command.toggleMatrix:
            s.mode = s.mode == .list ? .matrix : .list
            state.updateRoster { $0 = s }
            return s.mode == .matrix ? [.run { [loaders] in loaders.rosterTotals(query) }] : []
        case Command.scrollLeft:
            s.columnOffset = max(0, s.columnOffset - 1)
        case Command.scrollRight:
            s.columnOffset = min(max(0, (s.context?.sessions.count ?? 1) - 1), s.columnOffset + 1)
        case Command.open:
            guard let id = person?.participant.id else { return [.bell] }
            return openPerson(&state, id: id)
        default:
            return nominationCommand(id, &state, roster: s)
        }
        state.updateRoster { $0 = s }
        return []
    }

    /// Effects fetching the pages the visible rows (and half a page around) still lack.
    func fetchPages(_ s: inout RosterState, page height: Int) -> [Effect<AppAction>] {
        guard let query = s.query else { return [] }
        s.trimPages()
        let missing = s.missingPages(around: s.table.visibleRange(height: height))
        s.requested.formUnion(missing)
        return missing.map { page in .run { [loaders] in loaders.rosterPage(query, page: page) } }
    }

    /// The filter menu's first level: each dimension with its current value.
    func filterMenu(_ s: RosterState) -> MenuState {
        let filter = s.query?.filter ?? RosterFilter()
        let agencies = s.context?.agencies ?? [:]
        let current: [RosterFacet: String?] = [
            .sex: filter.sex?.rawValue, .country: filter.country.map { RosterLabels.value(.country, $0, agencies: agencies) },
            .agency: filter.agencyID.map { RosterLabels.value(.agency, String($0), agencies: agencies) },
            .role: filter.role?.rawValue, .status: filter.status?.rawValue,
            .completion: filter.completed.map { $0 ? "completed" : "not completed" },
        ]
        let keys: [RosterFacet: Character] = [.sex: "s", .country: "c", .agency: "a", .role: "r", .status: "t", .completion: "p"]
        var items = RosterFacet.allCases.map { facet in
            MenuItem(id: facet.rawValue, label: RosterLabels.facetTitle(facet), detail: (current[facet] ?? nil) ?? "any", key: keys[facet])
        }
        items.append(MenuItem(id: "clear", label: "Clear every filter", key: "x"))
        return MenuState(title: "Filter", prompt: "Filters combine; Esc on the roster clears them", items: items,
                         purpose: .filterDimension)
    }

    /// Results of the roster's database work.
    func rosterResult(_ result: AppAction, _ state: inout AppState) -> [Effect<AppAction>] {
        var effects: [Effect<AppAction>] = []
        let size = state.size
        var message: StatusMessage?
        defer { if let message { state.message = message } }
        switch result {
        case .rosterLoaded(let load):
            state.updateRoster { s in
                guard s.courseCode == load.courseCode else { return }
                let height = Layout.pageHeight(for: .roster(s), size: size)
                s.apply(load, pageHeight: height)
                effects = fetchPages(&s, page: height)
            }
        case .rosterPageLoaded(let query, let page, let rows):
            state.updateRoster { s in
                guard s.query == query else { return }
                s.requested.remove(page)
                s.pages[page] = rows
                s.trimPages()
            }
        case .rosterTotalsLoaded(let query, let totals):
            state.updateRoster { s in if s.query == query { s.totals = totals } }
        case .rosterFound(let query, let text, let index):
            state.updateRoster { s in
                guard s.query == query else { return }
                let height = Layout.pageHeight(for: .roster(s), size: size)
                if var search = s.search {
                    guard search.field.text == text else { return }
                    search.found = index != nil
                    s.search = search
                } else if index == nil {
                    message = StatusMessage("No match for “\(text)”")
                    effects = [.bell]
                }
                guard let index else { return }
                s.table.select(index)
                s.table.ensureVisible(height: height)
                effects += fetchPages(&s, page: height)
            }
        case .rosterFacetLoaded(let facet, let values):
            guard let s = state.roster else { return [] }
            let agencies = s.context?.agencies ?? [:]
            let items = values.map { MenuItem(id: $0.value, label: RosterLabels.value(facet, $0.value, agencies: agencies),
                                              detail: String($0.count)) }
            state.screens.push(.menu(MenuState(title: RosterLabels.facetTitle(facet), prompt: "Show only",
                                               items: [MenuItem(id: "", label: "Anyone", detail: "")] + items,
                                               searchable: items.count > 8, purpose: .filterValue(facet))))
        default:
            break
        }
        return effects
    }

    /// Typing in the roster's search line: each key asks the database for the first match from
    /// where the search began; Enter keeps the place, Esc goes back to it.
    func rosterSearchKey(_ key: Key, _ state: inout AppState) -> [Effect<AppAction>] {
        guard var s = state.roster, var search = s.search, let query = s.query else { return [] }
        let height = Layout.pageHeight(for: .roster(s), size: state.size)
        switch key {
        case .escape:
            s.search = nil
            s.table.select(search.origin)
            s.table.ensureVisible(height: height)
            let effects = fetchPages(&s, page: height)
            state.updateRoster { $0 = s }
            return effects
        case .enter:
            s.lastQuery = search.field.text
            s.search = nil
            state.updateRoster { $0 = s }
            return []
        default:
            guard search.field.handle(key) else { return [] }
        }
        // The last answer stays on the search line until the next one arrives a few milliseconds
        // later: no "…" frame in between, so a key that changes nothing costs only its character.
        let text = search.field.text, origin = search.origin
        let searching = !NameFolding.tokens(text).isEmpty
        if !searching { search.found = nil }
        s.search = search
        state.updateRoster { $0 = s }
        guard searching else { return [] }
        return [.run { [loaders] in loaders.rosterFind(query, text: text, from: origin, backwards: false) }]
    }

    /// A filter value chosen in the menu: the new filter, and a reload keeping the person.
    func applyFilter(_ facet: RosterFacet, value: String, _ state: inout AppState) -> [Effect<AppAction>] {
        guard let s = state.roster, var query = s.query else { return [] }
        let v: String? = value.isEmpty ? nil : value
        switch facet {
        case .sex: query.filter.sex = v.flatMap(Sex.init(rawValue:))
        case .country: query.filter.country = v
        case .agency: query.filter.agencyID = v.flatMap { Int64($0) }
        case .role: query.filter.role = v.flatMap(Role.init(rawValue:))
        case .status: query.filter.status = v.flatMap(NominationStatus.init(rawValue:))
        case .completion: query.filter.completed = v.map { $0 == "completed" }
        }
        let described = RosterLabels.describe(query.filter, agencies: s.context?.agencies ?? [:])
        state.message = StatusMessage(described.isEmpty ? "Showing everyone" : "Showing \(described) — Esc shows everyone")
        return [reload(s, state, query: query, focusPerson: s.selected?.participant.id, keepContext: true)]
    }
}

extension AppState {
    /// The topmost roster, even beneath a dialog.
    var roster: RosterState? {
        for screen in screens.screens.reversed() { if case .roster(let s) = screen { return s } }
        return nil
    }

    /// Edits the topmost roster in place.
    mutating func updateRoster(_ body: (inout RosterState) -> Void) {
        screens.updateFirst { screen in
            guard case .roster(var s) = screen else { return false }
            body(&s)
            screen = .roster(s)
            return true
        }
    }
}
