import Foundation

/// The only way attendance changes. Events are appended, never updated or deleted;
/// an undo is a new event that restores the earlier mark and names what it undid.
public struct AttendanceEvent: Hashable, Sendable, Identifiable {
    /// Made on the device that recorded the event, so devices can merge logs later.
    public var id: UUID
    public var sessionID: Int64
    public var personID: Int64
    public var status: AttendanceStatus
    public var arrival: Date?
    public var departure: Date?
    public var note: String
    public var recordedAt: Date
    public var actor: String
    public var device: String
    public var source: EventSource
    /// Set on undo events: the event whose effect this one reverses.
    public var undoes: UUID?

    public init(
        id: UUID = UUID(), sessionID: Int64, personID: Int64, status: AttendanceStatus,
        arrival: Date? = nil, departure: Date? = nil, note: String = "", recordedAt: Date,
        actor: String, device: String, source: EventSource, undoes: UUID? = nil
    ) {
        self.id = id; self.sessionID = sessionID; self.personID = personID
        self.status = status; self.arrival = arrival; self.departure = departure; self.note = note
        self.recordedAt = recordedAt; self.actor = actor; self.device = device; self.source = source
        self.undoes = undoes
    }
}

/// What one attendance write left behind, read in the transaction that wrote it.
///
/// Screens show `current` as the person's mark: it is `MarkRule` applied to the whole log, so
/// nobody outside the store re-derives a mark from a single event.
public struct MarkOutcome: Hashable, Sendable {
    /// The event appended: a mark, or an undo naming the event it cancels.
    public var event: AttendanceEvent
    /// For an undo, the event it cancelled.
    public var cancelled: AttendanceEvent?
    /// The current mark after the write, nil when the person has none (never marked, cleared,
    /// or every mark undone).
    public var current: AttendanceEvent?

    public init(event: AttendanceEvent, cancelled: AttendanceEvent? = nil, current: AttendanceEvent?) {
        self.event = event; self.cancelled = cancelled; self.current = current
    }

    /// The resulting status, `.cleared` when there is no mark.
    public var status: AttendanceStatus { current?.status ?? .cleared }
}

/// The derivation rule shared by every device, so all of them show the same mark for the same log.
///
/// An undo event cancels the event it names, as if that event had never been recorded; this keeps
/// the rule correct when logs from several devices are merged in any order.
public enum MarkRule {
    /// True when `a` beats `b`: higher source authority first (a facilitator's mark beats a
    /// kiosk check-in), then the later `recordedAt`, then the greater event id as a tie-break.
    public static func beats(_ a: AttendanceEvent, _ b: AttendanceEvent) -> Bool {
        if a.source.authority != b.source.authority { return a.source.authority > b.source.authority }
        if a.recordedAt != b.recordedAt { return a.recordedAt > b.recordedAt }
        return a.id.uuidString > b.id.uuidString
    }

    /// The events that still count: not undo events themselves, and not cancelled by one.
    public static func effective(_ events: [AttendanceEvent]) -> [AttendanceEvent] {
        let undone = Set(events.compactMap(\.undoes))
        return events.filter { $0.undoes == nil && !undone.contains($0.id) }
    }

    /// The winning event of one participant's events in one session, or nil when none counts.
    public static func winner(of events: [AttendanceEvent]) -> AttendanceEvent? {
        effective(events).reduce(nil) { best, e in
            guard let b = best else { return e }
            return beats(e, b) ? e : b
        }
    }

    /// The current mark: the winner, or nil if there is none or it cleared the mark.
    public static func currentMark(of events: [AttendanceEvent]) -> AttendanceEvent? {
        guard let w = winner(of: events), w.status != .cleared else { return nil }
        return w
    }

    /// The event an undo would cancel: the latest effective one by recording time.
    public static func latestUndoable(of events: [AttendanceEvent]) -> AttendanceEvent? {
        effective(events).max { ($0.recordedAt, $0.id.uuidString) < ($1.recordedAt, $1.id.uuidString) }
    }
}
