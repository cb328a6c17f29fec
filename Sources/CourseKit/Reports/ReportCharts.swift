import Foundation

/// A chart of one report table. Its numbers are read back from the table's cells, never counted
/// again from the course, so a chart cannot disagree with the text, Markdown or CSV report: there
/// is one computation (``CourseReport``, ``PeriodReport``) and several ways of showing it.
public struct ReportChart: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        /// A bar's values laid end to end (a session's present, late, excused, absent, unmarked).
        case stacked
        /// One bar per series, side by side (a group's expected and completed trainees).
        case grouped
        /// One bar per quota, its places marked across it.
        case quota
    }

    public struct Bar: Sendable, Equatable {
        public var label: String
        /// One value per series, in the series' order.
        public var values: [Int]
        /// A quota's places.
        public var limit: Int?
    }

    /// The title of the table the numbers come from, as the page prints it.
    public var table: String
    public var style: Style
    /// The table's column headers the values come from, as the page prints them ("PRESENT",
    /// "PRESENTE"): the chart finds the columns by id, and shows them by header.
    public var series: [String]
    public var bars: [Bar]

    /// A series' header as a legend shows it ("NO MARK" → "No mark").
    public static func seriesName(_ header: String) -> String {
        header.prefix(1) + header.dropFirst().lowercased()
    }
}

/// Which tables have charts, and which of their columns a chart draws.
public enum ReportCharts {
    public static let funnelTitle = "Nomination funnel"

    /// The chart of `table`, or nil for tables without one (nominations, completion) and for
    /// cells that are not whole numbers (a table made elsewhere, laid out differently). Tables
    /// and columns are found by id (their English words), so a Spanish report has the same
    /// charts; `language` names the total row a chart leaves out.
    public static func chart(for table: ReportTable, language: Language = .en) -> ReportChart? {
        let total = ReportWords(language)("total")
        return switch table.id {
        case TableTitle.attendance:
            bars(table, series: ["PRESENT", "LATE", "EXCUSED", "ABSENT", "NO MARK"], style: .stacked, total: nil)
        case TableTitle.quotas:
            quotaBars(table)
        case funnelTitle:
            bars(table, series: ["PEOPLE"], style: .grouped, total: nil)
        case TableTitle.courses:
            bars(table, series: ["EXPECTED", "COMPLETED"], style: .grouped, total: total)
        case let title where title.hasPrefix("By "):
            bars(table, series: ["EXPECTED", "COMPLETED"], style: .grouped, total: total)
        default:
            nil
        }
    }

    /// Nominated → confirmed → attended → completed, from the cells of the report's nominations
    /// and completion tables; nil for a report without them (a period report).
    public static func funnel(_ report: Report) -> ReportTable? {
        let w = ReportWords(report.language)
        guard let nominations = report.table(id: TableTitle.nominations), let completion = report.table(id: TableTitle.completion),
            let nominated = cell(nominations, row: w("total"), column: "PEOPLE"),
            let attended = cell(completion, row: w("completion.attended"), column: "PEOPLE"),
            let completed = cell(completion, row: w("completion.completed"), column: "PEOPLE")
        else { return nil }
        // A status nobody has is left out of the nominations table: none confirmed.
        let confirmed = cell(nominations, row: w("status.confirmed"), column: "PEOPLE") ?? 0
        let stages = [("nominated", nominated), ("confirmed", confirmed), ("attended", attended), ("completed", completed)]
        return w.table(
            "funnel", columns: ["stage", "people", "ofNominated"],
            rows: stages.map { [w("stage.\($0.0)"), String($0.1), w.percent($0.1, of: nominated)] }, numeric: [1, 2],
            notes: [w("funnel.note")])
    }

    /// The whole number in the column whose id is `column` of the row labelled `row`.
    public static func cell(_ table: ReportTable, row: String, column: String) -> Int? {
        guard let c = table.columns.firstIndex(of: column), let r = table.row(row), c < r.count else { return nil }
        return Int(r[c])
    }

    /// Bars from the columns whose ids are `series`, leaving out the row labelled `total`.
    static func bars(_ table: ReportTable, series: [String], style: ReportChart.Style, total: String?) -> ReportChart? {
        let columns = series.compactMap { table.columns.firstIndex(of: $0) }
        guard columns.count == series.count, columns.allSatisfy({ $0 < table.header.count }) else { return nil }
        let rows = table.rows.filter { $0.first != total }
        var bars: [ReportChart.Bar] = []
        for row in rows {
            let values = columns.compactMap { $0 < row.count ? Int(row[$0]) : nil }
            guard values.count == columns.count, let label = row.first else { return nil }
            bars.append(.init(label: label, values: values))
        }
        return bars.isEmpty ? nil : ReportChart(table: table.title, style: style, series: columns.map { table.header[$0] }, bars: bars)
    }

    /// Quota lines print their places as "taken/limit".
    static func quotaBars(_ table: ReportTable) -> ReportChart? {
        guard let c = table.columns.firstIndex(of: "PLACES"), c < table.header.count else { return nil }
        var bars: [ReportChart.Bar] = []
        for row in table.rows {
            let parts = c < row.count ? row[c].split(separator: "/").map { Int($0) } : []
            guard parts.count == 2, let used = parts[0], let limit = parts[1], let label = row.first else { return nil }
            bars.append(.init(label: label, values: [used], limit: limit))
        }
        return bars.isEmpty ? nil : ReportChart(table: table.title, style: .quota, series: [table.header[c]], bars: bars)
    }
}
