import ArgumentParser
import CourseKit
import Foundation
import ReportText
import TerminalUI

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report a course (or every course in a period): nominations against quotas, attendance, completion, certificates.",
        discussion: """
            Figures count participants and observers; rates are of those whose nomination stands \
            (nominated, confirmed, walk-in). --by breaks them down by \
            \(ReportDimension.allCases.map(\.rawValue).joined(separator: ", ")). Text pastes into a \
            report with its columns aligned; markdown and csv are for documents and spreadsheets; \
            html is a self-contained A4 document to print or save as PDF from a browser, each table \
            with a chart (attendance per session, the nomination funnel, quotas, the breakdowns), \
            broken down by sex, country, agency-kind and role unless --by says otherwise.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code (or --all).", completion: ShellCompletion.courseCodes) var course: String?
    @Flag(help: "Every course, or those overlapping --from/--to.") var all = false
    @Option(help: "With --all: courses ending on or after this date (YYYY-MM-DD).") var from: String?
    @Option(help: "With --all: courses starting on or before this date (YYYY-MM-DD).") var to: String?
    @Option(help: "Breakdowns, comma-separated (default: sex,country; with html: sex,country,agency-kind,role).") var by: String?
    @Option(help: "text, markdown, csv or html.") var format: ReportFormat = .text
    @Flag(help: "With csv: start with a byte-order mark (for Excel).") var bom = false
    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?
    @Option(
        help:
            "The report's language: en or es (default: $MUSTER_LANG, else the course file's language: for one course, else the locale)."
    )
    var lang: String?

    func run() throws {
        try reportingErrors {
            let dimensions = try ReportDimension.parseList(by ?? (format == .html ? "sex,country,agency-kind,role" : "sex,country"))
            let store = try library.open()
            let report: Report
            let environment = ProcessInfo.processInfo.environment
            switch (course, all) {
            case (let code?, false):
                guard from == nil && to == nil else { throw MusterError.invalid("--from and --to go with --all") }
                let facts = try CourseFacts.load(store, code: code)
                let language = try Language.choose(flag: lang, course: facts.course.language, environment: environment)
                report = CourseReport.build(facts, by: dimensions, language: language)
            case (nil, true):
                let language = try Language.choose(flag: lang, environment: environment)
                let facts = try store.courses.courses().map { try CourseFacts.load(store, code: $0.code) }
                report = PeriodReport.build(
                    facts, from: try date(from, "--from"), to: try date(to, "--to"), by: dimensions, language: language)
            default:
                throw MusterError.invalid("name one course, or use --all")
            }
            let text = format.render(report, bom: bom)
            try OutputFile.write(text, to: output)
        }
    }

    func date(_ text: String?, _ option: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let d = CalendarDate(iso: text) else { throw MusterError.invalid("\(option) '\(text)' is not a date (YYYY-MM-DD)") }
        return d
    }
}
