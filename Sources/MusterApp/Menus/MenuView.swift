import CourseKit
import Foundation
import TerminalUI

/// A menu drawn as a centred box: the prompt, the field when it has one, then the list with
/// each item's key in brackets and its detail on the right.
enum MenuView {
    /// The frame: as wide as the widest line (40–64 columns), as tall as the items, within the screen.
    static func frame(_ m: MenuState, size: Size) -> Rect {
        let labels = m.items.map { ($0.key == nil ? 0 : 4) + $0.label.displayWidth + 2 + $0.detail.displayWidth }
        let width = min(max(40, m.prompt.displayWidth + 4, (labels.max() ?? 0) + 4), 64, size.width - 2)
        let chrome = 2 + (m.prompt.isEmpty ? 0 : 2) + (m.field == nil ? 0 : 2)
        // A library search keeps one size while results come and go.
        let rows = m.purpose.searchesLibrary ? 10 : max(3, m.items.count)
        let height = min(chrome + rows, size.height - 2)
        return Rect(x: (size.width - width) / 2, y: max(1, (size.height - height) / 2), width: width, height: height)
    }

    /// Rows of items the list shows: what paging moves by.
    static func listHeight(_ m: MenuState, size: Size) -> Int { max(1, list(m, frame: frame(m, size: size)).height) }

    static func list(_ m: MenuState, frame: Rect) -> Rect {
        let top = 1 + (m.prompt.isEmpty ? 0 : 2) + (m.field == nil ? 0 : 2)
        return Rect(x: frame.x + 2, y: frame.y + top, width: frame.width - 4, height: frame.height - top - 1)
    }

    static func render(_ m: MenuState, into buffer: inout ScreenBuffer, theme: Theme, words: Words) {
        let frame = frame(m, size: buffer.size)
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs, title: m.title)
        var y = frame.y + 1
        if !m.prompt.isEmpty {
            buffer.putLine(
                m.prompt, in: Rect(x: frame.x + 2, y: y, width: frame.width - 4, height: 1), role: .dialog,
                ellipsis: theme.glyphs.ellipsis)
            y += 2
        }
        if var field = m.field {
            if field.placeholder.isEmpty { field.placeholder = words.app(m.purpose.searchesLibrary ? "menu.typeName" : "menu.narrow") }
            field.render(into: &buffer, rect: Rect(x: frame.x + 2, y: y, width: frame.width - 4, height: 1), theme: theme)
            y += 2
        }
        let shown = m.visible
        var table = m.table
        table.setRowCount(shown.count)
        // The detail is as wide as the widest one, up to half the list; the label takes the rest.
        let detailWidth = min(m.items.map(\.detail.displayWidth).max() ?? 0, (frame.width - 4) / 2)
        let columns = [TableColumn("", width: .flexible(min: 8)), TableColumn("", width: .fixed(detailWidth), alignment: .right)]
        TableView(
            columns: columns, state: table, showsHeader: false, emptyMessage: m.emptyMessage ?? words.app("menu.nothing"),
            row: { i in
                let item = m.items[shown[i]]
                let key = item.key.map { "[\($0)] " } ?? ""
                return TableRow([key + item.label, item.detail], role: .dialog, cellRoles: [nil, .dim])
            }
        ).render(into: &buffer, rect: list(m, frame: frame), theme: theme)
    }
}
