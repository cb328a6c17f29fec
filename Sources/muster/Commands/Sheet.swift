import ReportText
import ArgumentParser
import CourseKit
import Foundation

enum PrintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html
}

struct Sheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("sheet.abstract"),
        discussion: CommandWords.text("sheet.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("sheet.course"), completion: ShellCompletion.courseCodes) var course: String
    @Argument(help: CommandWords.help("sheet.session"), completion: ShellCompletion.sessionKeys) var session: String
    @Option(help: CommandWords.help("sheet.format")) var format: PrintFormat = .text
    @Option(help: CommandWords.help("sheet.blank")) var blank = 5
    @Option(name: .shortAndLong, help: CommandWords.help("sheet.output")) var output: String?

    func run() throws {
        try reportingErrors {
            guard (0...200).contains(blank) else { throw MusterError.invalid(CommandWords.text("sheet.blankRange")) }
            let store = try library.open()
            let facts = try CourseFacts.load(store, code: course)
            let language = try library.language(course: facts.course.language)
            let sheet = SignInSheet.build(
                facts, session: try store.courses.session(course: facts.course, key: session), blankLines: blank, language: language)
            switch format {
            case .html:
                try OutputFile.write(sheet.html(), to: output)
            case .text:
                let rows = sheet.rows.map { row in row.enumerated().map { $0 == 4 ? String(repeating: "_", count: 24) : $1 } }
                try OutputFile.write(
                    sheet.heading.joined(separator: "\n") + "\n\n"
                        + TextTable.render(header: sheet.header, rows: rows, rightAligned: [0]), to: output)
            }
        }
    }
}
