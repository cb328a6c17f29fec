@testable import CourseKit
import Foundation
import Testing
import TestSupport

/// Reports, certificates and sign-in sheets in Spanish (issue 19): every word from the
/// catalogues, the charts still drawn from their tables, the page's language said.
@Suite struct SpanishReportTests {
    /// The English texts of `tables` that Spanish words differently, cut at their blanks
    /// ("Completion rule: %@" → "Completion rule:"), keeping pieces longer than three letters:
    /// any of them in a Spanish document is a word that bypassed the catalogue.
    static func englishPieces(_ tables: [String]) -> Set<String> {
        var pieces: Set<String> = []
        for table in tables {
            let english = Words(.en).entries(table: table), spanish = Words(.es).entries(table: table)
            for (key, text) in english where spanish[key] != text {
                let parts = text.split(separator: try! Regex("%(\\d\\$)?[@d]")).map { $0.trimmingCharacters(in: .whitespaces) }
                pieces.formUnion(parts.filter { $0.count > 3 })
            }
        }
        return pieces
    }

    /// The pieces of `tables` found in `document` as whole words ("PRESENT" is not in
    /// "PRESENTE"), for a failure to name.
    static func bypassed(_ document: String, _ tables: [String]) -> [String] {
        englishPieces(tables).filter { piece in
            let pattern = "(?<![\\p{L}])" + NSRegularExpression.escapedPattern(for: piece) + "(?![\\p{L}])"
            return document.range(of: pattern, options: .regularExpression) != nil
        }.sorted()
    }

    @Test func theCheckItselfFindsAnEnglishSentence() {
        #expect(Self.bypassed("Regla: Completion rule: 80%", ["Report"]) == ["Completion rule:"])
        #expect(Self.englishPieces(["Report"]).contains("Attendance per session"))
    }

    /// Every format of the RCM course's report, broken down every way, in Spanish.
    @Test func theReportHasNoEnglishWord() throws {
        let facts = try ReportTests().palau()
        let report = CourseReport.build(facts, by: ReportDimension.allCases, language: .es)
        for document in [report.markdown(), report.csv(), HTMLReport.render(report)] {
            #expect(Self.bypassed(document, ["Report"]) == [])
        }
        #expect(report.table(id: "Attendance per session")?.title == "Asistencia por sesión")
        #expect(report.summary.contains { $0.hasPrefix("Regla de finalización: 80 % de las sesiones") })
        let period = PeriodReport.build([facts], from: CalendarDate(iso: "2024-01-01"), to: nil, by: [.sex], language: .es)
        #expect(period.title == "Cursos desde el 1 de enero de 2024")
        #expect(Self.bypassed(HTMLReport.render(period) + period.markdown(), ["Report"]) == [])
    }

    /// The charts find their tables and columns by id: in Spanish every bar still equals its
    /// cell, and the figures are those of the English report.
    @Test func spanishChartsEqualTheirTables() throws {
        let facts = try ReportTests().palau()
        let spanish = CourseReport.build(facts, by: ReportDimension.allCases, language: .es)
        let html = HTMLReport.render(spanish)
        let bars = ChartBars.parse(html)
        #expect(ChartBars.mismatches(bars, tables: HTMLReportTests.plain(spanish)) == [])
        #expect(
            ChartBars.charts(html) == [
                "Asistencia por sesión", "Embudo de nominaciones", "Por sexo", "Por país", "Por institución",
                "Por tipo de institución", "Por función",
            ])
        let english = ChartBars.parse(HTMLReport.render(CourseReport.build(facts, by: ReportDimension.allCases)))
        #expect(bars.map(\.value) == english.map(\.value))
        #expect(bars.contains { $0.series == "AUSENCIA JUSTIFICADA" && $0.category == "d2-pm" && $0.value == 1 })
        #expect(html.contains("<html lang=\"es\">") && html.contains("Gráfico: Por sexo"))
        // The legends (y 16) end inside the chart, Spanish's longer words included.
        let legend = try Regex(#"<text x="(\d+)" y="16" text-anchor="start">([^<]*)</text>"#)
        #expect(html.matches(of: legend).count > 5)
        for match in html.matches(of: legend) {
            let x = Int(match.output[1].substring ?? "") ?? 0, name = match.output[2].substring ?? ""
            #expect(x + name.count * 7 <= SVGChart.width, "\(name) at \(x)")
        }
        #expect(HTMLReport.render(CourseReport.build(facts, by: [])).contains("<html lang=\"en\">"))
    }

    @Test func quotaChartsInSpanish() throws {
        let report = CourseReport.build(try ReportTests().rcm(), by: [], language: .es)
        let html = HTMLReport.render(report)
        let bars = ChartBars.parse(html).filter { $0.table == "Nominaciones frente a los cupos" }
        #expect(!bars.isEmpty && bars.allSatisfy { $0.series == "PLAZAS" })
        #expect(ChartBars.mismatches(bars, tables: HTMLReportTests.plain(report)) == [])
        #expect(html.contains("Plazas ocupadas") && !html.contains("Places taken"))
    }

    /// A certificate in Spanish, word for word.
    @Test func aSpanishCertificate() throws {
        let facts = try ReportTests().palau()
        let eligible = Certificates.eligible(facts)
        let first = try #require(eligible.first)
        assertSnapshot(Certificates.text([first], facts, .es), named: "certificate-es")
        let html = Certificates.html(eligible, facts, .es)
        #expect(html.contains("<html lang=\"es\">"))
        #expect(Self.bypassed(Certificates.text(eligible, facts, .es) + html, ["Certificate"]) == [])
        #expect(Certificates.listHeading(eligible.count, facts, .es).columns == ["CÓDIGO", "NOMBRE", "SESIONES", "INSTITUCIÓN"])
    }

    @Test func aSpanishSignInSheet() throws {
        let store = try importStore(TemporaryDirectory("sheet-es"), courses: ["palau-mmc-2024"])
        let facts = try CourseFacts.load(store, code: "palau-mmc-2024")
        let session = try store.courses.session(course: facts.course, key: "d1-am")
        let sheet = SignInSheet.build(facts, session: session, blankLines: 2, language: .es)
        let document = sheet.heading.joined(separator: "\n") + sheet.header.joined() + sheet.rows.flatMap { $0 }.joined() + sheet.html()
        #expect(Self.bypassed(document, ["SignIn"]) == [])
        #expect(sheet.heading[0].hasPrefix("Hoja de firmas — "))
        #expect(
            sheet.when.hasPrefix("mar 7 may 09:00")
                || sheet.when.hasPrefix(Language.es.shortDay(LocalTime.day(session.start, in: facts.course.zone))))
        #expect(sheet.html().contains("<html lang=\"es\">"))
        #expect(sheet.sheetID == SignInSheet.build(facts, session: session, blankLines: 2).sheetID)
    }
}
