import ReportText
import ArgumentParser
import CourseKit
import Foundation

struct Courses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the courses: code, title, dates, sessions, enrolled, retention.",
        discussion:
            "RETENTION is how long the people's data is kept after the course ends; \"PAST\" marks a course whose period is over while people on it still have names (muster purge --expired erases them)."
    )
    @OptionGroup var library: LibraryOptions

    func run() throws {
        try reportingErrors {
            let summaries = try library.open().courses.courseSummaries()
            if summaries.isEmpty {
                print("No courses yet. Add one with 'muster import course FILE'.")
                return
            }
            // The column appears once some course has a retention period; scripts reading the
            // five columns of a library without any see what they always saw.
            let retention = summaries.contains { $0.course.retention != nil }
            print(
                TextTable.render(
                    header: ["CODE", "TITLE", "DATES", "SESSIONS", "ENROLLED"] + (retention ? ["RETENTION"] : []),
                    rows: summaries.map { s in
                        [
                            s.course.code, s.course.title, CalendarDate.rangeText(s.course.startDate, s.course.endDate),
                            String(s.sessionCount), String(s.enrolled),
                        ] + (retention ? [Self.retention(s)] : [])
                    }, rightAligned: [3, 4]), terminator: "")
            let past = summaries.filter(\.pastRetention).count
            if past > 0 {
                print(
                    "\(past) course\(past == 1 ? " is" : "s are") PAST retention: see who would be erased with "
                        + "'muster purge --expired --dry-run', then run 'muster purge --expired'.")
            }
        }
    }

    /// "5 years, until 2029-05-09", with "PAST" in front once the period is over; "—" without one.
    static func retention(_ s: CourseSummary) -> String {
        guard let period = s.course.retention, let until = s.course.retainedUntil else { return "—" }
        return (s.pastRetention ? "PAST: " : "") + "\(period), until \(until)"
    }
}

struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a course's sessions: short id, start, end, title, kind, modality.",
        discussion: "Times are in the session's own time zone; ZONE is shown when some session's differs from the course's.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code (see 'muster courses').") var course: String

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let c = try store.courses.course(code: course)
            let sessions = try store.courses.sessions(courseID: c.id!)
            // A column of zones only when one differs: most courses keep one zone.
            let ownZones = Session.needZoneColumn(sessions.map { ($0, c) })
            print(
                TextTable.render(
                    header: ["ID", "START", "END", "TITLE", "KIND", "MODALITY"] + (ownZones ? ["ZONE"] : []),
                    rows: sessions.map { s in
                        let zone = s.zone(in: c)
                        return [
                            s.key, LocalTime.format(s.start, in: zone),
                            DateText.spansDays(s.start, s.end, in: zone)
                                ? LocalTime.format(s.end, in: zone) : LocalTime.clock(s.end, in: zone),
                            s.title + (s.core ? " (core)" : ""), s.kind.rawValue, s.modality.rawValue,
                        ] + (ownZones ? [s.ownZone(in: c) ?? ""] : [])
                    }), terminator: "")
        }
    }
}
