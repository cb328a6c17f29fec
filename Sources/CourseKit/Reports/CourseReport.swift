import Foundation

/// The report a coordinator owes a donor for one course: nominations against quotas, attendance
/// per session, completion and certificate eligibility, each broken down by the chosen dimensions.
///
/// Counted people are trainees (participants and observers); facilitators, resource people and
/// organisers are staff and only named in the summary. "Expected" means a nomination that stands
/// (nominated, confirmed, walk-in): rates are of expected trainees, so a declined nominee does not
/// lower the attendance rate.
public enum CourseReport {
    /// The report in `language`'s words (English unless told: a screen that shows it, a test).
    public static func build(_ facts: CourseFacts, by dimensions: [ReportDimension], language: Language = .en) -> Report {
        let figures = Figures(facts)
        let w = ReportWords(language)
        var tables = [nominations(facts, w), attendance(facts, figures, w), completion(facts, figures, w)]
        if let quotas = quotas(facts, w) { tables.insert(quotas, at: 1) }
        tables += dimensions.map { breakdown($0, entries: facts.trainees, figures: [figures], w) }
        return Report(
            title: "\(facts.course.title) (\(facts.course.code))", summary: summary(facts, w), tables: tables, language: language)
    }

    static func nominations(_ facts: CourseFacts, _ w: ReportWords) -> ReportTable {
        let trainees = facts.trainees
        let rows = NominationStatus.allCases.compactMap { status -> [String]? in
            let n = trainees.filter { $0.enrolment.status == status }.count
            return n == 0
                ? nil
                : [
                    w.label("status", status.rawValue), String(n), w.percent(n, of: trainees.count),
                    w(status.isExpected ? "yes" : "no"),
                ]
        }
        let expected = facts.expectedTrainees.count
        return w.table(
            "nominations", columns: ["status", "people", "share", "expected"],
            rows: rows + [
                [w("total"), String(trainees.count), w.percent(trainees.count, of: trainees.count), w.format("expected.count", expected)]
            ],
            numeric: [1, 2], notes: [w("nominations.note")])
    }

    /// The course's quotas as `QuotaCount` counts them, the same lines the nominations screen shows.
    static func quotas(_ facts: CourseFacts, _ w: ReportWords) -> ReportTable? {
        guard !facts.quotas.isEmpty else { return nil }
        let lines = QuotaCount.lines(quotas: facts.quotas, tallies: facts.quotaTallies, agencies: facts.agencies)
        let rows = facts.quotas.map { q -> [String] in
            let line = lines.first { $0.scope == q.scope && $0.key == q.key }
            let n = line?.used ?? 0
            let label =
                switch q.scope {
                case .country: w.country(q.key) ?? q.key
                case .agency: facts.agencies.values.first { $0.code == q.key }?.shortName ?? q.key
                }
            let note =
                n > q.limit ? w.format("quota.over", n - q.limit) : n == q.limit ? w("quota.full") : w.count("quota.open", q.limit - n)
            return [label, "\(n)/\(q.limit)", w.percent(n, of: q.limit), note, line.map { pending($0, w) } ?? ""]
        }
        let scope = Set(facts.quotas.map(\.scope)).count == 1 && facts.quotas[0].scope == .country ? "country" : "quota"
        return w.table(
            "quotas", columns: [scope, "places", "filled", "note", "ofWhich"], rows: rows, numeric: [1, 2],
            notes: [w("quotas.note")])
    }

    /// "5 confirmed · 1 nominated · 1 declined" (`QuotaLine.pendingText`'s order) in the
    /// report's words.
    static func pending(_ line: QuotaLine, _ w: ReportWords) -> String {
        let order: [NominationStatus] = [.confirmed, .nominated, .walkIn, .waitlisted, .declined, .withdrawn, .substituted]
        return order.filter { line[$0] > 0 }.map { w.count("pending.\($0.rawValue)", line[$0]) }.joined(separator: " · ")
    }

    static func attendance(_ facts: CourseFacts, _ figures: Figures, _ w: ReportWords) -> ReportTable {
        let expected = facts.expectedTrainees
        let rows = facts.sessions.map { s -> [String] in
            let statuses = expected.map { facts.mark($0.person.id ?? 0, in: s)?.status }
            func count(_ st: AttendanceStatus) -> Int { statuses.filter { $0 == st }.count }
            let attended = count(.present) + count(.late)
            let zone = s.timeZone.flatMap(TimeZone.init(identifier:)) ?? facts.course.zone
            return [
                s.key, DateText.sessionStart(s.start, in: zone, w.language), String(count(.present)), String(count(.late)),
                String(count(.excused)), String(count(.absent)), String(statuses.filter { $0 == nil }.count),
                w.percent(attended, of: expected.count), s.core ? w.format("core", s.title) : s.title,
            ]
        }
        let total = figures.attendedSessions(expected)
        let possible = expected.count * facts.sessions.count
        return w.table(
            "attendance", columns: ["session", "start", "present", "late", "excused", "absent", "noMark", "attended", "title"],
            rows: rows, numeric: [2, 3, 4, 5, 6, 7],
            notes: [w.format("attendance.note", expected.count, total, possible, w.percent(total, of: possible))])
    }

    static func completion(_ facts: CourseFacts, _ figures: Figures, _ w: ReportWords) -> ReportTable {
        let expected = facts.expectedTrainees
        let any = expected.filter { figures.verdict($0).attended > 0 }.count
        let completed = expected.filter { figures.verdict($0).completed }.count
        let eligible = facts.trainees.filter { figures.eligible($0) }.count
        let review = facts.trainees.filter {
            CertificateEligibility.awaitsReview(role: $0.enrolment.role, status: $0.enrolment.status, verdict: figures.verdict($0))
        }.count
        var measures = [("expected", expected.count), ("attended", any), ("completed", completed), ("eligible", eligible)]
        if review > 0 { measures.append(("review", review)) }
        return w.table(
            "completion", columns: ["measure", "people", "share"],
            rows: measures.map { [w("completion.\($0.0)"), String($0.1), w.percent($0.1, of: expected.count)] },
            numeric: [1, 2], notes: [w.format("completion.note", ruleText(facts, w))])
    }

    /// One row per group of `dimension`, then a total. `figures` holds one entry per course
    /// (a period report passes several); `entries` are trainees of those courses.
    static func breakdown(
        _ dimension: ReportDimension, entries: [RosterEntry], figures: [Figures], _ w: ReportWords,
        courseOf: (RosterEntry) -> Int = { _ in 0 }
    ) -> ReportTable {
        BreakdownTable.make(dimension, groups: groups(dimension, entries: entries, figures: figures, w, courseOf: courseOf), w)
    }

    /// The sums per group of `dimension`, one per trainee folded in.
    static func groups(
        _ dimension: ReportDimension, entries: [RosterEntry], figures: [Figures], _ w: ReportWords,
        courseOf: (RosterEntry) -> Int
    ) -> [PeriodTallies.Group] {
        var groups: [String: PeriodTallies.Group] = [:]
        for e in entries {
            let label = dimension.label(of: e, w.language)
            var g = groups[label] ?? .init(label: label, nominated: 0, expected: 0, attended: 0, possible: 0, completed: 0, eligible: 0)
            let f = figures[courseOf(e)]
            g.nominated += 1
            if e.enrolment.status.isExpected {
                g.expected += 1
                g.attended += f.verdict(e).attended
                g.possible += f.facts.sessions.count
                if f.verdict(e).completed { g.completed += 1 }
            }
            if f.eligible(e) { g.eligible += 1 }
            groups[label] = g
        }
        return Array(groups.values)
    }
}

/// The ids of the tables other code finds again (the HTML report's charts): their English
/// titles, the `Report` catalogue's English words.
enum TableTitle {
    static let nominations = "Nominations"
    static let quotas = "Nominations against quotas"
    static let attendance = "Attendance per session"
    static let completion = "Completion and certificates"
    static let courses = "Courses"
}

/// Verdicts computed once per person, for the tables that all need them.
struct Figures {
    let facts: CourseFacts
    private let verdicts: [Int64: CompletionVerdict]

    init(_ facts: CourseFacts) {
        self.facts = facts
        var v: [Int64: CompletionVerdict] = [:]
        for e in facts.roster { v[e.person.id ?? 0] = facts.verdict(for: e) }
        verdicts = v
    }

    func verdict(_ e: RosterEntry) -> CompletionVerdict {
        verdicts[e.person.id ?? 0] ?? facts.verdict(for: e)
    }

    func eligible(_ e: RosterEntry) -> Bool {
        CertificateEligibility.isEligible(role: e.enrolment.role, status: e.enrolment.status, verdict: verdict(e))
    }

    func attendedSessions(_ entries: [RosterEntry]) -> Int { entries.reduce(0) { $0 + verdict($1).attended } }
}
