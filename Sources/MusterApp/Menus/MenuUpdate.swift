import CourseKit
import Foundation
import TerminalUI

extension MusterProgram {
    /// Keys on a menu. Arrows, PgUp/PgDn and Home/End move; Enter takes the selection; Esc
    /// closes. Without a field a letter picks its item (and j/k move); with one, typing narrows
    /// the list, or searches the library for the person pickers.
    func menuKey(_ key: Key, _ menu: MenuState, _ state: inout AppState) -> [Effect<AppAction>] {
        var m = menu
        let height = MenuView.listHeight(m, size: state.size)
        switch key {
        case .escape:
            state.screens.pop()
            return []
        case .enter:
            guard let item = m.selectedItem else { return [.bell] }
            state.screens.pop()
            return chooseInMenu(m, item, &state)
        case .down: m.table.moveDown(height: height)
        case .up: m.table.moveUp(height: height)
        case .pageDown: m.table.pageDown(height: height)
        case .pageUp: m.table.pageUp(height: height)
        case .home: m.table.home(height: height)
        case .end: m.table.end(height: height)
        default:
            if var field = m.field {
                guard field.handle(key) else { return [] }
                m.field = field
                m.table = TableState(rowCount: m.visible.count)
                state.screens.top = .menu(m)
                if m.purpose.searchesLibrary {
                    let text = field.text
                    guard !NameFolding.tokens(text).isEmpty else { m.setItems([]); state.screens.top = .menu(m); return [] }
                    return [.run { [loaders] in loaders.peopleItems(text) }]
                }
                return []
            }
            switch key {
            case .char("j"): m.table.moveDown(height: height)
            case .char("k"): m.table.moveUp(height: height)
            case .char(let c):
                guard let item = m.items.first(where: { $0.key == c }) else { return [.bell] }
                state.screens.pop()
                return chooseInMenu(m, item, &state)
            default:
                return []
            }
        }
        state.screens.top = .menu(m)
        return []
    }

    /// Library search results for the person picker on top, if they answer what is typed now.
    func menuItemsResult(query: String, items: [MenuItem], _ state: inout AppState) {
        guard case .menu(var m) = state.top, m.field?.text == query else { return }
        m.setItems(items)
        state.screens.top = .menu(m)
    }
}
