import Foundation

/// One person as a roster file describes them, mapped from the file's layout and cleaned, before
/// they are matched to the library. Empty strings and nils mean "the file does not say".
public struct ImportRow: Sendable, Equatable {
    /// Physical line of the record in the file, for every message about it.
    public var line: Int
    /// A Muster participant code, when the file carries one (Muster's own export).
    public var code = ""
    public var givenName = ""
    public var familyName = ""
    /// Other names the same person may be known by (Zoom's "Name (Original Name)"), each "Given Family".
    public var otherNames: [String] = []
    /// Trimmed and lower-cased.
    public var email = ""
    public var phone = ""
    public var position = ""
    public var sex: Sex?
    /// ISO 3166-1 alpha-2.
    public var country = ""
    /// An agency code, acronym or name as the file writes it.
    public var agency = ""
    public var role: Role?
    public var status: NominationStatus?
    public var attendance: [AttendanceClaim] = []
    /// Problems that did not stop the row ("unknown country 'Narnia'; left empty").
    public var warnings: [RowReason] = []

    public init(line: Int) { self.line = line }

    public var displayName: String { [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// What a file says about someone's presence in a session, before it is matched to a session.
public enum AttendanceClaim: Sendable, Equatable {
    /// A mark the file states outright: a Moodle cell, a row of Muster's own export.
    case mark(MarkClaim)
    /// A check-in time (pretix, Indico): present, or late after the course's threshold.
    case checkIn(at: TimeCandidates, out: TimeCandidates?)
    /// One stretch in an online meeting (a Zoom row, a Teams activity or join/leave pair): a
    /// person's stretches are split over the sessions they overlap and added up in each
    /// (`MeetingCredit`), then the minimum share of the session decides.
    case meeting(join: TimeCandidates, leave: TimeCandidates?, minutes: Double)
}

public struct MarkClaim: Sendable, Equatable {
    public enum SessionRef: Sendable, Equatable {
        case key(String)
        case start(Date)
    }
    public var session: SessionRef
    public var status: AttendanceStatus
    public var arrival: Date?
    public var departure: Date?
    /// Kept from Muster's own export so a re-import reproduces the mark exactly; nil for other tools.
    public var recorded: RecordedStamp?
    /// The mark's note (an excuse's reason), kept from Muster's own export.
    public var note: String

    public init(
        session: SessionRef, status: AttendanceStatus, arrival: Date? = nil, departure: Date? = nil,
        recorded: RecordedStamp? = nil, note: String = ""
    ) {
        self.session = session; self.status = status; self.arrival = arrival; self.departure = departure
        self.recorded = recorded; self.note = note
    }
}

/// When, where and by what a mark was first recorded.
public struct RecordedStamp: Sendable, Equatable {
    public var at: Date
    public var source: EventSource
    public var device: String
    /// Who recorded it; nil when the file does not say (exports made before the `actor` column),
    /// and the importing library's actor is used.
    public var actor: String?
}

/// The readings of a date a file writes ambiguously ("05/07/2024": 7 May or 5 July), month/day
/// first. `DateOrder` then reads the whole file one way round (a date with a number over 12
/// decides; else the course's calendar), and the session matcher takes the reading left.
public struct TimeCandidates: Sendable, Equatable {
    /// How the text wrote day and month, so a whole file can be read one way (`DateOrder`).
    public enum Order: Sendable, Equatable {
        /// Year first (ISO 8601), or day and month equal: one reading only.
        case fixed
        /// The first number is over 12: only day/month reads.
        case dayFirst
        /// The second number is over 12: only month/day reads.
        case monthFirst
        /// Both readings are dates: `dates` holds month/day, then day/month.
        case either
    }
    public var dates: [Date]
    public var order: Order
    public init(_ dates: [Date], order: Order = .fixed) { self.dates = dates; self.order = order }
}

/// What an adapter made of one record.
public enum RowOutcome: Sendable, Equatable {
    case row(ImportRow)
    /// Deliberately left out (a Zoom waiting-room row): reported, not an error.
    case skipped(line: Int, reason: RowReason)
    /// Malformed: reported with its line; blocks a real import unless rejected rows are skipped.
    case rejected(line: Int, reason: RowReason)
}
