import ReportText
import ArgumentParser
import CourseKit
import Foundation
import TerminalUI

struct Courses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("courses.abstract"),
        discussion:
            CommandWords.text("courses.discussion")
    )
    @OptionGroup var library: LibraryOptions
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try reportingErrors {
            let summaries = try library.open().courses.courseSummaries()
            if summaries.isEmpty {
                print(CommandWords.text("courses.none"))
                return
            }
            // The column appears once some course has a retention period; scripts reading the
            // five columns of a library without any see what they always saw.
            let retention = summaries.contains { $0.course.retention != nil }
            print(Self.table(summaries, retention: retention, maxWidth: listing.maxWidth), terminator: "")
            let past = summaries.filter(\.pastRetention).count
            if past > 0 {
                print(CommandWords.format(past == 1 ? "courses.past.one" : "courses.past", past))
            }
        }
    }

    /// One line per course; where that is wider than `maxWidth` (course codes and titles are
    /// long: the widest shipped line is about 170 columns), the title and retention go on an
    /// indented second line cut to fit, and the codes, which people type, are never cut.
    static func table(_ summaries: [CourseSummary], retention: Bool, maxWidth: Int?) -> String {
        func row(_ s: CourseSummary, title: Bool) -> [String] {
            [s.course.code] + (title ? [s.course.title] : [])
                + [
                    CalendarDate.rangeText(s.course.startDate, s.course.endDate, CommandWords.language), String(s.sessionCount),
                    String(s.enrolled),
                ]
                + (retention && title ? [Self.retention(s)] : [])
        }
        let header = CommandWords.header("courses", ["code", "title", "dates", "sessions", "enrolled"] + (retention ? ["retention"] : []))
        let wide = TextTable.render(header: header, rows: summaries.map { row($0, title: true) }, rightAligned: [3, 4])
        guard let maxWidth, wide.split(separator: "\n").contains(where: { $0.displayWidth > maxWidth }) else { return wide }
        let lines = TextTable.render(
            header: CommandWords.header("courses", ["code", "dates", "sessions", "enrolled"]),
            rows: summaries.map { row($0, title: false) },
            rightAligned: [2, 3]
        ).split(separator: "\n").map(String.init)
        var text = lines[0] + "\n"
        for (s, line) in zip(summaries, lines.dropFirst()) {
            let second =
                s.course.title + (retention && s.course.retention != nil ? CommandWords.format("courses.kept", Self.retention(s)) : "")
            text += line + "\n" + "    " + second.truncated(toWidth: max(8, maxWidth - 4), ellipsis: "…") + "\n"
        }
        return text
    }

    /// "5 years, until 2029-05-09", with "PAST" in front once the period is over; "—" without one.
    static func retention(_ s: CourseSummary) -> String {
        guard let period = s.course.retention, let until = s.course.retainedUntil else { return "—" }
        return CommandWords.format(
            s.pastRetention ? "courses.retention.past" : "courses.retention", period.text(in: CommandWords.language), until.description)
    }
}

struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("sessions.abstract"),
        discussion: CommandWords.text("sessions.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("sessions.course"), completion: ShellCompletion.courseCodes) var course: String
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let c = try store.courses.course(code: course)
            let sessions = try store.courses.sessions(courseID: c.id!)
            // A column of zones only when one differs: most courses keep one zone.
            let ownZones = Session.needZoneColumn(sessions.map { ($0, c) })
            print(
                TextTable.render(
                    header: CommandWords.header(
                        "sessions", ["id", "start", "end", "title", "kind", "modality"] + (ownZones ? ["zone"] : [])),
                    rows: sessions.map { s in
                        let zone = s.zone(in: c)
                        return [
                            s.key, LocalTime.format(s.start, in: zone),
                            DateText.spansDays(s.start, s.end, in: zone)
                                ? LocalTime.format(s.end, in: zone) : LocalTime.clock(s.end, in: zone),
                            s.title + (s.core ? CommandWords.text("sessions.core") : ""), s.kind.rawValue, s.modality.rawValue,
                        ] + (ownZones ? [s.ownZone(in: c) ?? ""] : [])
                    }, maxWidth: listing.maxWidth, shrinkable: [3]), terminator: "")
        }
    }
}
