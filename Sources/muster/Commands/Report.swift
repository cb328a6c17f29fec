import ArgumentParser
import CourseKit
import Foundation
import ReportText
import TerminalUI

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: CommandWords.text("reportCommand.abstract"),
        discussion: CommandWords.format(
            "reportCommand.discussion", ReportDimension.allCases.map(\.rawValue).joined(separator: ", ")))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("reportCommand.course"), completion: ShellCompletion.courseCodes) var course: String?
    @Flag(help: CommandWords.help("reportCommand.all")) var all = false
    @Option(help: CommandWords.help("reportCommand.from")) var from: String?
    @Option(help: CommandWords.help("reportCommand.to")) var to: String?
    @Option(help: CommandWords.help("reportCommand.by")) var by: String?
    @Option(help: CommandWords.help("reportCommand.format")) var format: ReportFormat = .text
    @Flag(help: CommandWords.help("reportCommand.bom")) var bom = false
    @Option(name: .shortAndLong, help: CommandWords.help("reportCommand.output")) var output: String?

    func run() throws {
        try reportingErrors {
            let dimensions = try ReportDimension.parseList(by ?? (format == .html ? "sex,country,agency-kind,role" : "sex,country"))
            let store = try library.open()
            let report: Report
            switch (course, all) {
            case (let code?, false):
                guard from == nil && to == nil else { throw MusterError.invalid(CommandWords.text("reportCommand.fromToWithAll")) }
                let facts = try CourseFacts.load(store, code: code)
                let language = try library.language(course: facts.course.language)
                report = CourseReport.build(facts, by: dimensions, language: language)
            case (nil, true):
                let language = try library.language()
                let facts = try store.courses.courses().map { try CourseFacts.load(store, code: $0.code) }
                report = PeriodReport.build(
                    facts, from: try date(from, "--from"), to: try date(to, "--to"), by: dimensions, language: language)
            default:
                throw MusterError.invalid(CommandWords.text("reportCommand.nameACourse"))
            }
            let text = format.render(report, bom: bom)
            try OutputFile.write(text, to: output)
        }
    }

    func date(_ text: String?, _ option: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let d = CalendarDate(iso: text) else {
            throw MusterError.invalid(CommandWords.format("reportCommand.notADate", option, text))
        }
        return d
    }
}
