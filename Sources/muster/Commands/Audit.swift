import ReportText
import ArgumentParser
import CourseKit
import Foundation

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every change recorded in a course: who, on which device, when, from where, and what.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.") var course: String
    @Option(help: "text or csv.") var format: TableFormat = .text

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let zone = try store.courses.course(code: course).zone
            let rows = try store.privacy.audit(courseCode: course).map {
                [LocalTime.iso8601($0.at, in: zone, milliseconds: true), $0.actor, $0.device, $0.source, $0.subject, $0.what]
            }
            let header = ["at", "actor", "device", "source", "subject", "what"]
            switch format {
            case .csv: print(CSVWriter().document(header: header, rows: rows), terminator: "")
            case .text:
                print(
                    rows.isEmpty
                        ? "Nothing recorded in \(course) yet.\n"
                        : TextTable.render(header: header.map { $0.uppercased() }, rows: rows), terminator: "")
            }
        }
    }
}
