import ArgumentParser
import CourseKit
import Foundation

/// `muster course …`: commands on one course as a whole.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: CommandWords.text("courseCommand.abstract"),
        subcommands: [CourseCopyCommand.self])
}

/// `muster course copy FROM TO --start DATE [--with-roster]`.
struct CourseCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: CommandWords.text("courseCopyCommand.abstract"),
        discussion: CommandWords.text("courseCopyCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("courseCopyCommand.from")) var from: String
    @Argument(help: CommandWords.help("courseCopyCommand.to")) var to: String
    @Option(help: CommandWords.help("courseCopyCommand.start")) var start: String
    @Flag(help: CommandWords.help("courseCopyCommand.withRoster")) var withRoster = false

    func run() throws {
        try reportingErrors {
            guard let day = CalendarDate(iso: start) else {
                throw MusterError.invalid(CommandWords.format("courseCopy.notADate", NameSanitizer.clean(start)))
            }
            let store = try library.open()
            let copy = try store.courses.copyCourse(from: from, to: to, start: day, withRoster: withRoster)
            let course = try store.courses.course(code: to)
            let language = CommandWords.language
            var line = CommandWords.format(
                copy.imported.sessions == 1 ? "courseCopy.done.one" : "courseCopy.done", from, to,
                CalendarDate.rangeText(course.startDate, course.endDate, language), copy.imported.sessions, copy.shiftedDays)
            if withRoster {
                line += CommandWords.format("courseCopy.nominated", copy.imported.participants)
                if copy.leftOut > 0 { line += CommandWords.format("courseCopy.leftOut", copy.leftOut) }
            }
            print(line + ".")
        }
    }
}
