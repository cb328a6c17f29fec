import Foundation

/// A report as one printable HTML document (`muster report --format html`): every table of the
/// text report, in order, each with its chart above it where it has one (``ReportCharts``), and
/// the nomination funnel after the completion table. No script, no network, system fonts; A4,
/// with charts kept whole across page breaks.
public enum HTMLReport {
    public static func render(_ report: Report) -> String {
        var tables = report.tables
        let w = ReportWords(report.language)
        if let funnel = ReportCharts.funnel(report),
            let at = tables.firstIndex(where: { $0.id == TableTitle.completion })
        {
            tables.insert(funnel, at: at + 1)
        }
        let body =
            "<header>\n<h1>\(HTML.escape(report.title))</h1>\n"
            + report.summary.map { "<p class=\"summary\">\(HTML.escape($0))</p>\n" }.joined() + "</header>\n"
            + tables.enumerated().map { section($1, id: "t\($0 + 1)", w) }.joined()
        return HTML.page(title: report.title, style: style, body: body, language: report.language)
    }

    /// A table's heading, chart and table kept together when they fit a page; the table's rows
    /// may run on to the next page, its header repeated.
    static func section(_ table: ReportTable, id: String, _ w: ReportWords) -> String {
        let chart = ReportCharts.chart(for: table, language: w.language).map { chart in
            "<figure>\n" + SVGChart.svg(chart, id: id, title: w.format("chart.title", table.title), w) + "\n"
                + "<figcaption>\(HTML.escape(w("chart.caption")))</figcaption>\n</figure>\n"
        }
        let head = "<h2 id=\"\(id)-heading\">\(HTML.escape(table.title))</h2>\n" + (chart ?? "")
        // A short table moves to the next page whole rather than leave its top rows behind.
        let whole = table.rows.count <= 6 ? " class=\"whole\"" : ""
        return """
            <section aria-labelledby="\(id)-heading"\(whole)>
            <div class="keep">
            \(head)</div>
            \(tableHTML(table, id: id))
            \(table.notes.map { "<p class=\"note\">\(HTML.escape($0))</p>" }.joined(separator: "\n"))
            </section>

            """
    }

    /// The table with its first column as row headers, figures right-aligned.
    static func tableHTML(_ table: ReportTable, id: String) -> String {
        func cell(_ text: String, _ column: Int, header: Bool) -> String {
            let align = table.numeric.contains(column) ? " class=\"num\"" : ""
            if header { return "<th scope=\"col\"\(align)>\(HTML.escape(text))</th>" }
            if column == 0 { return "<th scope=\"row\">\(HTML.escape(text))</th>" }
            return "<td\(align)>\(HTML.escape(text))</td>"
        }
        let head = "<tr>" + table.header.enumerated().map { cell($1, $0, header: true) }.joined() + "</tr>"
        let rows = table.rows.map { row in
            "<tr>" + row.enumerated().map { cell($1, $0, header: false) }.joined() + "</tr>"
        }
        return """
            <table id="\(id)-table">
            <thead>\(head)</thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
    }

    static let style = """
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-size: 9.5pt; line-height: 1.3; margin: 0; }
        h1 { font-size: 16pt; margin: 0 0 4pt; }
        h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
        .summary { margin: 0 0 2pt; }
        .keep, figure, tr, .whole { break-inside: avoid; }
        figure { margin: 0 0 4pt; }
        figcaption { font-size: 8pt; color: #333; }
        svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
        svg.chart text { fill: #000; }
        svg.chart text.on-black { fill: #fff; }
        svg.chart text.halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        table { border-collapse: collapse; width: 100%; margin: 2pt 0; }
        thead { display: table-header-group; }
        th, td { border-bottom: 0.5pt solid #777; padding: 1.5pt 4pt; text-align: left; vertical-align: top; }
        thead th { border-bottom: 1pt solid #000; font-size: 8pt; }
        tbody th { font-weight: normal; }
        td { white-space: nowrap; }
        /* A title at the end takes the room left, wrapping; figures and dates stay on one line. */
        td:last-child { white-space: normal; }
        .num { width: 1%; text-align: right; font-variant-numeric: tabular-nums; }
        .note { font-size: 8pt; color: #333; margin: 2pt 0 0; }
        """
}
