@testable import CourseKit
import Foundation
import Testing
import TestSupport

/// The HTML report: its charts say what the report's tables say, every table is in it, and no
/// name can become markup. (HTMLReportChromiumTests prints the shipped courses in Chromium.)
@Suite struct HTMLReportTests {
    static func plain(_ report: Report) -> [String: PlainTable] {
        Dictionary(report.tables.map { ($0.title, PlainTable(header: $0.header, rows: $0.rows)) }) { a, _ in a }
    }

    /// Palau with the marks ReportTests counted by hand, broken down every way.
    @Test func palauChartsEqualTheTables() throws {
        let report = CourseReport.build(try ReportTests().palau(), by: ReportDimension.allCases)
        let html = HTMLReport.render(report)
        let bars = ChartBars.parse(html)
        #expect(ChartBars.mismatches(bars, tables: Self.plain(report)) == [])
        // The check itself notices a figure that differs.
        var altered = Self.plain(report)
        altered["Attendance per session"]?.rows[3][4] = "9"
        #expect(ChartBars.mismatches(bars, tables: altered) == ["Attendance per session / d2-pm / EXCUSED = 1: the table says 9"])
        #expect(
            ChartBars.charts(html) == [
                "Attendance per session", "Nomination funnel", "By sex", "By country", "By agency", "By agency kind", "By role",
            ])
        // Every figure is drawn: five statuses for each of six sessions, two bars per group.
        #expect(bars.filter { $0.table == "Attendance per session" }.count == 6 * 5)
        for dimension in ReportDimension.allCases {
            let table = try #require(report.table("By \(dimension.title.lowercased())"))
            #expect(bars.filter { $0.table == table.title }.count == 2 * (table.rows.count - 1))
        }
        #expect(bars.contains(ChartBar(table: "Attendance per session", category: "d2-pm", series: "EXCUSED", value: 1)))
        let funnel = bars.filter { $0.table == "Nomination funnel" }.map { "\($0.category) \($0.value)" }
        #expect(funnel == ["Nominated 30", "Confirmed 26", "Attended 27", "Completed 25"])
        // Every table of the text report is in the page, with its numbers.
        for table in report.tables {
            #expect(html.contains("<h2 id=\"t") && html.contains(">\(HTML.escape(table.title))</h2>"))
            for row in table.rows { #expect(html.contains("<th scope=\"row\">\(HTML.escape(row[0]))</th>")) }
        }
    }

    @Test func quotasAndPeriodCharts() throws {
        let quotas = ReportTable(
            title: "Nominations against quotas", header: ["COUNTRY", "PLACES", "FILLED", "NOTE", "OF WHICH"],
            rows: [["Belize", "5/5", "100%", "full", ""], ["Guatemala", "6/5", "120%", "over by 1", ""]], numeric: [1, 2])
        let report = Report(title: "Q", summary: [], tables: [quotas])
        let bars = ChartBars.parse(HTMLReport.render(report))
        #expect(
            bars.map(\.description) == [
                "Nominations against quotas / Belize / PLACES = 5/5", "Nominations against quotas / Guatemala / PLACES = 6/5",
            ])
        #expect(ChartBars.mismatches(bars, tables: Self.plain(report)) == [])

        let period = PeriodReport.build([try ReportTests().palau()], from: nil, to: nil, by: [.sex])
        let html = HTMLReport.render(period)
        #expect(ChartBars.charts(html) == ["Courses", "By sex"])
        #expect(ChartBars.mismatches(ChartBars.parse(html), tables: Self.plain(period)) == [])
    }

    /// Labels too long for the space left of the bars are cut, wide characters counting double;
    /// the bar's figures keep the whole label.
    @Test func longLabelsAreCutByWidth() {
        #expect(SVGChart.shortLabel("Saint Vincent and the Grenadines") == "Saint Vincent and the Gr…")
        #expect(SVGChart.shortLabel("Trinidad and Tobago") == "Trinidad and Tobago")
        let han = String(repeating: "李小龍", count: 5)
        #expect(SVGChart.shortLabel(han) == String(han.prefix(12)) + "…")
        let table = ReportTable(
            title: "By agency", header: ["AGENCY", "EXPECTED", "COMPLETED"], rows: [[han, "2", "1"], ["Total", "2", "1"]])
        let html = HTMLReport.render(Report(title: "x", summary: [], tables: [table]))
        #expect(html.contains(">\(String(han.prefix(12)))…</text>"))
        #expect(ChartBars.parse(html).map(\.category) == [han, han])
    }

    /// A table whose cells are not whole numbers gets no chart rather than a wrong one.
    @Test func noChartFromCellsThatAreNotNumbers() {
        let odd = ReportTable(title: "By sex", header: ["SEX", "EXPECTED", "COMPLETED"], rows: [["Female", "–", "3"]])
        #expect(ReportCharts.chart(for: odd) == nil)
        #expect(ChartBars.charts(HTMLReport.render(Report(title: "x", summary: [], tables: [odd]))) == [])
    }

    /// Names reach the page from the roster (countries, agencies, session titles, the course's
    /// title): markup, entities, bidi overrides and control characters stay text; Persian with its
    /// zero-width non-joiner stays whole.
    @Test func hostileNamesStayText() {
        let hostile = "<script>alert(1)</script> & \"Q\" 'x' \u{202E}gnp.exe\u{7}"
        let persian = "محمد\u{200C}رضا"
        let report = Report(
            title: "Course \(hostile)", summary: ["Venue: \(hostile)"],
            tables: [
                ReportTable(
                    title: "By agency", header: ["AGENCY", "NOMINATED", "EXPECTED", "COMPLETED"],
                    rows: [[hostile, "3", "2", "1"], [persian, "1", "1", "0"], ["Total", "4", "3", "1"]], numeric: [1, 2, 3],
                    notes: [hostile])
            ])
        let html = HTMLReport.render(report)
        #expect(!html.contains("<script"))
        #expect(!html.contains("\u{202E}") && !html.contains("\u{7}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q&quot; &#39;x&#39;"))
        #expect(html.contains(persian))
        // Nothing fetched: the only URL is the SVG namespace, which is a name, not a request.
        #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http") == false)
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import"))
        let bars = ChartBars.parse(html)
        #expect(bars.map(\.category).contains(NameSanitizer.clean(hostile)))
        #expect(bars.map(\.category).contains(persian))
        #expect(
            ChartBars.mismatches(
                bars,
                tables: [
                    "By agency": PlainTable(
                        header: report.tables[0].header, rows: report.tables[0].rows.map { $0.map(NameSanitizer.clean) })
                ]) == [])
    }
}
