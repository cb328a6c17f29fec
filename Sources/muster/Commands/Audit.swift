import ReportText
import ArgumentParser
import CourseKit
import Foundation

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("audit.abstract"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("audit.course"), completion: ShellCompletion.courseCodes) var course: String
    @Option(help: CommandWords.help("audit.format")) var format: TableFormat = .text
    @Option(name: .shortAndLong, help: CommandWords.help("audit.output")) var output: String?
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let zone = try store.courses.course(code: course).zone
            let entries = try store.privacy.audit(courseCode: course)
            let rows = entries.map {
                [LocalTime.iso8601($0.at, in: zone, milliseconds: true), $0.actor, $0.device, $0.source, $0.subject, $0.what]
            }
            let header = ["at", "actor", "device", "source", "subject", "what"]
            let width = output == nil ? listing.maxWidth : nil
            let text: String
            switch format {
            case .csv: text = CSVWriter().document(header: header, rows: rows)
            case .text:
                // To fit a terminal: the time to the minute, the device by the first 8 characters
                // of its id (enough to tell devices apart); --wide, -o and csv keep them whole.
                // The CSV keeps what happened in English, as scripts read it; the table says it
                // in the run's language.
                let language = CommandWords.language
                let said = zip(rows, entries).map { row, entry in
                    Array(row[0..<4]) + [entry.subject(in: language), entry.what(in: language)]
                }
                let shown =
                    width == nil
                    ? said
                    : zip(said, entries).map { row, entry in
                        [LocalTime.format(entry.at, in: zone), row[1], String(row[2].prefix(8))] + row[3...]
                    }
                text =
                    rows.isEmpty
                    ? CommandWords.format("audit.nothing", course) + "\n"
                    : TextTable.render(
                        header: CommandWords.header("audit", header), rows: shown, maxWidth: width, shrinkable: [5, 4, 1])
            }
            try Self.emit(text, to: output)
        }
    }
}
