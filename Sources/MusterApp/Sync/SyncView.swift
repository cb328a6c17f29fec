import CourseKit
import Foundation
import TerminalUI

/// The sync screen: live sync on top (`SyncLiveView`), the status as `muster sync status` words
/// it under it, the open conflicts below.
enum SyncView {
    /// The conflict list's columns, titled in `words`' language.
    static func columns(_ words: Words) -> [TableColumn] {
        [
            TableColumn(words.sync("screen.column.conflict"), width: .fixed(max(8, DisplayWidth.of(words.sync("screen.column.conflict"))))),
            TableColumn(words.sync("screen.column.what"), width: .flexible(min: 14, weight: 3)),
            TableColumn(words.sync("screen.column.field"), width: .flexible(min: 6, weight: 1)),
            TableColumn(words.sync("screen.column.shownNow"), width: .flexible(min: 10, weight: 2)),
        ]
    }

    /// Rows the live part takes, with the blank line under it; none until the status is read.
    static func liveHeight(_ state: SyncState, body: Rect) -> Int {
        state.loaded && state.error == nil ? SyncLiveView.height(state, body: body) + 1 : 0
    }

    /// Rows the status may take: what leaves the conflict list a header and three rows.
    static func statusHeight(_ state: SyncState, body: Rect) -> Int {
        // As many lines in every language: the count is the status's, not its words'.
        let wanted = state.error != nil ? 1 : max(1, state.statusLines().count)
        return min(wanted, max(1, body.height - liveHeight(state, body: body) - 5))
    }

    static func tableRect(_ state: SyncState, body: Rect) -> Rect {
        let top = liveHeight(state, body: body) + statusHeight(state, body: body) + 1
        return Rect(x: body.x, y: body.y + top, width: body.width, height: max(0, body.height - top))
    }

    static func render(_ state: SyncState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        let header = HeaderLine(
            breadcrumbs: ["Muster", words.sync("screen.title")],
            trailing: state.conflicts.isEmpty ? "" : words.sync("screen.position", state.table.positionText))
        let line = { (row: Int) in Rect(x: body.x + 1, y: body.y + row, width: max(0, body.width - 2), height: 1) }
        guard state.loaded else {
            buffer.putLine(words.sync("screen.loading"), in: line(0), role: .dim, ellipsis: theme.glyphs.ellipsis)
            return header
        }
        if let error = state.error {
            buffer.putLine(error, in: line(0), role: .error, ellipsis: theme.glyphs.ellipsis)
            return header
        }
        SyncLiveView.render(state, into: &buffer, body: body, theme: theme, words: words)
        let lines = state.statusLines(words.language)
        let height = statusHeight(state, body: body)
        let top = liveHeight(state, body: body)
        for (row, entry) in lines.prefix(height).enumerated() {
            let cut = row == height - 1 && lines.count > height
            // Headings dim, what is held under them plain, warnings (a gap, a clock, the WAL bug) as such.
            let role: StyleRole = entry.warns ? .warning : entry.text.hasPrefix(" ") ? .normal : .dim
            buffer.putLine(
                cut ? theme.glyphs.ellipsis : entry.text, in: line(top + row), role: cut ? .dim : role, ellipsis: theme.glyphs.ellipsis)
        }
        let table = TableView(
            columns: columns(words), state: state.table,
            emptyMessage: words.sync("screen.empty"),
            row: { i in
                let c = state.conflicts[i]
                return TableRow([
                    c.id, c.label(in: words.language), c.fieldLabel(in: words.language), c.winner.map { $0.value.description } ?? "",
                ])
            })
        table.render(into: &buffer, rect: tableRect(state, body: body), theme: theme)
        return header
    }
}

extension Words {
    /// A text of the sync screen: `key` in `Sync.strings` (the command line's words too), its blanks filled.
    func sync(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Sync", arguments) }
}
