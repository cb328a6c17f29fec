import ArgumentParser
import CourseKit
import Foundation

/// `muster course …`: commands on one course as a whole.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: "Work on one course as a whole: copy it to make its next run.",
        subcommands: [CourseCopyCommand.self])
}

/// `muster course copy FROM TO --start DATE [--with-roster]`.
struct CourseCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Make a course's next run: the same sessions, agencies, quotas and rules, every date moved.",
        discussion: """
            Sessions keep their times of day in their time zone and move by whole days so the copy \
            starts on --start; the start year in the title follows. The old run's sources and \
            assumptions are not copied. With --with-roster, the people who took part (nominated, \
            confirmed, walk-in) are nominated to the new run with their role and nominating agency; \
            erased people, and those who declined, withdrew, were substituted or waitlisted, are \
            left off. No attendance is copied.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course to copy (see 'muster courses').") var from: String
    @Argument(help: "The new course's code: lower-case letters, digits and hyphens.") var to: String
    @Option(help: "The new run's first day, YYYY-MM-DD.") var start: String
    @Flag(help: "Nominate the people who took part in the old run to the new one.") var withRoster = false

    func run() throws {
        try reportingErrors {
            guard let day = CalendarDate(iso: start) else {
                throw MusterError.invalid("--start '\(NameSanitizer.clean(start))' is not a date like 2025-05-06")
            }
            let store = try library.open()
            let copy = try store.courses.copyCourse(from: from, to: to, start: day, withRoster: withRoster)
            let course = try store.courses.course(code: to)
            var line =
                "Copied \(from) to \(to): \(CalendarDate.rangeText(course.startDate, course.endDate)), "
                + "\(copy.imported.sessions) session\(copy.imported.sessions == 1 ? "" : "s") moved \(copy.shiftedDays) days"
            if withRoster {
                line += ", \(copy.imported.participants) nominated"
                if copy.leftOut > 0 { line += " (\(copy.leftOut) left off: erased, declined, withdrawn, substituted or waitlisted)" }
            }
            print(line + ".")
        }
    }
}
