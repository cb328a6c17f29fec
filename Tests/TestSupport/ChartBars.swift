import Foundation

/// The figures an HTML report's charts carry, read back from its markup (as written, or as
/// Chromium serialises it with `--dump-dom`), and checked against a report's tables: the test that
/// a chart says what the text report says. Tables are plain titles, headers and rows here, so the
/// same check serves a `Report` in process and the CSV the binary writes.
public struct ChartBar: Sendable, Equatable, CustomStringConvertible {
    public var table: String
    public var category: String
    public var series: String
    public var value: Int
    public var limit: Int?

    public init(table: String, category: String, series: String, value: Int, limit: Int? = nil) {
        self.table = table; self.category = category; self.series = series; self.value = value; self.limit = limit
    }

    public var description: String { "\(table) / \(category) / \(series) = \(value)\(limit.map { "/\($0)" } ?? "")" }
}

public struct PlainTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) { self.header = header; self.rows = rows }

    public func cell(_ row: String, _ column: String) -> String? {
        guard let c = header.firstIndex(of: column), let r = rows.first(where: { $0.first == row }), c < r.count else { return nil }
        return r[c]
    }
}

public enum ChartBars {
    /// Every bar of every chart, in page order.
    public static func parse(_ html: String) -> [ChartBar] {
        var bars: [ChartBar] = []
        for chart in html.components(separatedBy: "<svg ").dropFirst() {
            guard let table = attribute("data-table", in: chart.prefix { $0 != ">" }) else { continue }
            let body = chart.components(separatedBy: "</svg>")[0]
            for rect in body.components(separatedBy: "<rect ").dropFirst() {
                let tag = String(rect.prefix { $0 != ">" })
                guard tag.contains("class=\"bar\""), let category = attribute("data-category", in: tag),
                    let series = attribute("data-series", in: tag), let value = attribute("data-value", in: tag).flatMap({ Int($0) })
                else { continue }
                bars.append(
                    ChartBar(
                        table: table, category: category, series: series, value: value,
                        limit: attribute("data-limit", in: tag).flatMap { Int($0) }))
            }
        }
        return bars
    }

    /// The charts' titles (their `data-table`), in page order.
    public static func charts(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().compactMap { attribute("data-table", in: $0.prefix { $0 != ">" }) }
    }

    /// A funnel chart's stages, in each language a report is printed in: the table and row
    /// each stage's figure comes from, the column it is in, and the stage a table may leave out.
    struct Funnel {
        var stages: [String: (table: String, row: String)] = [:]
        let column: String
        let optional: String
    }

    /// Each stage (stage, table, row) in English, then in Spanish.
    static let stages: [[(String, String, String)]] = [
        [("Nominated", "Nominations", "Total"), ("Nominadas", "Nominaciones", "Total")],
        [("Confirmed", "Nominations", "Confirmed"), ("Confirmadas", "Nominaciones", "Confirmada")],
        [
            ("Attended", "Completion and certificates", "Attended at least one session"),
            ("Asistieron", "Finalización y certificados", "Asistieron al menos a una sesión"),
        ],
        [
            ("Completed", "Completion and certificates", "Completed"),
            ("Finalizaron", "Finalización y certificados", "Finalizaron el curso"),
        ],
    ]

    static let funnels: [String: Funnel] = {
        let charts = [
            ("Nomination funnel", Funnel(column: "PEOPLE", optional: "Confirmed")),
            ("Embudo de nominaciones", Funnel(column: "PERSONAS", optional: "Confirmadas")),
        ]
        return Dictionary(
            uniqueKeysWithValues: charts.enumerated().map { language, chart in
                var funnel = chart.1
                for stage in stages { funnel.stages[stage[language].0] = (stage[language].1, stage[language].2) }
                return (chart.0, funnel)
            })
    }()

    /// What disagrees between the bars and the tables, one line each (empty when all agree). A
    /// quota bar is its PLACES cell "taken/limit"; the funnel's stages are cells of the
    /// nominations and completion tables; any other bar is the cell in its row and column.
    public static func mismatches(_ bars: [ChartBar], tables: [String: PlainTable]) -> [String] {
        bars.compactMap { bar in
            let expected: String?
            if let funnel = funnels[bar.table] {
                let (table, row) = funnel.stages[bar.category] ?? ("", "")
                // The nominations table leaves out a status nobody has.
                expected = tables[table]?.cell(row, funnel.column) ?? (bar.category == funnel.optional ? "0" : nil)
            } else {
                expected = tables[bar.table]?.cell(bar.category, bar.series)
            }
            let shown = bar.limit.map { "\(bar.value)/\($0)" } ?? String(bar.value)
            return expected == shown ? nil : "\(bar): the table says \(expected ?? "nothing")"
        }
    }

    static func attribute(_ name: String, in tag: some StringProtocol) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return unescape(String(rest[..<end]))
    }

    /// The entities Muster writes and Chromium's serialiser writes in attributes.
    public static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
    }
}
