import ReportText
import ArgumentParser
import CourseKit
import Foundation

struct CertificatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: CommandWords.text("certificatesCommand.abstract"),
        discussion: CommandWords.text("certificatesCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("certificatesCommand.course"), completion: ShellCompletion.courseCodes) var course: String
    @Option(help: CommandWords.help("certificatesCommand.format")) var format: PrintFormat = .text
    @Option(name: .shortAndLong, help: CommandWords.help("certificatesCommand.output")) var output: String?

    func run() throws {
        try reportingErrors {
            let facts = try CourseFacts.load(try library.open(), code: course)
            let language = try library.language(course: facts.course.language)
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
