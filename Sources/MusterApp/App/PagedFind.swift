import CourseKit
import TerminalUI

/// The search line of a paged list (the roster browser, the roll call): the typed text, the row
/// the search began at, and whether the library's last answer found a row.
public struct ListSearch: Sendable, Equatable {
    public var field: TextField
    /// The row the search began at: where it looks from, and where Esc goes back to.
    public var origin: Int
    /// Whether the last answer found a row (nil while none came back).
    public var found: Bool?
    /// The language the search line speaks (it is drawn from the state alone, as the footer).
    public var words: Words

    public init(origin: Int, placeholder: String, words: Words = Words(.en)) {
        self.origin = origin
        self.words = words
        field = TextField(maxLength: 64, placeholder: placeholder)
    }

    /// The line's right-hand side: the keys while empty, then what the last answer said.
    var status: String {
        field.isEmpty
            ? words.app("search.keys")
            : found == false ? words.roster("search.nothing") : found == true ? words.roster("search.found") : "…"
    }
}

/// `/`, `n` and `N` on a list whose rows live in the library, read a page at a time: every
/// typed key and every `n` asks the library for the next matching row (`RosterBrowser.rosterFind`)
/// and the answer moves the selection there. The roster browser and the roll call share it.
protocol PagedFind: PagedList {
    var search: ListSearch? { get set }
    /// The last search, for `n`/`N`.
    var lastQuery: String { get set }
    /// The person on row `index`, when its page is loaded (the search then seeks to them).
    func person(at index: Int) -> Int64?
    /// The effect asking the library for the first row from `start` matching `text`.
    func find(_ text: String, from start: Int, startPerson: Int64?, backwards: Bool, _ loaders: Loaders) -> Effect<AppAction>?
}

extension PagedFind {
    /// `n` or `N`: the next match after (before) the selection, wrapping around.
    mutating func findNext(backwards: Bool, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard !lastQuery.isEmpty else {
            context.note(context.words.app("search.none"))
            return [.bell]
        }
        let from = (table.selection ?? 0) + (backwards ? -1 : 1)
        let start = backwards ? (from < 0 ? max(0, total - 1) : from) : (from >= total ? 0 : from)
        return find(lastQuery, from: start, startPerson: person(at: start), backwards: backwards, context.loaders).map { [$0] } ?? []
    }

    /// Typing in the search line: each key asks for the first match from where the search
    /// began; Enter keeps the place, Esc goes back to it.
    mutating func searchKey(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        guard var search else { return [] }
        let height = pageHeight(context.size)
        switch key {
        case .escape:
            self.search = nil
            table.select(search.origin)
            table.ensureVisible(height: height)
            return fetchPages(context.loaders, page: height)
        case .enter:
            lastQuery = search.field.text
            self.search = nil
            return []
        default:
            guard search.field.handle(key) else { return [] }
        }
        // The last answer stays on the search line until the next one arrives a few milliseconds
        // later: no "…" frame in between, so a key that changes nothing costs only its character.
        let text = search.field.text, origin = search.origin
        let searching = !NameFolding.tokens(text).isEmpty
        if !searching { search.found = nil }
        self.search = search
        guard searching else { return [] }
        return find(text, from: origin, startPerson: person(at: origin), backwards: false, context.loaders).map { [$0] } ?? []
    }

    /// The library's answer for `text`: the selection moves to the row found, or the line (or,
    /// after `n`, the status line) says nothing matched. An answer to an older text is dropped.
    mutating func found(_ text: String, at index: Int?, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        var effects: [Effect<AppAction>] = []
        if var search {
            guard search.field.text == text else { return [] }
            search.found = index != nil
            self.search = search
        } else if index == nil {
            context.note(context.words.app("search.noMatch", text))
            effects = [.bell]
        }
        guard let index else { return effects }
        let height = pageHeight(context.size)
        table.select(index)
        table.ensureVisible(height: height)
        return effects + fetchPages(context.loaders, page: height)
    }

    var searchLine: (field: TextField, status: String)? { search.map { ($0.field, $0.status) } }
}
