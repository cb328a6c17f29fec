import CourseKit
import Foundation
import TerminalUI

/// A person found by the search everywhere, with what tells namesakes apart.
public struct PersonHit: Sendable, Equatable {
    public var person: Person
    public var agency: String
    public var courses: Int
}

/// `/` from the course list: find anyone in the library by part of their name or their code,
/// in any course, and open their history. Typing goes to the field; the arrows move in the
/// results; Enter opens; Esc goes back.
public struct PeopleSearchState: Sendable, Equatable {
    /// Its placeholder comes from the catalogue when drawn, in the run's language.
    public var field = TextField(maxLength: 64)
    public var hits: [PersonHit] = []
    /// The text the hits answer (results for an older text are dropped).
    public var answered = ""
    public var table = TableState()

    public init() {}
}

/// Typing goes to the field and searches as one types; the arrows move in the results; Enter
/// opens the person; Esc goes back.
extension PeopleSearchState: TableScreen {
    var screen: Screen { .search(self) }
    var takesTyping: Bool { true }
    var acceptsPaste: Bool { true }

    func tableArea(body: Rect) -> Rect { Layout.belowInfoLine(body) }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        let page = pageHeight(context.size)
        switch key {
        case .escape:
            context.dismiss()
        case .enter:
            guard let i = table.selection, hits.indices.contains(i), let id = hits[i].person.id else { return [.bell] }
            return context.open(PersonState(personID: id))
        case .down: table.moveDown(height: page)
        case .up: table.moveUp(height: page)
        case .pageDown: table.pageDown(height: page)
        case .pageUp: table.pageUp(height: page)
        default:
            guard field.handle(key) else { return [] }
            let text = field.text
            return [.run { [loaders = context.loaders] in loaders.searchPeople(text) }]
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        guard case .peopleFound(let query, let found) = action else { return nil }
        guard field.text == query else { return [] }
        hits = found
        answered = query
        table = TableState(rowCount: found.count)
        return []
    }

    var footerHints: [FooterHint]? { footerHints(Words(.en)) }

    /// The keys this screen really answers: it takes typing, so the key table's footer does not apply.
    func footerHints(_ words: Words) -> [FooterHint]? {
        [
            FooterHint(keys: words.search("key.type"), label: words.search("footer.find")),
            FooterHint(keys: "↑↓", label: words.search("footer.move")), FooterHint(keys: "Enter", label: words.search("footer.open")),
            FooterHint(keys: "Esc", label: words.search("footer.back")),
        ]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        render(into: &buffer, body: body, theme: theme, words: Words(.en))
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        PeopleSearchView.render(self, into: &buffer, body: body, theme: theme, words: words)
    }
}

extension Loaders {
    func searchPeople(_ text: String) -> AppAction {
        attempt {
            guard !NameFolding.tokens(text).isEmpty else { return .peopleFound(query: text, []) }
            let people = try store.people.search(text, limit: 200)
            let agencies = Dictionary(uniqueKeysWithValues: try store.courses.agencies().map { ($0.id!, $0.shortName) })
            let counts = try store.people.enrolmentCounts(personIDs: people.compactMap(\.id))
            return .peopleFound(
                query: text,
                people.map {
                    PersonHit(person: $0, agency: $0.agencyID.flatMap { agencies[$0] } ?? "", courses: counts[$0.id ?? 0] ?? 0)
                })
        }
    }
}

/// The field on top with how many were found, the people below, in `words`' language.
enum PeopleSearchView {
    /// The columns titled in `words`' language, the same widths in every language; the agency
    /// column is never narrower than its title ("INSTITUCIÓN"), so the title is not cut.
    static func columns(_ words: Words) -> [TableColumn] {
        let agency = words.search("column.agency")
        return [
            TableColumn(words.search("column.name"), width: .flexible(min: 14, weight: 3)),
            TableColumn(words.search("column.code"), width: .fixed(10)),
            TableColumn(words.search("column.country"), width: .fixed(4)),
            TableColumn(agency, width: .flexible(min: max(6, agency.displayWidth), weight: 1)),
            TableColumn(words.search("column.courses"), width: .fixed(7), alignment: .right),
        ]
    }

    static func render(_ s: PeopleSearchState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        let label = words.search("search.label")
        let labelWidth = label.displayWidth
        buffer.put(label, at: Point(x: body.x + 1, y: body.y), role: .accent, maxWidth: labelWidth)
        let n = s.hits.count
        let count =
            s.answered.isEmpty
            ? "" : words.search(n == 1 ? "search.found.one" : "search.found", words.language.number(n) + (n == 200 ? "+" : ""))
        let countWidth = count.displayWidth
        buffer.put(count, at: Point(x: body.maxX - 1 - countWidth, y: body.y), role: .dim, maxWidth: countWidth)
        var field = s.field
        field.placeholder = words.search("search.placeholder")
        field.render(
            into: &buffer,
            rect: Rect(x: body.x + labelWidth + 2, y: body.y, width: max(0, body.width - labelWidth - 5 - countWidth), height: 1),
            theme: theme)
        let empty =
            s.field.isEmpty
            ? words.search("search.hint")
            : s.answered == s.field.text ? words.search("search.nobody", s.field.text) : words.search("search.searching")
        TableView(
            columns: columns(words), state: s.table, emptyMessage: empty,
            row: { i in
                let h = s.hits[i]
                return TableRow([h.person.sortName, h.person.code, h.person.country, h.agency, words.language.number(h.courses)])
            }
        ).render(into: &buffer, rect: s.tableArea(body: body), theme: theme)
        return HeaderLine(breadcrumbs: ["Muster", words.search("search.title")], trailing: words.search("search.scope"))
    }
}

extension Words {
    /// A text of the search everywhere: `key` in `Search.strings`, its blanks filled.
    func search(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Search", arguments) }
}
