import ArgumentParser
import CourseKit
import Foundation
import ReportText

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: CommandWords.text("importCommand.abstract"),
        subcommands: [ImportCourse.self, ImportRoster.self])
}

struct ImportCourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: CommandWords.text("importCourse.abstract"),
        discussion: CommandWords.text("importCourse.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("importCourse.file")) var file: String
    @Flag(help: CommandWords.help("importCourse.allowErased"))
    var allowErased = false

    func run() throws {
        try reportingErrors {
            let summary = try TerminalText.withProgress(CommandWords.format("progress.importing", (file as NSString).lastPathComponent)) {
                progress in
                progress("reading", 0, of: nil, "")
                let parsed = try CourseFileCodec.read(path: file)
                return try library.open().courses.importCourse(parsed, allowErased: allowErased, progress: progress)
            }
            print(
                CommandWords.format(
                    summary.created ? "importCourse.created" : "importCourse.updated", summary.course, summary.sessions,
                    summary.participants, summary.newPeople))
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: CommandWords.text("exportCommand.abstract"),
        subcommands: [ExportCourse.self, ExportAttendance.self])
}

struct ExportCourse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: CommandWords.text("exportCourse.abstract"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("exportCourse.course"), completion: ShellCompletion.courseCodes) var course: String
    @Option(name: .shortAndLong, help: CommandWords.help("exportCourse.output")) var output: String?

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let text = try TerminalText.withProgress(CommandWords.format("progress.exporting", course)) { progress in
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
        abstract: CommandWords.text("exportAttendance.abstract"),
        discussion: CommandWords.format("exportAttendance.discussion", AttendanceExport.longColumns.joined(separator: ",")))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("exportAttendance.course"), completion: ShellCompletion.courseCodes) var course: String
    @Option(help: CommandWords.help("exportAttendance.layout")) var layout: AttendanceLayout = .long
    @Option(help: CommandWords.help("exportAttendance.format")) var format: AttendanceFormat = .csv
    @Flag(help: CommandWords.help("exportAttendance.bom")) var bom = false
    @Flag(help: CommandWords.help("exportAttendance.includeUnmarked"))
    var includeUnmarked = false
    @Option(name: .shortAndLong, help: CommandWords.help("exportAttendance.output")) var output: String?

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let kind = ExportFormat(rawValue: format.rawValue) ?? .csv
            let document = try TerminalText.withProgress(CommandWords.format("progress.exporting", course)) { progress in
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
