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
    /// Minutes in an online session that count as attending; nil means 60 % of each session.
    public var minimumMinutes: Int?
    /// The zone of times written without an offset; nil means the course's.
    public var timeZone: TimeZone?
    public var limits: CSVLimits
    /// Per-row triggers or a set-wise rebuild for the derived roster tables; tests force one or
    /// the other to prove they leave the same rows.
    var derivedUpkeep = DerivedUpkeep.automatic
    /// Create people even if they were erased (they asked to be registered again); see `refuseErased`.
    public var allowErased = false

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

    public enum MatchedBy: String, Sendable, Equatable {
        case code, email = "e-mail", name = "name and country", roster = "name on the roster"
    }

    public struct Match: Sendable, Equatable {
        public var line: Int
        public var code: String
        public var name: String
        public var by: MatchedBy
        /// What the import adds or changes for this person ("phone added", "status nominated → confirmed").
        public var changes: [String]
    }

    public var file: String
    public var course: String
    public var format: RosterFormat
    /// "UTF-16 LE, tab-separated".
    public var dialect: String
    /// Encoding fallbacks, replaced characters and the like.
    public var notes: [String] = []
    /// Data rows read (blank lines and the header not counted).
    public var rows = 0
    public var newPeople: [PersonLine] = []
    public var matched: [Match] = []
    public var rejected: [RowProblem] = []
    public var skipped: [RowProblem] = []
    public var warnings: [RowProblem] = []
    public var enrolmentsAdded = 0
    public var enrolmentsChanged = 0
    public var eventsAdded = 0
    public var eventsAlreadyRecorded = 0
    /// False for a dry run, and for a run refused because of rejected rows.
    public var applied = false

    /// People matched whose record or enrolment the import changes.
    public var updated: Int { matched.filter { !$0.changes.isEmpty }.count }

    /// True when a second run of the same file would change nothing.
    public var changesNothing: Bool {
        newPeople.isEmpty && updated == 0 && enrolmentsAdded == 0 && enrolmentsChanged == 0 && eventsAdded == 0
    }

    /// "new 8, matched 3, updated 1, rejected 1, skipped 0": the line every preview starts with.
    public var counts: String {
        "new \(newPeople.count), matched \(matched.count), updated \(updated), rejected \(rejected.count), skipped \(skipped.count)"
    }
}
