import ArgumentParser
import CourseKit
import Foundation

struct Courses: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the courses: code, title, dates, sessions, enrolled.")
    @OptionGroup var library: LibraryOptions

    func run() throws {
        try reportingErrors {
            let summaries = try library.open().courseSummaries()
            if summaries.isEmpty {
                print("No courses yet. Add one with 'muster import course FILE'.")
                return
            }
            print(TextTable.render(
                header: ["CODE", "TITLE", "DATES", "SESSIONS", "ENROLLED"],
                rows: summaries.map { s in
                    [s.course.code, s.course.title, CalendarDate.rangeText(s.course.startDate, s.course.endDate),
                     String(s.sessionCount), String(s.enrolled)]
                }, rightAligned: [3, 4]), terminator: "")
        }
    }
}

struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a course's sessions: short id, start, title, kind.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code (see 'muster courses').") var course: String

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let c = try store.course(code: course)
            let sessions = try store.sessions(courseID: c.id!)
            print(TextTable.render(
                header: ["ID", "START", "END", "TITLE", "KIND"],
                rows: sessions.map { s in
                    let zone = s.timeZone.flatMap(TimeZone.init(identifier:)) ?? c.zone
                    return [s.key, LocalTime.format(s.start, in: zone), LocalTime.clock(s.end, in: zone),
                            s.title + (s.core ? " (core)" : ""), s.kind.rawValue]
                }), terminator: "")
        }
    }
}
