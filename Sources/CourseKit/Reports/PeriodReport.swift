import Foundation

/// The report across every course in a period (`muster report --all`): one line per course, then
/// the breakdowns over all of them. A person trained in two courses counts in each, as donors count
/// people trained per activity.
public enum PeriodReport {
    /// Courses overlapping `from`...`to` (either may be open), oldest first.
    public static func build(
        _ facts: [CourseFacts], from: CalendarDate?, to: CalendarDate?, by dimensions: [ReportDimension], language: Language = .en
    ) -> Report {
        render(
            tallies(facts, from: from, to: to, by: dimensions, language: language), from: from, to: to, by: dimensions, language: language)
    }

    /// The period's sums from the courses' facts, with the course rules (marks, completion,
    /// eligibility) applied in Swift.
    public static func tallies(
        _ facts: [CourseFacts], from: CalendarDate?, to: CalendarDate?, by dimensions: [ReportDimension], language: Language = .en
    )
        -> PeriodTallies
    {
        let chosen = facts.filter { PeriodTallies.overlaps(start: $0.course.startDate, end: $0.course.endDate, from: from, to: to) }
        let figures = chosen.map(Figures.init)
        let lines = figures.map { f -> PeriodTallies.CourseLine in
            let expected = f.facts.expectedTrainees
            return PeriodTallies.CourseLine(
                code: f.facts.course.code, startDate: f.facts.course.startDate, endDate: f.facts.course.endDate,
                label: f.facts.course.label, sessions: f.facts.sessions.count, expected: expected.count,
                women: expected.filter { $0.person.sex == .female }.count, attended: f.attendedSessions(expected),
                completed: expected.filter { f.verdict($0).completed }.count,
                certificates: f.facts.trainees.filter { f.eligible($0) }.count)
        }
        var entries: [RosterEntry] = []
        var courseIndex: [EntryKey: Int] = [:]
        for (i, f) in figures.enumerated() {
            entries += f.facts.trainees
            for e in f.facts.trainees { courseIndex[EntryKey(e)] = i }
        }
        var groups: [ReportDimension: [PeriodTallies.Group]] = [:]
        for d in dimensions {
            groups[d] = CourseReport.groups(
                d, entries: entries, figures: figures, ReportWords(language), courseOf: { courseIndex[EntryKey($0)] ?? 0 })
        }
        return PeriodTallies(courses: lines, groups: groups)
    }

    /// The report's layout, from sums however they were made.
    public static func render(
        _ tallies: PeriodTallies, from: CalendarDate?, to: CalendarDate?, by dimensions: [ReportDimension], language: Language = .en
    )
        -> Report
    {
        let w = ReportWords(language)
        let lines = tallies.courses.sorted { ($0.startDate, $0.code) < ($1.startDate, $1.code) }
        let rows = lines.map { c -> [String] in
            [
                c.code, w.range(c.startDate, c.endDate), String(c.sessions), String(c.expected),
                w.percent(c.women, of: c.expected), w.percent(c.attended, of: c.expected * c.sessions), String(c.completed),
                String(c.certificates), c.label,
            ]
        }
        let tables =
            [
                w.table(
                    "courses",
                    columns: ["course", "dates", "sessions", "expected", "women", "attendance", "completed", "certificates", "title"],
                    rows: rows + (lines.count > 1 ? [totalRow(lines, w)] : []), numeric: [2, 3, 4, 5, 6, 7],
                    notes: [w("courses.note")])
            ] + dimensions.map { BreakdownTable.make($0, groups: tallies.groups[$0] ?? [], w) }
        let period = [from.map { w.format("period.from", w.date($0)) }, to.map { w.format("period.to", w.date($0)) }].compactMap { $0 }
        return Report(
            title: w.format("period", period.isEmpty ? w("period.all") : period.joined(separator: " ")),
            summary: [w.count("courses", lines.count)], tables: tables, language: language)
    }

    static func totalRow(_ lines: [PeriodTallies.CourseLine], _ w: ReportWords) -> [String] {
        var sessions = 0, expected = 0, women = 0, attended = 0, possible = 0, completed = 0, certificates = 0
        for c in lines {
            sessions += c.sessions
            expected += c.expected
            women += c.women
            attended += c.attended
            possible += c.expected * c.sessions
            completed += c.completed
            certificates += c.certificates
        }
        return [
            w("total"), "", String(sessions), String(expected), w.percent(women, of: expected),
            w.percent(attended, of: possible), String(completed), String(certificates), "",
        ]
    }

    /// An enrolment is one person in one course: the key that finds an entry's course.
    struct EntryKey: Hashable {
        var course: Int64
        var person: Int64
        init(_ e: RosterEntry) { course = e.enrolment.courseID; person = e.person.id ?? 0 }
    }
}
