import Foundation

/// How to run one roster import.
public struct RosterImportOptions: Sendable {
    public var format: RosterFormat
    /// `--map COLUMN=FIELD`: header text (or 1-based column number) → field; implies the generic layout.
    public var mappings: [String: RosterField]
    /// Plan and report, write nothing.
    public var dryRun: Bool
    /// Import the valid rows and report the rest, instead of refusing the whole file.
    public var skipRejected: Bool
    /// Minutes in an online session that count as attending; nil means `minimumPercent` of each session.
    public var minimumMinutes: Int?
    /// The share of an online session's length (0–100) someone must spend inside it to count as
    /// attending, when `minimumMinutes` is not set. Half by default: more in than out. A dropped
    /// connection or a 20-minute-late start still counts, a look-in of a few minutes does not;
    /// the late mark already records a late start.
    public var minimumPercent = RosterImportOptions.defaultMinimumPercent
    public static let defaultMinimumPercent = 50
    /// Session keys a meeting report (or any file's marks) may credit; empty means every session.
    public var sessions: [String] = []
    /// The zone of times written without an offset; nil means the course's.
    public var timeZone: TimeZone?
    public var limits: CSVLimits
    /// Per-row triggers or a set-wise rebuild for the derived roster tables; tests force one or
    /// the other to prove they leave the same rows.
    var derivedUpkeep = DerivedUpkeep.automatic
    /// Create people even if they were erased (they asked to be registered again); see `refuseErased`.
    public var allowErased = false
    /// Where the import tells how far it has got (a progress line on a terminal).
    public var progress = ProgressReporter.silent

    public init(
        format: RosterFormat = .auto, mappings: [String: RosterField] = [:], dryRun: Bool = false,
        skipRejected: Bool = false, minimumMinutes: Int? = nil, timeZone: TimeZone? = nil,
        limits: CSVLimits = CSVLimits()
    ) {
        self.format = format; self.mappings = mappings; self.dryRun = dryRun; self.skipRejected = skipRejected
        self.minimumMinutes = minimumMinutes; self.timeZone = timeZone; self.limits = limits
    }
}

/// What an import found and did (or, in a dry run, would do): the preview and the receipt.
public struct RosterImportReport: Sendable, Equatable {
    public struct PersonLine: Sendable, Equatable {
        public var line: Int
        public var code: String
        public var name: String
    }

    public enum MatchedBy: String, Sendable, Equatable, Hashable {
        case code, email = "e-mail", name = "name and country", roster = "name on the roster"

        /// The catalogue's key for this way of matching (the raw value is the English words).
        public var key: String {
            switch self {
            case .code: "code"
            case .email: "email"
            case .name: "name"
            case .roster: "roster"
            }
        }
    }

    public struct Match: Sendable, Equatable {
        public var line: Int
        public var code: String
        public var name: String
        public var by: MatchedBy
        /// What the import adds or changes for this person ("phone added", "status nominated → confirmed").
        public var said: [RowReason]
        /// The same in English.
        public var changes: [String] { said.map(\.description) }

        public func changes(in language: Language) -> [String] { said.map { $0.text(in: language) } }
    }

    /// A row kept as a new person although someone in the library has the same name and country:
    /// a name is not an identity (three José García Pérez from Mexico are three people), so the
    /// import never merges on it; the coordinator reviews the pair and merges them if they are one.
    public struct PossibleDuplicate: Sendable, Equatable {
        public var line: Int
        /// The new person's code.
        public var code: String
        public var name: String
        /// The people already in the library with that name and country.
        public var lookalikes: [String]
    }

    /// What a file brings for one session, for the preview: "drm 09:00–10:15: present 120, late 6, absent 16".
    public struct SessionCount: Sendable, Equatable {
        public var key: String
        /// "2023-05-03 09:00–10:15", in the course's time zone.
        public var when: String
        public var present = 0
        public var late = 0
        public var excused = 0
        public var absent = 0

        /// "present 120, late 6, absent 16" (excused only when there are some).
        public var counts: String { counts(in: .en) }

        /// The same in `language` ("presentes 120, con retraso 6, ausentes 16").
        public func counts(in language: Language) -> String {
            let words = Words(language)
            return excused > 0
                ? words.format("session.counts.excused", table: "Import", String(present), String(late), String(excused), String(absent))
                : words.format("session.counts", table: "Import", String(present), String(late), String(absent))
        }

        /// "drm (2023-05-03 09:00–10:15): present 120, late 6, absent 16".
        public var line: String { line(in: .en) }

        /// The same in `language`.
        public func line(in language: Language) -> String { "\(key) (\(when)): \(counts(in: language))" }
    }

    public var file: String
    public var course: String
    public var format: RosterFormat
    /// "UTF-16 LE, tab-separated".
    public var dialect: Dialect
    /// Encoding fallbacks, replaced characters and the like.
    public var notes: [String] = []
    /// Quotas the import took over their limit (or further over): said after the notes, in
    /// the reader's language (`QuotaCount.newlyOver`).
    public var quotaWarnings: [ChangeSummary] = []
    /// Data rows read (blank lines and the header not counted).
    public var rows = 0
    /// Every person the import creates, possible duplicates included.
    public var newPeople: [PersonLine] = []
    /// Each known person once, at the first row that names them.
    public var matched: [Match] = []
    /// Rows that named a known person, by how they were found (each row once, so a person named
    /// twice counts once here and once in `repeatedRows`).
    public var matchedRows: [MatchedBy: Int] = [:]
    /// Rows naming a person an earlier row of the same file already brought (a rejoin, a
    /// registration sent twice).
    public var repeatedRows = 0
    /// New people who share a name and country with someone in the library (also in `newPeople`).
    public var possibleDuplicates: [PossibleDuplicate] = []
    public var rejected: [RowProblem] = []
    public var skipped: [RowProblem] = []
    public var warnings: [RowProblem] = []
    public var enrolmentsAdded = 0
    public var enrolmentsChanged = 0
    public var eventsAdded = 0
    public var eventsAlreadyRecorded = 0
    /// Per session the file brings marks for, how many of each: what the import will record.
    public var sessions: [SessionCount] = []
    /// False for a dry run, and for a run refused because of rejected rows.
    public var applied = false

    /// People matched whose record or enrolment the import changes.
    public var updated: Int { matched.filter { !$0.changes.isEmpty }.count }

    /// True when a second run of the same file would change nothing.
    public var changesNothing: Bool {
        newPeople.isEmpty && updated == 0 && enrolmentsAdded == 0 && enrolmentsChanged == 0 && eventsAdded == 0
    }

    /// Rows the categories account for; always `rows`, which `counts` shows as a sum.
    public var rowsAccounted: Int {
        newPeople.count + matchedRows.values.reduce(0, +) + repeatedRows + rejected.count + skipped.count
    }

    /// Where every row went and why, adding up to the rows read, then how many known people
    /// change: "new 8 · matched by e-mail 3 · possible duplicates 1 (kept as new people) ·
    /// rejected 1 · skipped 0 = 13 rows; updated 1". The line every preview starts with.
    public var counts: String { counts(in: .en) }

    /// The counts line in `language`, its numbers grouped as the language groups them.
    public func counts(in language: Language) -> String {
        let words = Words(language)
        func say(_ key: String, _ n: Int) -> String { words.format("counts.\(key)", table: "Import", language.number(n)) }
        var parts = [say("new", newPeople.count - possibleDuplicates.count)]
        let by: [MatchedBy] = [.code, .email, .name, .roster]
        let matchedParts = by.compactMap { b in matchedRows[b].flatMap { $0 > 0 ? say("matchedBy.\(b.key)", $0) : nil } }
        parts += matchedParts.isEmpty ? [say("matchedNone", 0)] : matchedParts
        if repeatedRows > 0 { parts.append(say("again", repeatedRows)) }
        if !possibleDuplicates.isEmpty { parts.append(say("duplicates", possibleDuplicates.count)) }
        parts += [say("rejected", rejected.count), say("skipped", skipped.count)]
        let total = words.format(
            rows == 1 ? "counts.total.one" : "counts.total", table: "Import", language.number(rows), language.number(updated))
        return parts.joined(separator: " · ") + total
    }
}
