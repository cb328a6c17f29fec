import Foundation

/// What a period report counts, apart from how it is laid out: one line per course and, per
/// breakdown, one sum per group. `muster report --all` fills it from the library's courses; the
/// head office (`muster-hq report`) fills it from SQL sums on its server. Both print through
/// `PeriodReport.render`, so the same records give the same report to the character.
public struct PeriodTallies: Sendable, Equatable {
    /// One course's figures (its expected trainees and their verdicts).
    public struct CourseLine: Sendable, Equatable {
        public var code: String
        public var startDate: CalendarDate
        public var endDate: CalendarDate
        /// What headers show: the short title, else the title.
        public var label: String
        public var sessions: Int
        public var expected: Int
        public var women: Int
        /// Person-sessions attended by expected trainees.
        public var attended: Int
        public var completed: Int
        /// Trainees (any status) eligible for a certificate.
        public var certificates: Int

        public init(
            code: String, startDate: CalendarDate, endDate: CalendarDate, label: String, sessions: Int, expected: Int, women: Int,
            attended: Int, completed: Int, certificates: Int
        ) {
            self.code = code; self.startDate = startDate; self.endDate = endDate; self.label = label; self.sessions = sessions
            self.expected = expected; self.women = women; self.attended = attended; self.completed = completed
            self.certificates = certificates
        }
    }

    /// The sums of one group of a breakdown. Groups with the same label (two agencies that print
    /// alike) are added together when the table is laid out.
    public struct Group: Sendable, Equatable {
        public var label: String
        /// Trainees of any nomination status.
        public var nominated: Int
        public var expected: Int
        /// Person-sessions attended by the expected, and those possible (their courses' sessions).
        public var attended: Int
        public var possible: Int
        public var completed: Int
        public var eligible: Int

        public init(label: String, nominated: Int, expected: Int, attended: Int, possible: Int, completed: Int, eligible: Int) {
            self.label = label; self.nominated = nominated; self.expected = expected; self.attended = attended
            self.possible = possible; self.completed = completed; self.eligible = eligible
        }

        static func + (a: Group, b: Group) -> Group {
            Group(
                label: a.label, nominated: a.nominated + b.nominated, expected: a.expected + b.expected,
                attended: a.attended + b.attended, possible: a.possible + b.possible, completed: a.completed + b.completed,
                eligible: a.eligible + b.eligible)
        }
    }

    /// The courses of the period, in any order (the report sorts them).
    public var courses: [CourseLine]
    /// Per breakdown, its groups in any order.
    public var groups: [ReportDimension: [Group]]

    public init(courses: [CourseLine], groups: [ReportDimension: [Group]]) {
        self.courses = courses; self.groups = groups
    }

    /// Whether a course overlaps `from`...`to` (either may be open): the period's one rule.
    public static func overlaps(start: CalendarDate, end: CalendarDate, from: CalendarDate?, to: CalendarDate?) -> Bool {
        (from.map { end >= $0 } ?? true) && (to.map { start <= $0 } ?? true)
    }
}

/// A breakdown table from group sums: the layout a course report and a period report share.
enum BreakdownTable {
    static func make(_ dimension: ReportDimension, groups: [PeriodTallies.Group], _ w: ReportWords) -> ReportTable {
        var merged: [String: PeriodTallies.Group] = [:]
        for g in groups { merged[g.label] = merged[g.label].map { $0 + g } ?? g }
        let zero = PeriodTallies.Group(label: w("total"), nominated: 0, expected: 0, attended: 0, possible: 0, completed: 0, eligible: 0)
        let total = merged.values.reduce(zero, +)
        func row(_ g: PeriodTallies.Group) -> [String] {
            [
                g.label, String(g.nominated), String(g.expected), w.percent(g.expected, of: total.expected),
                w.percent(g.attended, of: g.possible), String(g.completed), w.percent(g.completed, of: g.expected),
                String(g.eligible),
            ]
        }
        let order: [String]
        if let fixed = dimension.fixedOrder(w.language) {
            order = fixed.filter { merged[$0] != nil } + merged.keys.filter { !fixed.contains($0) }.sorted()
        } else {
            order = merged.keys.sorted { a, b in
                let (ca, cb) = (merged[a]!.nominated, merged[b]!.nominated)
                return ca != cb ? ca > cb : a.localizedStandardCompare(b) == .orderedAscending
            }
        }
        var table = w.table(
            "by.\(dimension.rawValue)",
            columns: ["", "nominated", "expected", "share", "attendance", "completed", "completion", "certificates"],
            rows: order.map { row(merged[$0]!) } + [row(total)], numeric: [1, 2, 3, 4, 5, 6, 7], notes: [w("breakdown.note")])
        // The first column is the dimension itself ("SEX", "SEXO").
        table.header[0] = dimension.title(w.language).uppercased(with: w.language.locale)
        table.columns[0] = dimension.title.uppercased()
        return table
    }
}
