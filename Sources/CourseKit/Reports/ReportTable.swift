import Foundation

/// One table of a report, as data: the command line aligns it as text (by display width), and
/// writes it as Markdown or CSV; screens can show it as they like.
public struct ReportTable: Sendable, Equatable {
    /// What code finds the table by (the HTML report's charts), the same in every language:
    /// its English title.
    public var id: String
    public var title: String
    public var header: [String]
    /// What code finds each column by, the same in every language: its English header.
    public var columns: [String]
    public var rows: [[String]]
    /// Columns of figures, right-aligned in text and Markdown.
    public var numeric: Set<Int>
    /// Lines printed under the table (what is counted and how).
    public var notes: [String]

    /// `id` and `columns` default to the title and header, as an English table's are.
    public init(
        title: String, header: [String], rows: [[String]], numeric: Set<Int> = [], notes: [String] = [], id: String? = nil,
        columns: [String]? = nil
    ) {
        self.title = title; self.header = header; self.rows = rows; self.numeric = numeric; self.notes = notes
        self.id = id ?? title; self.columns = columns ?? header
    }

    /// The row whose first cell is `label`, for tests and screens.
    public func row(_ label: String) -> [String]? { rows.first { $0.first == label } }
}

/// A report: a title, a few lines about the course or period, and tables.
public struct Report: Sendable, Equatable {
    public var title: String
    public var summary: [String]
    public var tables: [ReportTable]
    /// The language its words are in (the HTML page's `lang`, the charts' legends).
    public var language: Language

    public init(title: String, summary: [String], tables: [ReportTable], language: Language = .en) {
        self.title = title; self.summary = summary; self.tables = tables; self.language = language
    }

    public func table(_ title: String) -> ReportTable? { tables.first { $0.title == title } }

    /// The table whose id (English title) is `id`, in any language.
    public func table(id: String) -> ReportTable? { tables.first { $0.id == id } }

    /// GitHub-flavoured Markdown: headings, pipe tables with figures right-aligned, notes in italics.
    public func markdown() -> String {
        var out = "# \(Self.markdownText(title))\n\n"
        out += summary.map { Self.markdownText($0) + "  \n" }.joined() + "\n"
        for t in tables {
            out += "## \(Self.markdownText(t.title))\n\n"
            out += "| " + t.header.map(Self.markdownCell).joined(separator: " | ") + " |\n"
            out += "|" + t.header.indices.map { t.numeric.contains($0) ? "---:" : ":---" }.joined(separator: "|") + "|\n"
            for row in t.rows { out += "| " + row.map(Self.markdownCell).joined(separator: " | ") + " |\n" }
            out += t.notes.map { "\n_\(Self.markdownText($0))_\n" }.joined() + "\n"
        }
        return out
    }

    /// One block per table (its title, header, rows, a blank line), neutralised like every CSV Muster writes.
    public func csv(bom: Bool = false) -> String {
        let writer = CSVWriter()
        var out = bom ? "\u{FEFF}" : ""
        out += writer.line([title])
        for line in summary { out += writer.line([line]) }
        for t in tables {
            out += "\r\n" + writer.line([t.title]) + writer.document(header: t.header, rows: t.rows)
        }
        return out
    }

    /// Names in a cell must not break the table or become markup: pipes, backslashes, asterisks,
    /// underscores, tildes (strike-through), brackets, HTML brackets, entities (`&`) and the `@`
    /// of an e-mail (GitHub makes it a link) are escaped; line breaks become spaces.
    static func markdownCell(_ s: String) -> String { markdownText(s).replacingOccurrences(of: "|", with: "\\|") }

    static func markdownText(_ s: String) -> String {
        var out = ""
        for ch in NameSanitizer.clean(s) {
            if "\\`*_[]<>#~&@!".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}

/// Whole percentages as reports print them.
public enum Percent {
    /// "53%", "53 %" in Spanish, or "–" when there is nothing to divide by. Rounded half away
    /// from zero in every language (`Language.percent` alone would round half to even).
    public static func text(_ part: Int, of whole: Int, _ language: Language = .en) -> String {
        guard whole != 0 else { return "–" }
        let rounded = Int((Double(part) * 100 / Double(whole)).rounded())
        return language == .en ? "\(rounded)%" : language.percent(Double(rounded) / 100)
    }
}
