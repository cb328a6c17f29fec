import ArgumentParser
import CourseKit
import Foundation
import ReportText

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring course files and rosters into the library.",
        subcommands: [ImportCourse.self, ImportRoster.self])
}

struct ImportCourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Import a course file (YAML); an existing course with the same code is updated.",
        discussion: "The import is one transaction: on any error nothing is changed.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course file.") var file: String
    @Flag(help: "Import people who were erased before (only when they asked to be registered again).")
    var allowErased = false

    func run() throws {
        try reportingErrors {
            let summary = try TerminalText.withProgress("Importing \((file as NSString).lastPathComponent)") { progress in
                progress("reading", 0, of: nil, "")
                let parsed = try CourseFileCodec.read(path: file)
                return try library.open().courses.importCourse(parsed, allowErased: allowErased, progress: progress)
            }
            print(
                "\(summary.created ? "imported" : "updated") \(summary.course): \(summary.sessions) sessions, "
                    + "\(summary.participants) participants (\(summary.newPeople) new people)")
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write course files and attendance.",
        subcommands: [ExportCourse.self, ExportAttendance.self])
}

struct ExportCourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: "Write a course as a course file (the format 'import course' reads).")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.", completion: ShellCompletion.courseCodes) var course: String
    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let text = try TerminalText.withProgress("Exporting \(course)") { progress in
                try store.courses.exportCourse(code: course, progress: progress)
            }
            try OutputFile.write(text, to: output)
        }
    }
}

enum AttendanceFormat: String, ExpressibleByArgument, CaseIterable { case csv, tsv, json }
enum AttendanceLayout: String, ExpressibleByArgument, CaseIterable { case long, wide }

struct ExportAttendance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Write a course's attendance: long (one row per participant × session with a mark) or wide (a matrix).",
        discussion: """
            Long columns: \(AttendanceExport.longColumns.joined(separator: ",")). The long layout \
            re-imports without loss ('muster import roster COURSE FILE'). Wide: one row per person, one \
            column per session (P, L, E, A or empty), then attended, sessions, rate_percent, completed, \
            missed_core by the course's completion rule.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.", completion: ShellCompletion.courseCodes) var course: String
    @Option(help: "long or wide.") var layout: AttendanceLayout = .long
    @Option(help: "csv, tsv or json.") var format: AttendanceFormat = .csv
    @Flag(help: "Start CSV or TSV with a byte-order mark, for Excel.") var bom = false
    @Flag(help: "Long layout: also write a row, with an empty status, for every participant × session without a mark.")
    var includeUnmarked = false
    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let kind = ExportFormat(rawValue: format.rawValue) ?? .csv
            let document = try TerminalText.withProgress("Exporting \(course)") { progress in
                let header: [String], rows: [[String]]
                switch layout {
                case .long:
                    header = AttendanceExport.longColumns
                    rows = try AttendanceExport.longRows(
                        store: store, courseCode: course, includeUnmarked: includeUnmarked, progress: progress)
                case .wide:
                    progress("reading the course", 0, of: nil, "")
                    let facts = try CourseFacts.load(store, code: course)
                    header = WideAttendanceExport.columns(facts)
                    rows = WideAttendanceExport.rows(facts, progress: progress)
                }
                return TableDocument.render(header: header, rows: rows, format: kind, bom: bom)
            }
            try OutputFile.write(document, to: output)
        }
    }
}
