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
                text = TextTable.render(
                    header: ["CODE", "NAME", "SEX", "COUNTRY", "AGENCY", "ROLE", "STATUS"],
                    rows: zip(roster, rows).map { e, r in
                        [r[0], e.person.sortName, e.person.sex.letter, r[4], r[5], r[6], r[7]]
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
