import CourseKit
import TerminalUI

/// Reports as plain text: columns aligned by display width, so names in any script line up when
/// pasted into a document set in a monospaced font.
public enum ReportText {
    public static func render(_ report: Report) -> String {
        var out = underlined(report.title, "=")
        out += report.summary.map { $0 + "\n" }.joined()
        for table in report.tables {
            out += "\n" + underlined(table.title, "-")
            out += TextTable.render(header: table.header, rows: table.rows, rightAligned: table.numeric)
            out += table.notes.map { "\($0)\n" }.joined()
        }
        return out
    }

    static func underlined(_ title: String, _ mark: Character) -> String {
        title + "\n" + String(repeating: mark, count: max(3, title.displayWidth)) + "\n"
    }
}

/// The forms a report is written in: aligned text for pasting, Markdown for documents, CSV for
/// spreadsheets, HTML with charts for printing. `muster report` and `muster-hq report` both offer them.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, csv, html

    /// The report in this form; `bom` starts a CSV with a byte-order mark (for Excel).
    public func render(_ report: Report, bom: Bool = false) -> String {
        switch self {
        case .text: ReportText.render(report)
        case .markdown: report.markdown()
        case .csv: report.csv(bom: bom)
        case .html: HTMLReport.render(report)
        }
    }
}
