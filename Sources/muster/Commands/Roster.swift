import ReportText
import ArgumentParser
import CourseKit
import Foundation

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv
}

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: CommandWords.text("rosterCommand.abstract"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("rosterCommand.course"), completion: ShellCompletion.courseCodes) var course: String
    @Option(help: CommandWords.help("rosterCommand.format")) var format: TableFormat = .text
    @Option(name: .shortAndLong, help: CommandWords.help("rosterCommand.output")) var output: String?
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let c = try store.courses.course(code: course)
            let roster = try store.rosters.roster(courseID: c.id!)
            let header = ["code", "given_name", "family_name", "sex", "country", "agency", "role", "status"]
            let rows = roster.map { e -> [String] in
                let p = e.person
                var status = e.enrolment.status.rawValue
                if let sub = e.enrolment.substitutedBy, let other = roster.first(where: { $0.person.id == sub }) {
                    status += " by \(other.person.code)"
                }
                return [
                    p.code, p.givenName, p.familyName, p.sex.rawValue, p.country,
                    e.agency?.shortName ?? "", e.enrolment.role.rawValue, status,
                ]
            }
            let text: String
            switch format {
            case .csv:
                text = CSVWriter().document(header: header, rows: rows)
            case .text:
                // The CSV's values are what scripts and other tools read; the table is for people,
                // in the run's language.
                let words = CommandWords.words
                text = TextTable.render(
                    header: CommandWords.header("roster", ["code", "name", "sex", "country", "agency", "role", "status"]),
                    rows: roster.map { e in
                        var status = words.term(e.enrolment.status)
                        if let sub = e.enrolment.substitutedBy, let other = roster.first(where: { $0.person.id == sub }) {
                            status = CommandWords.format("roster.substitutedBy", status, other.person.code)
                        }
                        return [
                            e.person.code, e.person.sortName, e.person.sex.letter, e.person.country, e.agency?.shortName ?? "",
                            words.term(e.enrolment.role), status,
                        ]
                    }, maxWidth: output == nil ? listing.maxWidth : nil, shrinkable: [1, 4, 5, 6])
            }
            try Self.emit(text, to: output)
        }
    }
}

extension ParsableCommand {
    /// A listing to standard output, or with `-o FILE` to a private file (``OutputFile``), so
    /// nobody needs a shell's `>`, which creates the file readable by everyone.
    static func emit(_ text: String, to output: String?) throws {
        if let output { try OutputFile.write(text, to: output) } else { print(text, terminator: "") }
    }
}
