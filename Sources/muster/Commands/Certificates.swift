import ReportText
import ArgumentParser
import CourseKit
import Foundation

struct CertificatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "List who is eligible for a certificate of attendance, and print one each.",
        discussion: """
            Eligible: participants and observers whose nomination stands (nominated or confirmed) and \
            who meet the course's completion rule (a share of the sessions present or late, and every \
            core session when the rule asks). Walk-ins are eligible once confirmed. HTML puts the list \
            on the first page and each certificate on a page of its own.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.", completion: ShellCompletion.courseCodes) var course: String
    @Option(help: "text or html.") var format: PrintFormat = .text
    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?
    @Option(help: "The certificates' language: en or es (default: $MUSTER_LANG, else the course file's language:, else the locale).")
    var lang: String?

    func run() throws {
        try reportingErrors {
            let facts = try CourseFacts.load(try library.open(), code: course)
            let language = try Language.choose(flag: lang, course: facts.course.language, environment: ProcessInfo.processInfo.environment)
            let eligible = Certificates.eligible(facts)
            switch format {
            case .html:
                try OutputFile.write(Certificates.html(eligible, facts, language), to: output)
            case .text:
                let heading = Certificates.listHeading(eligible.count, facts, language)
                var text = heading.line + "\n\n"
                if !eligible.isEmpty {
                    text += TextTable.render(
                        header: heading.columns,
                        rows: eligible.map { [$0.code, $0.name, "\($0.attended)/\($0.sessions)", $0.agency] },
                        rightAligned: [2])
                    text += "\n" + Certificates.text(eligible, facts, language)
                }
                try OutputFile.write(text, to: output)
            }
        }
    }
}
