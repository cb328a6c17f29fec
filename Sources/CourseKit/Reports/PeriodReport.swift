import Foundation

/// The report across every course in a period (`muster report --all`): one line per course, then
/// the breakdowns over all of them. A person trained in two courses counts in each, as donors count
/// people trained per activity.
public enum PeriodReport {
    /// Courses overlapping `from`...`to` (either may be open), oldest first.
    public static func build(_ facts: [CourseFacts], from: CalendarDate?, to: CalendarDate?, by dimensions: [ReportDimension]) -> Report {
        let chosen = facts.filter { f in
            (from.map { f.course.endDate >= $0 } ?? true) && (to.map { f.course.startDate <= $0 } ?? true)
        }.sorted { ($0.course.startDate, $0.course.code) < ($1.course.startDate, $1.course.code) }
        let figures = chosen.map(Figures.init)
        let rows = figures.map { f -> [String] in
            let expected = f.facts.expectedTrainees
            let women = expected.filter { $0.person.sex == .female }.count
            let attended = f.attendedSessions(expected)
            let completed = expected.filter { f.verdict($0).completed }.count
            let certificates = f.facts.trainees.filter { f.eligible($0) }.count
            return [
                f.facts.course.code, CalendarDate.rangeText(f.facts.course.startDate, f.facts.course.endDate),
                String(f.facts.sessions.count), String(expected.count), Percent.text(women, of: expected.count),
                Percent.text(attended, of: expected.count * f.facts.sessions.count), String(completed), String(certificates),
                f.facts.course.label,
            ]
        }
        let totals = totalRow(figures)
        var entries: [RosterEntry] = []
        var courseIndex: [EntryKey: Int] = [:]
        for (i, f) in figures.enumerated() {
            entries += f.facts.trainees
            for e in f.facts.trainees { courseIndex[EntryKey(e)] = i }
        }
        let tables =
            [
                ReportTable(
                    title: "Courses",
                    header: ["COURSE", "DATES", "SESSIONS", "EXPECTED", "WOMEN", "ATTENDANCE", "COMPLETED", "CERTIFICATES", "TITLE"],
                    rows: rows + (figures.count > 1 ? [totals] : []), numeric: [2, 3, 4, 5, 6, 7],
                    notes: [
                        "Expected trainees (participants and observers whose nomination stands); attendance is "
                            + "person-sessions attended of those possible."
                    ])
            ]
            + dimensions.map { d in
                CourseReport.breakdown(d, entries: entries, figures: figures, courseOf: { courseIndex[EntryKey($0)] ?? 0 })
            }
        let period = [from.map { "from \($0)" }, to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        return Report(
            title: "Courses " + (period.isEmpty ? "(all)" : period),
            summary: ["\(chosen.count) course\(chosen.count == 1 ? "" : "s")"], tables: tables)
    }

    static func totalRow(_ figures: [Figures]) -> [String] {
        var sessions = 0, expected = 0, women = 0, attended = 0, possible = 0, completed = 0, certificates = 0
        for f in figures {
            let e = f.facts.expectedTrainees
            sessions += f.facts.sessions.count
            expected += e.count
            women += e.filter { $0.person.sex == .female }.count
            attended += f.attendedSessions(e)
            possible += e.count * f.facts.sessions.count
            completed += e.filter { f.verdict($0).completed }.count
            certificates += f.facts.trainees.filter { f.eligible($0) }.count
        }
        return [
            "Total", "", String(sessions), String(expected), Percent.text(women, of: expected),
            Percent.text(attended, of: possible), String(completed), String(certificates), "",
        ]
    }

    /// An enrolment is one person in one course: the key that finds an entry's course.
    struct EntryKey: Hashable {
        var course: Int64
        var person: Int64
        init(_ e: RosterEntry) { course = e.enrolment.courseID; person = e.person.id ?? 0 }
    }
}
