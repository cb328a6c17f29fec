import CourseKit
import Foundation
import TerminalUI

/// Keys on a menu. Arrows, PgUp/PgDn and Home/End move; Enter takes the selection; Esc
/// closes. Without a field a letter picks its item (and j/k move); with one, typing narrows
/// the list, or searches the library for the person pickers. The choice goes to the screen
/// that opened the menu as a posted `menuChosen`.
extension MenuState: ScreenModel {
    var screen: Screen { .menu(self) }
    var isModal: Bool { true }
    var acceptsPaste: Bool { field != nil }

    mutating func key(_ key: Key, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        let height = MenuView.listHeight(self, size: context.size)
        switch key {
        case .escape:
            context.dismiss()
        case .enter:
            guard let item = selectedItem else { return [.bell] }
            choose(item, &context)
        case .down: table.moveDown(height: height)
        case .up: table.moveUp(height: height)
        case .pageDown: table.pageDown(height: height)
        case .pageUp: table.pageUp(height: height)
        case .home: table.home(height: height)
        case .end: table.end(height: height)
        default:
            if var field {
                guard field.handle(key) else { return [] }
                self.field = field
                table = TableState(rowCount: visible.count)
                guard purpose.searchesLibrary else { return [] }
                let text = field.text
                if let substituting {
                    return [
                        .run { [loaders = context.loaders, words = context.words] in loaders.substituteItems(text, substituting, words) }
                    ]
                }
                guard !NameFolding.tokens(text).isEmpty else {
                    setItems([])
                    return []
                }
                return [.run { [loaders = context.loaders] in loaders.peopleItems(text) }]
            }
            switch key {
            case .char("j"): table.moveDown(height: height)
            case .char("k"): table.moveUp(height: height)
            case .char(let c):
                guard let item = items.first(where: { $0.key == c }) else { return [.bell] }
                choose(item, &context)
            default:
                break
            }
        }
        return []
    }

    private func choose(_ item: MenuItem, _ context: inout ScreenContext) {
        context.dismiss()
        context.post(.menuChosen(purpose, item))
    }

    /// The substitute picker suggests people before anything is typed.
    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        guard let substituting else { return [] }
        let text = field?.text ?? ""
        return [.run { [loaders = context.loaders, words = context.words] in loaders.substituteItems(text, substituting, words) }]
    }

    /// Library search results for the person picker, if they answer what is typed now.
    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        guard case .menuItems(let query, let items) = action else { return nil }
        if field?.text == query { setItems(items) }
        return []
    }

    func footerHints(_ words: Words) -> [FooterHint]? {
        field != nil
            ? [
                FooterHint(keys: words.app("menu.key.type"), label: words.app("menu.narrowLabel")),
                FooterHint(keys: "↑↓", label: words.app("menu.move")),
                FooterHint(keys: "Enter", label: words.app("menu.choose")),
                FooterHint(keys: "Esc", label: words.cancel),
            ]
            : [
                FooterHint(keys: words.app("menu.key.letter"), label: words.app("menu.choose")),
                FooterHint(keys: "j/k Enter", label: words.app("menu.moveChoose")),
                FooterHint(keys: "Esc", label: words.cancel),
            ]
    }

    func renderOverlay(into buffer: inout ScreenBuffer, theme: Theme, below: [Screen], words: Words) {
        MenuView.render(self, into: &buffer, theme: theme, words: words)
    }

    /// A searchable menu over the whole library, for choosing a substitute or a merge target.
    static func personPicker(title: String, prompt: String, purpose: MenuPurpose, words: Words) -> MenuState {
        MenuState(title: title, prompt: prompt, items: [], searchable: true, purpose: purpose, emptyMessage: words.app("menu.typeName"))
    }
}

extension Loaders {
    /// The substitute picker's items: with nothing typed, people of the nominee's country (their
    /// nominating agency's first); else the library's matches with those of the same country and
    /// agency first, then the same country, then the rest, each by name. The nominee is left
    /// out, and "New person…" always ends the list.
    func substituteItems(_ text: String, _ prefer: SubstitutePreference, _ words: Words) -> AppAction {
        attempt {
            let agencies = Dictionary(uniqueKeysWithValues: try store.courses.agencies().map { ($0.id!, $0.shortName) })
            let found =
                NameFolding.tokens(text).isEmpty
                ? (prefer.country.isEmpty
                    ? [] : try store.people.suggestions(country: prefer.country, agencyID: prefer.agencyID, courseID: prefer.courseID))
                : try store.people.search(text, limit: 60)
            func rank(_ p: Person) -> Int {
                guard !prefer.country.isEmpty, p.country == prefer.country else { return 2 }
                return prefer.agencyID != nil && p.agencyID == prefer.agencyID ? 0 : 1
            }
            let ranked = found.enumerated().filter { $0.element.id != prefer.personID }
                .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element).prefix(30)
            let items = ranked.map { p in
                MenuItem(
                    id: String(p.id!), label: p.displayName,
                    detail: [p.code, p.country, p.agencyID.flatMap { agencies[$0] } ?? ""].filter { !$0.isEmpty }.joined(separator: " · "))
            }
            return .menuItems(query: text, items + [SubstitutePreference.newPersonItem(words)])
        }
    }

    /// People of the whole library matching a typed text, as menu items "Name — code · country · agency".
    func peopleItems(_ text: String) -> AppAction {
        attempt {
            let agencies = Dictionary(uniqueKeysWithValues: try store.courses.agencies().map { ($0.id!, $0.shortName) })
            let items = try store.people.search(text, limit: 30).map { p in
                MenuItem(
                    id: String(p.id!), label: p.displayName,
                    detail: [p.code, p.country, p.agencyID.flatMap { agencies[$0] } ?? ""].filter { !$0.isEmpty }.joined(separator: " · "))
            }
            return .menuItems(query: text, items)
        }
    }
}
