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
                    [s.course.code, s.course.title, DateRange.text(s.course.startDate, s.course.endDate),
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

/// "7–9 May 2024", "30 Jun – 21 Aug 2020": how people write course dates.
enum DateRange {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func text(_ a: CalendarDate, _ b: CalendarDate) -> String {
        let ma = months[a.month - 1], mb = months[b.month - 1]
        if a == b { return "\(a.day) \(ma) \(a.year)" }
        if a.year == b.year && a.month == b.month { return "\(a.day)–\(b.day) \(mb) \(b.year)" }
        if a.year == b.year { return "\(a.day) \(ma) – \(b.day) \(mb) \(b.year)" }
        return "\(a.day) \(ma) \(a.year) – \(b.day) \(mb) \(b.year)"
    }
}
