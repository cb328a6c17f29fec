import TerminalUI

/// Plain-text columns aligned by display width, so "李小龍" and "José" line up in a terminal.
public enum TextTable {
    public static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let all = [header] + rows.map { $0.map(DisplaySanitizer.sanitize) }
        let widths = header.indices.map { i in all.map { $0[i].displayWidth }.max() ?? 0 }
        return all.map { row in
            row.indices.map { i in
                let last = i == row.count - 1
                if rightAligned.contains(i) { return row[i].padded(toWidth: widths[i], alignment: .right) }
                return last ? row[i] : row[i].padded(toWidth: widths[i])
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
