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
    /// Never stored: set only on the current mark `MarkRule` derives, when a kiosk check-in came
    /// after a facilitator's absent and so counts as late until the facilitator confirms. Carried
    /// on the event so every reader of current marks (roll call, exports) sees the flag with it.
    public var kioskAfterAbsent = false

    /// Without an `id`, the event gets a time-ordered one of `recordedAt` (`UUID.timeOrdered`).
    public init(
        id: UUID? = nil, sessionID: Int64, personID: Int64, status: AttendanceStatus,
        arrival: Date? = nil, departure: Date? = nil, note: String = "", recordedAt: Date,
        actor: String, device: String, source: EventSource, undoes: UUID? = nil
    ) {
        self.id = id ?? .timeOrdered(at: recordedAt); self.sessionID = sessionID; self.personID = personID
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
/// the rule correct when logs from several devices are merged in any order. The rule is a pure
/// function of the *set* of events (it orders them itself), so merged logs from devices whose
/// clocks disagree still derive one mark. Written down in `docs/ATTENDANCE-RULE.md`; the
/// `attendance_mark` cache is this rule's output, stored by the log's writer (`AttendanceMarkWrites`).
public enum MarkRule {
    /// True when `a` was recorded after `b`: the later `recordedAt`, then the greater event id as
    /// a tie-break every device computes the same way. Sources are not compared here.
    public static func later(_ a: AttendanceEvent, _ b: AttendanceEvent) -> Bool {
        if a.recordedAt != b.recordedAt { return a.recordedAt > b.recordedAt }
        return a.id.uuidString > b.id.uuidString
    }

    /// The events that still count: not undo events themselves, and not cancelled by one.
    public static func effective(_ events: [AttendanceEvent]) -> [AttendanceEvent] {
        let undone = Set(events.compactMap(\.undoes))
        return events.filter { $0.undoes == nil && !undone.contains($0.id) }
    }

    /// The current mark and how it came about: the rule, once.
    ///
    /// Among the effective events, let F be the latest facilitator event (any source but the
    /// kiosk); a check-in is a kiosk event saying present or late.
    /// - No F: the latest kiosk event decides (nil when there is none).
    /// - F is `absent` or `cleared` and a check-in was recorded after it: the person came after
    ///   all. The earliest such check-in decides: after an absent it counts as `late` with its
    ///   check-in time as the arrival, flagged `kioskAfterAbsent` for the facilitator to confirm;
    ///   after a clear it counts as itself.
    /// - Otherwise F decides: a facilitator's mark made after a check-in wins, and a present,
    ///   late or excused made before one still stands.
    public static func derive(_ events: [AttendanceEvent]) -> DerivedMark {
        let counted = effective(events)
        let checkIns = counted.filter { $0.source == .kiosk }
        let facilitator = counted.filter { $0.source != .kiosk }.max { later($1, $0) }
        guard let f = facilitator else {
            return DerivedMark(deciding: checkIns.max { later($1, $0) }, kioskAfterAbsent: false)
        }
        if f.status == .absent || f.status == .cleared,
            let firstAfter = checkIns.filter({ $0.status.isAttending && later($0, f) }).min(by: { later($1, $0) })
        {
            guard f.status == .absent else { return DerivedMark(deciding: firstAfter, kioskAfterAbsent: false) }
            return DerivedMark(deciding: firstAfter, kioskAfterAbsent: true)
        }
        return DerivedMark(deciding: f, kioskAfterAbsent: false)
    }

    /// The current mark: nil if no event counts or the deciding one cleared the mark. A check-in
    /// after an absent comes back as that check-in with status `late`, its arrival the check-in
    /// time, and `kioskAfterAbsent` set, so every reader shows and counts the same thing.
    public static func currentMark(of events: [AttendanceEvent]) -> AttendanceEvent? {
        derive(events).current
    }

    /// The event an undo would cancel: the latest effective one by recording time.
    public static func latestUndoable(of events: [AttendanceEvent]) -> AttendanceEvent? {
        effective(events).max { later($1, $0) }
    }
}

/// What `MarkRule.derive` found: the event that decides the mark, and whether it is a kiosk
/// check-in that overrode a facilitator's absent (which the roll call flags until confirmed).
public struct DerivedMark: Hashable, Sendable {
    public var deciding: AttendanceEvent?
    public var kioskAfterAbsent: Bool

    /// The mark as every reader shows it; nil when there is none or it was cleared.
    public var current: AttendanceEvent? {
        guard var event = deciding, event.status != .cleared else { return nil }
        if kioskAfterAbsent {
            event.status = .late
            event.arrival = event.arrival ?? event.recordedAt
            event.kioskAfterAbsent = true
        }
        return event
    }
}
