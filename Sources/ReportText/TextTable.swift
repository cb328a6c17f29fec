import TerminalUI

/// Plain-text columns aligned by display width, so "李小龍" and "José" line up in a terminal.
public enum TextTable {
    /// The table as text, one line per row.
    ///
    /// With `maxWidth`, a table wider than that narrows its `shrinkable` columns (the widest
    /// first, never below their header or 8 columns) and ends the cells cut short with "…", so a
    /// listing fits an 80-column terminal; the other columns (codes, dates, counts) are never cut.
    public static func render(
        header: [String], rows: [[String]], rightAligned: Set<Int> = [],
        maxWidth: Int? = nil, shrinkable: [Int] = []
    ) -> String {
        let all = [header] + rows.map { $0.map(DisplaySanitizer.sanitize) }
        var widths = header.indices.map { i in all.map { $0[i].displayWidth }.max() ?? 0 }
        if let maxWidth {
            widths = fitted(widths, header: header, into: maxWidth, shrinkable: shrinkable)
        }
        return all.map { row in
            row.indices.map { i in
                let cell = row[i].displayWidth > widths[i] ? row[i].truncated(toWidth: widths[i], ellipsis: "…") : row[i]
                let last = i == row.count - 1
                if rightAligned.contains(i) { return cell.padded(toWidth: widths[i], alignment: .right) }
                return last ? cell : cell.padded(toWidth: widths[i])
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Column widths narrowed until the line (two spaces between columns) fits `limit`, taking
    /// one column at a time from the widest shrinkable column.
    static func fitted(_ widths: [Int], header: [String], into limit: Int, shrinkable: [Int]) -> [Int] {
        var widths = widths
        var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        let floor = Dictionary(uniqueKeysWithValues: shrinkable.map { ($0, max(8, header[$0].displayWidth)) })
        while total > limit {
            guard let widest = shrinkable.filter({ widths[$0] > floor[$0]! }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }
}
