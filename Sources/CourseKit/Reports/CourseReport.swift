import Foundation

/// The report a coordinator owes a donor for one course: nominations against quotas, attendance
/// per session, completion and certificate eligibility, each broken down by the chosen dimensions.
///
/// Counted people are trainees (participants and observers); facilitators, resource people and
/// organisers are staff and only named in the summary. "Expected" means a nomination that stands
/// (nominated, confirmed, walk-in): rates are of expected trainees, so a declined nominee does not
/// lower the attendance rate.
public enum CourseReport {
    public static func build(_ facts: CourseFacts, by dimensions: [ReportDimension]) -> Report {
        let figures = Figures(facts)
        var tables = [nominations(facts), attendance(facts, figures), completion(facts, figures)]
        if let quotas = quotas(facts) { tables.insert(quotas, at: 1) }
        tables += dimensions.map { breakdown($0, entries: facts.trainees, figures: [figures]) }
        return Report(title: "\(facts.course.title) (\(facts.course.code))", summary: summary(facts), tables: tables)
    }

    static func summary(_ facts: CourseFacts) -> [String] {
        let c = facts.course
        var lines = [
            [
                CalendarDate.rangeText(c.startDate, c.endDate), c.venue, c.modality.rawValue.replacingOccurrences(of: "-", with: " "),
                "\(facts.sessions.count) session\(facts.sessions.count == 1 ? "" : "s")",
            ].filter { !$0.isEmpty }.joined(separator: " · ")
        ]
        if !c.programme.isEmpty { lines.append("Programme: \(c.programme)") }
        let who = [("Organiser", c.organiser), ("Funder", c.funder), ("Project", c.project)].filter { !$0.1.isEmpty }
        if !who.isEmpty { lines.append(who.map { "\($0.0): \($0.1)" }.joined(separator: " · ")) }
        lines.append("Completion rule: \(ruleText(facts))")
        let staff = facts.roster.filter { !CertificateEligibility.isTrainee($0.enrolment.role) }
        if !staff.isEmpty {
            let byRole = Dictionary(grouping: staff, by: \.enrolment.role)
            let plural: [Role: String] = [.facilitator: "facilitators", .resourcePerson: "resource people", .organiser: "organisers"]
            lines.append(
                "Staff (not counted below): "
                    + Role.allCases.compactMap { role in
                        byRole[role].map {
                            "\($0.count) \($0.count == 1 ? ReportDimension.capitalised(role.rawValue).lowercased() : plural[role] ?? role.rawValue)"
                        }
                    }.joined(separator: ", "))
        }
        return lines
    }

    static func ruleText(_ facts: CourseFacts) -> String {
        let rule = facts.course.completion
        var text =
            "\(Int((rule.minimumShare * 100).rounded()))% of sessions present or late "
            + "(\(Completion.requiredCount(rule, sessionCount: facts.sessions.count)) of \(facts.sessions.count))"
        let core = facts.sessions.filter(\.core).map(\.key)
        if rule.requireCore && !core.isEmpty { text += " and every core session (\(core.joined(separator: ", ")))" }
        return text
    }

    static func nominations(_ facts: CourseFacts) -> ReportTable {
        let trainees = facts.trainees
        let rows = NominationStatus.allCases.compactMap { status -> [String]? in
            let n = trainees.filter { $0.enrolment.status == status }.count
            return n == 0
                ? nil
                : [
                    status == .walkIn ? "Walk-in" : ReportDimension.capitalised(status.rawValue), String(n),
                    Percent.text(n, of: trainees.count),
                    status.isExpected ? "yes" : "no",
                ]
        }
        let expected = facts.expectedTrainees.count
        return ReportTable(
            title: TableTitle.nominations, header: ["STATUS", "PEOPLE", "SHARE", "EXPECTED"],
            rows: rows + [
                [
                    "Total", String(trainees.count), Percent.text(trainees.count, of: trainees.count),
                    "\(expected) expected",
                ]
            ],
            numeric: [1, 2], notes: ["Participants and observers. Expected in the room: nominated, confirmed and walk-in."])
    }

    /// The course's quotas as `QuotaCount` counts them, the same lines the nominations screen shows.
    static func quotas(_ facts: CourseFacts) -> ReportTable? {
        guard !facts.quotas.isEmpty else { return nil }
        let lines = QuotaCount.lines(quotas: facts.quotas, tallies: facts.quotaTallies, agencies: facts.agencies)
        let rows = facts.quotas.map { q -> [String] in
            let line = lines.first { $0.scope == q.scope && $0.key == q.key }
            let n = line?.used ?? 0
            let label =
                switch q.scope {
                case .country: Countries.name(of: q.key) ?? q.key
                case .agency: facts.agencies.values.first { $0.code == q.key }?.shortName ?? q.key
                }
            let note = n > q.limit ? "over by \(n - q.limit)" : n == q.limit ? "full" : "\(q.limit - n) open"
            return [label, "\(n)/\(q.limit)", Percent.text(n, of: q.limit), note, line?.pendingText ?? ""]
        }
        let scope = Set(facts.quotas.map(\.scope)).count == 1 && facts.quotas[0].scope == .country ? "COUNTRY" : "QUOTA"
        return ReportTable(
            title: TableTitle.quotas, header: [scope, "PLACES", "FILLED", "NOTE", "OF WHICH"], rows: rows,
            numeric: [1, 2],
            notes: [
                "A quota's places are taken by participants nominated or confirmed (observers, staff, walk-ins "
                    + "awaiting review, declined, withdrawn, substituted and waitlisted take none); an agency's "
                    + "quota counts its own officials (the nominating agency for people without one)."
            ])
    }

    static func attendance(_ facts: CourseFacts, _ figures: Figures) -> ReportTable {
        let expected = facts.expectedTrainees
        let rows = facts.sessions.map { s -> [String] in
            let statuses = expected.map { facts.mark($0.person.id ?? 0, in: s)?.status }
            func count(_ st: AttendanceStatus) -> Int { statuses.filter { $0 == st }.count }
            let attended = count(.present) + count(.late)
            let zone = s.timeZone.flatMap(TimeZone.init(identifier:)) ?? facts.course.zone
            return [
                s.key, DateText.sessionStart(s.start, in: zone), String(count(.present)), String(count(.late)),
                String(count(.excused)), String(count(.absent)), String(statuses.filter { $0 == nil }.count),
                Percent.text(attended, of: expected.count), s.title + (s.core ? " (core)" : ""),
            ]
        }
        let total = figures.attendedSessions(expected)
        return ReportTable(
            title: TableTitle.attendance,
            header: ["SESSION", "START", "PRESENT", "LATE", "EXCUSED", "ABSENT", "NO MARK", "ATTENDED", "TITLE"],
            rows: rows, numeric: [2, 3, 4, 5, 6, 7],
            notes: [
                "Of \(expected.count) expected trainees. Overall: \(total) of \(expected.count * facts.sessions.count) "
                    + "person-sessions attended (\(Percent.text(total, of: expected.count * facts.sessions.count)))."
            ])
    }

    static func completion(_ facts: CourseFacts, _ figures: Figures) -> ReportTable {
        let expected = facts.expectedTrainees
        let any = expected.filter { figures.verdict($0).attended > 0 }.count
        let completed = expected.filter { figures.verdict($0).completed }.count
        let eligible = facts.trainees.filter { figures.eligible($0) }.count
        let review = facts.trainees.filter {
            CertificateEligibility.awaitsReview(role: $0.enrolment.role, status: $0.enrolment.status, verdict: figures.verdict($0))
        }.count
        var rows = [
            ["Expected trainees", String(expected.count), Percent.text(expected.count, of: expected.count)],
            ["Attended at least one session", String(any), Percent.text(any, of: expected.count)],
            ["Completed", String(completed), Percent.text(completed, of: expected.count)],
            ["Eligible for a certificate", String(eligible), Percent.text(eligible, of: expected.count)],
        ]
        if review > 0 { rows.append(["Completed, walk-in awaiting review", String(review), Percent.text(review, of: expected.count)]) }
        return ReportTable(
            title: TableTitle.completion, header: ["MEASURE", "PEOPLE", "SHARE"], rows: rows,
            numeric: [1, 2], notes: ["Rule: \(ruleText(facts))."])
    }

    /// One row per group of `dimension`, then a total. `figures` holds one entry per course
    /// (a period report passes several); `entries` are trainees of those courses.
    static func breakdown(
        _ dimension: ReportDimension, entries: [RosterEntry], figures: [Figures],
        courseOf: (RosterEntry) -> Int = { _ in 0 }
    ) -> ReportTable {
        BreakdownTable.make(dimension, groups: groups(dimension, entries: entries, figures: figures, courseOf: courseOf))
    }

    /// The sums per group of `dimension`, one per trainee folded in.
    static func groups(
        _ dimension: ReportDimension, entries: [RosterEntry], figures: [Figures], courseOf: (RosterEntry) -> Int
    ) -> [PeriodTallies.Group] {
        var groups: [String: PeriodTallies.Group] = [:]
        for e in entries {
            let label = dimension.label(of: e)
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

/// The titles of the tables other code finds again (the HTML report's charts): one spelling.
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
