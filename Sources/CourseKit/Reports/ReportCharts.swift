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

    /// The title of the table the numbers come from.
    public var table: String
    public var style: Style
    /// The table's column headers the values come from ("PRESENT", "EXPECTED").
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
    /// cells that are not whole numbers (a table made elsewhere, laid out differently).
    public static func chart(for table: ReportTable) -> ReportChart? {
        switch table.title {
        case TableTitle.attendance:
            bars(table, series: ["PRESENT", "LATE", "EXCUSED", "ABSENT", "NO MARK"], style: .stacked, total: false)
        case TableTitle.quotas:
            quotaBars(table)
        case funnelTitle:
            bars(table, series: ["PEOPLE"], style: .grouped, total: false)
        case TableTitle.courses:
            bars(table, series: ["EXPECTED", "COMPLETED"], style: .grouped, total: true)
        case let title where title.hasPrefix("By "):
            bars(table, series: ["EXPECTED", "COMPLETED"], style: .grouped, total: true)
        default:
            nil
        }
    }

    /// Nominated → confirmed → attended → completed, from the cells of the report's nominations
    /// and completion tables; nil for a report without them (a period report).
    public static func funnel(_ report: Report) -> ReportTable? {
        guard let nominations = report.table(TableTitle.nominations), let completion = report.table(TableTitle.completion),
            let nominated = cell(nominations, row: "Total", column: "PEOPLE"),
            let attended = cell(completion, row: "Attended at least one session", column: "PEOPLE"),
            let completed = cell(completion, row: "Completed", column: "PEOPLE")
        else { return nil }
        // A status nobody has is left out of the nominations table: none confirmed.
        let confirmed = cell(nominations, row: "Confirmed", column: "PEOPLE") ?? 0
        let stages = [("Nominated", nominated), ("Confirmed", confirmed), ("Attended", attended), ("Completed", completed)]
        return ReportTable(
            title: funnelTitle, header: ["STAGE", "PEOPLE", "OF NOMINATED"],
            rows: stages.map { [$0.0, String($0.1), Percent.text($0.1, of: nominated)] }, numeric: [1, 2],
            notes: [
                "Participants and observers: all nominated, those confirmed, those expected who attended at least "
                    + "one session, and those who completed (the nominations and completion tables)."
            ])
    }

    /// The whole number in `column` of the row labelled `row`.
    public static func cell(_ table: ReportTable, row: String, column: String) -> Int? {
        guard let c = table.header.firstIndex(of: column), let r = table.row(row), c < r.count else { return nil }
        return Int(r[c])
    }

    static func bars(_ table: ReportTable, series: [String], style: ReportChart.Style, total: Bool) -> ReportChart? {
        let columns = series.compactMap { table.header.firstIndex(of: $0) }
        guard columns.count == series.count else { return nil }
        let rows = total ? table.rows.filter { $0.first != "Total" } : table.rows
        var bars: [ReportChart.Bar] = []
        for row in rows {
            let values = columns.compactMap { $0 < row.count ? Int(row[$0]) : nil }
            guard values.count == columns.count, let label = row.first else { return nil }
            bars.append(.init(label: label, values: values))
        }
        return bars.isEmpty ? nil : ReportChart(table: table.title, style: style, series: series, bars: bars)
    }

    /// Quota lines print their places as "taken/limit".
    static func quotaBars(_ table: ReportTable) -> ReportChart? {
        guard let c = table.header.firstIndex(of: "PLACES") else { return nil }
        var bars: [ReportChart.Bar] = []
        for row in table.rows {
            let parts = c < row.count ? row[c].split(separator: "/").map { Int($0) } : []
            guard parts.count == 2, let used = parts[0], let limit = parts[1], let label = row.first else { return nil }
            bars.append(.init(label: label, values: [used], limit: limit))
        }
        return bars.isEmpty ? nil : ReportChart(table: table.title, style: .quota, series: ["PLACES"], bars: bars)
    }
}
