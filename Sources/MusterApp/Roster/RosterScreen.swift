import CourseKit
import Foundation
import TerminalUI

/// The roster's browsing keys: move (fetching the pages the rows need), sort, filter, find,
/// switch to the matrix, open a person. Its nomination and editing keys are in
/// `RosterNominations.swift`.
extension RosterState: PagedFind, PagedList {
    var screen: Screen { .roster(self) }
    var takesTyping: Bool { search != nil }
    var keyContexts: [String] {
        mode == .matrix
            ? [KeyContext.matrix, KeyContext.roster, KeyContext.list, KeyContext.global]
            : [KeyContext.roster, KeyContext.list, KeyContext.global]
    }

    /// The matrix keeps its last line for the column totals.
    func tableArea(body: Rect) -> Rect {
        Rect(x: body.x, y: body.y + 2, width: body.width, height: body.height - 2 - (mode == .matrix ? 1 : 0))
    }

    mutating func listMoved(_ context: inout ScreenContext) -> [Effect<AppAction>] {
        fetchPages(context.loaders, page: pageHeight(context.size))
    }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard let query else { return [] }
        let person = selected
        let words = context.words
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
            context.note(words.roster(order.descending ? "sorted.reversed" : "sorted", RosterLabels.columnTitle(order.column, words)))
            // Reversed, the same rows: the selected row's place is known without counting.
            let reversed = id == Command.reverse ? table.selection.map { total - 1 - $0 } : nil
            return [reload(context, query: next, focusPerson: person?.person.id, keepContext: true, knownPosition: reversed)]
        case Command.filter:
            context.push(filterMenu(words))
        case Command.cancel:
            guard !query.filter.isEmpty else { return [] }
            var next = query
            next.filter = RosterFilter()
            context.note(words.roster("showing.everyone"))
            return [reload(context, query: next, focusPerson: person?.person.id, keepContext: true)]
        case Command.search:
            search = ListSearch(origin: table.selection ?? 0, placeholder: words.roster("search.placeholder"), words: words)
        case Command.nextMatch, Command.previousMatch:
            return findNext(backwards: id == Command.previousMatch, &context)
        case Command.toggleMatrix:
            mode = mode == .list ? .matrix : .list
            guard mode == .matrix else { return [] }
            forgetPagesWithoutMarks()
            return [.run { [loaders = context.loaders] in loaders.rosterTotals(query) }]
                + fetchPages(context.loaders, page: pageHeight(context.size))
        case Command.scrollLeft:
            columnOffset = max(0, columnOffset - 1)
        case Command.scrollRight:
            columnOffset = min(max(0, (self.context?.sessions.count ?? 1) - 1), columnOffset + 1)
        case Command.open:
            guard let id = person?.person.id else { return [.bell] }
            return context.open(PersonState(personID: id))
        case Command.importRoster:
            context.push(ImportRosterState(courseCode: courseCode, courseLabel: self.context?.course.label ?? courseCode))
        default:
            return nominationCommand(id, &context)
        }
        return []
    }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] { searchKey(key, &context) }

    func person(at index: Int) -> Int64? { item(at: index)?.person.id }

    func find(_ text: String, from start: Int, startPerson: Int64?, backwards: Bool, _ loaders: Loaders) -> Effect<AppAction>? {
        guard let query else { return nil }
        return .run { loaders.rosterFind(query, text: text, from: start, startPerson: startPerson, backwards: backwards) }
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        let height = pageHeight(context.size)
        switch action {
        case .rosterLoaded(let load) where load.courseCode == courseCode:
            apply(load, pageHeight: height)
            return fetchPages(context.loaders, page: height)
        case .rosterPageLoaded(let query, let page, let rows) where query == self.query:
            take(page: page, rows)
            // Read for the list before the matrix showed: read again, with marks.
            guard mode == .matrix && !rows.withMarks else { return [] }
            forgetPagesWithoutMarks()
            return fetchPages(context.loaders, page: height)
        case .rosterTotalsLoaded(let query, let totals) where query == self.query:
            self.totals = totals
            return []
        case .rosterFound(let query, let text, let index) where query == self.query:
            return found(text, at: index, &context)
        case .rosterFacetLoaded(let facet, let values):
            let agencies = self.context?.agencies ?? [:], words = context.words
            let items = values.map {
                MenuItem(
                    id: $0.value, label: RosterLabels.value(facet, $0.value, agencies: agencies, words),
                    detail: words.language.number($0.count))
            }
            context.push(
                MenuState(
                    title: RosterLabels.facetTitle(facet, words), prompt: words.roster("filter.showOnly"),
                    items: [MenuItem(id: "", label: words.roster("filter.anyone"), detail: "")] + items,
                    searchable: items.count > 8, purpose: .filterValue(facet)))
            return []
        case .menuChosen(let purpose, let item):
            return chose(item, for: purpose, &context)
        case .perform(.removeEnrolment(let courseID, let personID), _):
            return context.change { try $0.nominations.removeEnrolment(courseID: courseID, personID: personID) }
        case .rosterImported(let code) where code == courseCode:
            return load(context)
        default:
            return PersonMergeFlow.receive(action, &context)
        }
    }

    /// Reloads with the same order and filter, the selection following the same person.
    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [reload(context, query: query, focusPerson: selected?.person.id)]
    }

    /// A kiosk's check-ins or another coordinator's changes: reload in place.
    func refresh(_ context: ScreenContext) -> [Effect<AppAction>]? {
        guard self.context != nil, case .run(let work) = reload(context, query: query, focusPerson: selected?.person.id) else {
            return nil
        }
        return [.run { [loaders = context.loaders, version] in loaders.versionIfChanged(since: version) != nil ? work() : nil }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        RosterView.render(self, into: &buffer, body: body, theme: theme, words: words)
    }

    /// The effect that (re)loads a roster: after a new order or filter the selection follows the
    /// same person; otherwise it stays at the same position.
    ///
    /// A new order or filter keeps the course's context (`keepContext`); anything that may have
    /// changed the library (a nomination, an edit, another process) reloads it with the rows.
    func reload(
        _ context: ScreenContext, query: RosterQuery?, focusPerson: Int64?, keepContext: Bool = false, knownPosition: Int? = nil
    ) -> Effect<AppAction> {
        let height = pageHeight(context.size)
        let (code, filter, index, matrix) = (courseCode, initialFilter, table.selection ?? 0, mode == .matrix)
        let known = keepContext ? self.context : nil
        let knownTotal = keepContext && query?.filter == self.query?.filter ? total : nil
        return .run { [loaders = context.loaders] in
            loaders.roster(
                code: code, query: query, initialFilter: filter, focusPerson: focusPerson, focusIndex: index,
                pageHeight: height, matrix: matrix, context: known, knownTotal: knownTotal,
                knownPosition: knownTotal != nil ? knownPosition : nil)
        }
    }

    func pageEffect(_ page: Int, _ loaders: Loaders) -> Effect<AppAction>? {
        query.map { [total, matrix = mode == .matrix] query in
            .run { loaders.rosterPage(query, page: page, total: total, matrix: matrix) }
        }
    }

    /// The filter menu's first level: each dimension with its current value.
    func filterMenu(_ words: Words) -> MenuState {
        let filter = query?.filter ?? RosterFilter()
        let agencies = context?.agencies ?? [:]
        let current: [RosterFacet: String?] = [
            .sex: filter.sex?.rawValue, .country: filter.country, .agency: filter.agencyID.map { String($0) },
            .role: filter.role?.rawValue, .status: filter.status?.rawValue,
            .completion: filter.completed.map { $0 ? "completed" : "" },
        ]
        let keys: [RosterFacet: Character] = [.sex: "s", .country: "c", .agency: "a", .role: "r", .status: "t", .completion: "p"]
        var items = RosterFacet.allCases.map { facet in
            let value = (current[facet] ?? nil).map { RosterLabels.value(facet, $0, agencies: agencies, words) }
            return MenuItem(
                id: facet.rawValue, label: RosterLabels.facetTitle(facet, words), detail: value ?? words.roster("filter.any"),
                key: keys[facet])
        }
        items.append(MenuItem(id: "clear", label: words.roster("filter.clear"), key: "x"))
        return MenuState(
            title: words.roster("filter.title"), prompt: words.roster("filter.prompt"), items: items, purpose: .filterDimension)
    }

    /// A filter value chosen in the menu: the new filter, and a reload keeping the person.
    func applyFilter(_ facet: RosterFacet, value: String, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard var query else { return [] }
        let v: String? = value.isEmpty ? nil : value
        switch facet {
        case .sex: query.filter.sex = v.flatMap(Sex.init(rawValue:))
        case .country: query.filter.country = v
        case .agency: query.filter.agencyID = v.flatMap { Int64($0) }
        case .role: query.filter.role = v.flatMap(Role.init(rawValue:))
        case .status: query.filter.status = v.flatMap(NominationStatus.init(rawValue:))
        case .completion: query.filter.completed = v.map { $0 == "completed" }
        }
        let words = context.words
        let described = RosterLabels.describe(query.filter, agencies: self.context?.agencies ?? [:], words)
        context.note(described.isEmpty ? words.roster("showing.everyone") : words.roster("showing", described))
        return [reload(context, query: query, focusPerson: selected?.person.id, keepContext: true)]
    }
}
