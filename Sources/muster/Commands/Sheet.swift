import ReportText
import ArgumentParser
import CourseKit
import Foundation

enum PrintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html
}

struct Sheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a session's sign-in sheet: codes, names, agencies and room to sign.",
        discussion: """
            The paper fallback when the laptop dies. Everyone expected in the room (staff too) is listed \
            by family name with a row number and their participant code, then numbered blank lines for \
            walk-ins. Under the title is the sheet's id, which changes when the roster would renumber \
            the rows. To type the marks back: '#' on the session's roll call, the sheet id, then the row \
            number and a letter ('19 p'), a code ('PW-019 p'), or a walk-in ('+ Given Family, Country p'); \
            or 'muster mark COURSE SESSION CODE present'. HTML prints on A4.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.", completion: ShellCompletion.courseCodes) var course: String
    @Argument(help: "The session's short id (see 'muster sessions COURSE').", completion: ShellCompletion.sessionKeys) var session: String
    @Option(help: "text or html.") var format: PrintFormat = .text
    @Option(help: "Blank lines for walk-ins.") var blank = 5
    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?
    @Option(help: "The sheet's language: en or es (default: $MUSTER_LANG, else the course file's language:, else the locale).")
    var lang: String?

    func run() throws {
        try reportingErrors {
            guard (0...200).contains(blank) else { throw MusterError.invalid("--blank must be between 0 and 200") }
            let store = try library.open()
            let facts = try CourseFacts.load(store, code: course)
            let language = try Language.choose(flag: lang, course: facts.course.language, environment: ProcessInfo.processInfo.environment)
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
