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
    public var field = TextField(maxLength: 64, placeholder: "part of a name, or a code")
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

    var footerHints: [FooterHint]? {
        [
            FooterHint(keys: "type", label: "find"), FooterHint(keys: "↑↓", label: "move"), FooterHint(keys: "Enter", label: "open"),
            FooterHint(keys: "Esc", label: "back"),
        ]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        PeopleSearchView.render(self, into: &buffer, body: body, theme: theme)
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

enum PeopleSearchView {
    static let columns = [
        TableColumn("NAME", width: .flexible(min: 14, weight: 3)),
        TableColumn("CODE", width: .fixed(10)),
        TableColumn("CTRY", width: .fixed(4)),
        TableColumn("AGENCY", width: .flexible(min: 6, weight: 1)),
        TableColumn("COURSES", width: .fixed(7), alignment: .right),
    ]

    static func render(_ s: PeopleSearchState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        buffer.put("Find:", at: Point(x: body.x + 1, y: body.y), role: .accent, maxWidth: 5)
        let count = s.answered.isEmpty ? "" : "\(s.hits.count)\(s.hits.count == 200 ? "+" : "") found"
        let countWidth = count.displayWidth
        buffer.put(count, at: Point(x: body.maxX - 1 - countWidth, y: body.y), role: .dim, maxWidth: countWidth)
        s.field.render(
            into: &buffer, rect: Rect(x: body.x + 7, y: body.y, width: max(0, body.width - 10 - countWidth), height: 1),
            theme: theme)
        let empty =
            s.field.isEmpty
            ? "Type part of a name (\"jose nunez\", \"ngu\") or a participant code"
            : s.answered == s.field.text ? "Nobody in the library matches “\(s.field.text)”" : "Searching…"
        TableView(
            columns: columns, state: s.table, emptyMessage: empty,
            row: { i in
                let h = s.hits[i]
                return TableRow([h.person.sortName, h.person.code, h.person.country, h.agency, String(h.courses)])
            }
        ).render(into: &buffer, rect: s.tableArea(body: body), theme: theme)
        return HeaderLine(breadcrumbs: ["Muster", "Find a person"], trailing: "every course")
    }
}
