import Foundation

/// What `muster sync export` wrote.
public struct SyncExportSummary: Sendable, Hashable {
    public var path: String
    public var bundleID: String
    public var courses: [String]
    public var records: Int
    public var bytes: Int
    /// Per origin (its label or id), the ranges of sequence numbers the bundle carries.
    public var ranges: [String: [ClosedRange<Int64>]]
    public var encrypted: Bool

    public init(
        path: String, bundleID: String, courses: [String], records: Int, bytes: Int,
        ranges: [String: [ClosedRange<Int64>]], encrypted: Bool
    ) {
        self.path = path; self.bundleID = bundleID; self.courses = courses; self.records = records
        self.bytes = bytes; self.ranges = ranges; self.encrypted = encrypted
    }
}

/// What `muster sync import` added (or would add, on a dry run) from one bundle.
public struct SyncImportSummary: Sendable, Hashable {
    public struct Added: Sendable, Hashable {
        /// Course code, or "" for records outside any course (people and agencies not enrolled).
        public var course: String
        /// "courses", "sessions", "agencies", "people", "enrolments", "quotas", "course agencies",
        /// "events", "edits", "removals", "erasures".
        public var kind: String
        public var count: Int
        public init(course: String, kind: String, count: Int) { self.course = course; self.kind = kind; self.count = count }
    }
    public var path: String
    public var bundleID: String
    /// The library that wrote the bundle (label, else origin id).
    public var from: String
    public var dryRun: Bool
    /// The bundle was imported before: nothing to do.
    public var alreadyImported: Bool
    public var added: [Added]
    /// Records this library had already.
    public var skipped: Int
    /// Records refused, one line each (same id, different content).
    public var refused: [String]
    /// Conflicts that are open after this import and were not before.
    public var newConflicts: [SyncConflict]
    /// Records from a device whose clock was far ahead or behind.
    public var clockWarnings: [String]
    /// Records kept but not yet applied because what they refer to has not arrived.
    public var waiting: Int

    public init(
        path: String, bundleID: String, from: String, dryRun: Bool, alreadyImported: Bool = false,
        added: [Added] = [], skipped: Int = 0, refused: [String] = [], newConflicts: [SyncConflict] = [],
        clockWarnings: [String] = [], waiting: Int = 0
    ) {
        self.path = path; self.bundleID = bundleID; self.from = from; self.dryRun = dryRun
        self.alreadyImported = alreadyImported; self.added = added; self.skipped = skipped
        self.refused = refused; self.newConflicts = newConflicts; self.clockWarnings = clockWarnings
        self.waiting = waiting
    }

    public var addedTotal: Int { added.reduce(0) { $0 + $1.count } }
}

/// Two or more concurrent values of one field: the library shows the deterministic winner and
/// keeps the others until someone chooses (`muster sync resolve`).
public struct SyncConflict: Sendable, Hashable, Identifiable {
    public struct Candidate: Sendable, Hashable {
        public var recordID: String
        public var origin: String
        /// The origin's label ("kiosk-door (ana)"), else its id's first 8 digits.
        public var originLabel: String
        public var value: SyncValue
        public var at: Date
        public var isWinner: Bool
        public init(recordID: String, origin: String, originLabel: String, value: SyncValue, at: Date, isWinner: Bool) {
            self.recordID = recordID; self.origin = origin; self.originLabel = originLabel; self.value = value
            self.at = at; self.isWinner = isWinner
        }
    }
    /// Short, stable id a user types: the first 8 hex digits of a hash of entity, gid and field.
    public var id: String
    /// The course it concerns, when there is one.
    public var course: String?
    public var entity: String
    public var gid: String
    /// What a user recognises: "person MX-003 Ana Pérez", "session d2-am of palau-mmc-2024".
    public var label: String
    public var field: String
    public var candidates: [Candidate]
    /// `label` as words for any language.
    public var said: ChangeSummary? = nil

    public init(id: String, course: String?, entity: String, gid: String, label: String, field: String, candidates: [Candidate]) {
        self.id = id; self.course = course; self.entity = entity; self.gid = gid; self.label = label
        self.field = field; self.candidates = candidates
    }

    public var winner: Candidate? { candidates.first(where: \.isWinner) }

    /// "persona MX-003 Ana Pérez": what it concerns, in `language`.
    public func label(in language: Language) -> String { said?.text(in: language) ?? label }

    /// The field as a person calls it ("e-mail", "correo electrónico"); a column no catalogue
    /// names shows as the library calls it.
    public func fieldLabel(in language: Language) -> String {
        let key = "field.\(field)", said = Words(language).text(key, table: "Changes")
        return said == key ? field : said
    }
}

/// What `muster sync status` shows.
public struct SyncStatus: Sendable, Hashable {
    public struct Holding: Sendable, Hashable {
        public var origin: String
        public var label: String
        public var isLocal: Bool
        /// Sequence numbers held, as ranges.
        public var ranges: [ClosedRange<Int64>]
        /// Sequence numbers missing below the highest held: ask `label` for them.
        public var gaps: [ClosedRange<Int64>]
        public var lastSeen: Date?
        public init(origin: String, label: String, isLocal: Bool, ranges: [ClosedRange<Int64>], gaps: [ClosedRange<Int64>], lastSeen: Date?)
        {
            self.origin = origin; self.label = label; self.isLocal = isLocal; self.ranges = ranges; self.gaps = gaps
            self.lastSeen = lastSeen
        }
    }
    public struct Transfer: Sendable, Hashable {
        public var at: Date
        /// "export" or "import".
        public var direction: String
        public var path: String
        public var name: String?
        public var records: Int
        public init(at: Date, direction: String, path: String, name: String?, records: Int) {
            self.at = at; self.direction = direction; self.path = path; self.name = name; self.records = records
        }
    }
    public var origin: String
    public var label: String
    public var sqliteVersion: String
    /// Inside the WAL-reset bug's range (3.7.0 to 3.51.2, fixed in 3.51.3).
    public var walResetBug: Bool
    public var holdings: [Holding]
    public var transfers: [Transfer]
    public var openConflicts: Int
    public var clockWarnings: [String]

    public init(
        origin: String, label: String, sqliteVersion: String, walResetBug: Bool, holdings: [Holding],
        transfers: [Transfer], openConflicts: Int, clockWarnings: [String]
    ) {
        self.origin = origin; self.label = label; self.sqliteVersion = sqliteVersion; self.walResetBug = walResetBug
        self.holdings = holdings; self.transfers = transfers; self.openConflicts = openConflicts
        self.clockWarnings = clockWarnings
    }
}
