import Foundation
import GRDB
extension Attendance {
    /// Appends one attendance event and returns it, with the current mark that results, once it
    /// is durably committed.
    ///
    /// The person must be on the course's roster. `late` without an arrival time gets
    /// `AttendanceTimes.defaultArrival` (now only while the session runs: a mark typed after
    /// the fact must not claim the person arrived when it was typed). Arrival and departure must
    /// fall on the session's day and go with present or late. The resulting mark is derived by `MarkRule` from the whole log inside the same transaction,
    /// so a screen shows it as it is (a kiosk check-in loses to an earlier facilitator's mark)
    /// without deriving anything itself.
    @discardableResult
    public func mark(
        session: Session, person: Person, status: AttendanceStatus,
        source: EventSource, arrival: Date? = nil, departure: Date? = nil, note: String = ""
    ) throws -> MarkOutcome {
        guard let personID = person.id, let sessionID = session.id else {
            throw MusterError.unknownParticipant(person.code)
        }
        let now = clock()
        var event = AttendanceEvent(
            sessionID: sessionID, personID: personID, status: status, arrival: arrival, departure: departure,
            note: NameSanitizer.cleanMultiline(note), recordedAt: now, actor: actor,
            device: deviceID, source: source)
        return try store.logWrite { log in
            try Self.requireEnrolment(log.db, courseID: session.courseID, person: person)
            let times = try Self.timeRules(log.db, session: session)
            if status == .late && event.arrival == nil {
                event.arrival = AttendanceTimes.defaultArrival(session: session, lateAfterMinutes: times.lateAfterMinutes, now: now)
            }
            try AttendanceTimes.check(status: status, arrival: event.arrival, departure: departure, session: session, zone: times.zone)
            event.recordedAt = try log.orderedTime(event.recordedAt, sessionID: sessionID, personID: personID)
            return try log.appendReporting(event)
        }
    }

    /// Records that someone left at `departure` (now or the session's end when nil): a new event
    /// with their current status, arrival and note plus the departure, so the mark stays present
    /// or late and an undo of it brings back the mark without a departure.
    @discardableResult
    public func recordDeparture(session: Session, person: Person, at departure: Date?, source: EventSource) throws -> MarkOutcome {
        guard let personID = person.id, let sessionID = session.id else {
            throw MusterError.unknownParticipant(person.code)
        }
        let now = clock()
        return try store.logWrite { log in
            try Self.requireEnrolment(log.db, courseID: session.courseID, person: person)
            let times = try Self.timeRules(log.db, session: session)
            let events = try log.events(sessionID: sessionID, personID: personID)
            guard let current = MarkRule.currentMark(of: events), current.status.isAttending else {
                throw MusterError.refused(.nothingToLeaveFrom(code: person.code, name: person.displayName))
            }
            var event = AttendanceEvent(
                sessionID: sessionID, personID: personID, status: current.status, arrival: current.arrival,
                departure: departure ?? AttendanceTimes.defaultDeparture(session: session, now: now), note: current.note,
                recordedAt: now, actor: actor, device: deviceID, source: source)
            try AttendanceTimes.check(
                status: event.status, arrival: event.arrival, departure: event.departure, session: session, zone: times.zone)
            event.recordedAt = try log.orderedTime(now, sessionID: sessionID, personID: personID)
            return try log.appendReporting(event)
        }
    }

    /// The session's zone and its course's late threshold, read where the times are checked.
    static func timeRules(_ db: Database, session: Session) throws -> (zone: TimeZone, lateAfterMinutes: Int) {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT time_zone, late_after_minutes FROM course WHERE id = ?"), arguments: [session.courseID])
        let courseZone = (row?["time_zone"] as String?).flatMap(TimeZone.init(identifier:)) ?? .gmt
        return (AttendanceTimes.zone(of: session, courseZone: courseZone), row?["late_after_minutes"] ?? 15)
    }

    /// What a write left: the event, the one it cancelled (for undo) and the current mark.
    static func outcome(_ db: Database, of event: AttendanceEvent, cancelled: AttendanceEvent?) throws -> MarkOutcome {
        let events = try Self.events(db, sessionID: event.sessionID, personID: event.personID)
        return MarkOutcome(event: event, cancelled: cancelled, current: MarkRule.currentMark(of: events))
    }

    /// A recording time strictly after every event already stored for this person and session.
    ///
    /// Two marks in the same millisecond (or a clock that stepped back) would otherwise be
    /// ordered by their random ids, and a correction could lose to the mark it corrects. Inside
    /// the write transaction this makes "recorded later" mean "wins" on one file, whatever the clocks.
    static func orderedTime(_ db: Database, _ proposed: Date, sessionID: Int64, personID: Int64) throws -> Date {
        let latest = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT max(recorded_ms) FROM attendance_event WHERE session_id = ? AND person_id = ?"),
            arguments: [sessionID, personID])
        guard let latest, proposed.ms <= latest else { return proposed }
        return Date(ms: latest + 1)
    }

    /// Cancels the latest event that still counts for this person in this session, by appending
    /// an undo event. Returns the undo event, the mark it cancelled and the mark that results.
    @discardableResult
    public func undo(session: Session, person: Person, source: EventSource) throws -> MarkOutcome {
        guard let personID = person.id, let sessionID = session.id else {
            throw MusterError.unknownParticipant(person.code)
        }
        return try store.logWrite { log in
            let events = try log.events(sessionID: sessionID, personID: personID)
            guard let target = MarkRule.latestUndoable(of: events) else {
                throw MusterError.nothingToUndo(person: person.code, session: session.key)
            }
            let undo = try appendUndo(log, of: target, among: events, source: source)
            return try log.outcome(of: undo, cancelled: target)
        }
    }

    /// Undoes one specific event (the roll call's `u` undoes the last mark it made, whoever it was for).
    @discardableResult
    public func undo(eventID: UUID, source: EventSource) throws -> MarkOutcome {
        try store.logWrite { log in
            guard let target = try log.event(id: eventID) else { throw MusterError.refused(.noEvent(eventID)) }
            let events = try log.events(sessionID: target.sessionID, personID: target.personID)
            guard MarkRule.effective(events).contains(where: { $0.id == target.id }) else {
                throw MusterError.refused(.markAlreadyUndone)
            }
            let undo = try appendUndo(log, of: target, among: events, source: source)
            return try log.outcome(of: undo, cancelled: target)
        }
    }

    /// Appends the event cancelling `target`. Its status records the mark that results, so the
    /// log reads naturally ("undo: back to present"); derivation itself ignores undo events.
    func appendUndo(
        _ db: Database, of target: AttendanceEvent, among events: [AttendanceEvent],
        source: EventSource
    ) throws -> AttendanceEvent {
        try appendUndo(EventLog(db: db, journal: nil), of: target, among: events, source: source)
    }

    func appendUndo(
        _ log: EventLog, of target: AttendanceEvent, among events: [AttendanceEvent],
        source: EventSource
    ) throws -> AttendanceEvent {
        var undo = AttendanceEvent(
            sessionID: target.sessionID, personID: target.personID,
            status: .cleared, recordedAt: clock(), actor: actor, device: deviceID,
            source: source, undoes: target.id)
        undo.status = MarkRule.currentMark(of: events + [undo])?.status ?? .cleared
        undo.recordedAt = try log.orderedTime(undo.recordedAt, sessionID: target.sessionID, personID: target.personID)
        try log.append(undo)
        return undo
    }

    /// Current marks in a session, keyed by person id. People without a mark are absent from the map.
    ///
    /// A guest's own marks not yet absorbed by the writer are in view too, so its roll call
    /// does not lose them when it reloads after another process's commit.
    public func marks(sessionID: Int64) throws -> [Int64: AttendanceEvent] {
        try store.logRead { log in
            var marks = try Self.marks(log.db, sessionIDs: [sessionID])[sessionID] ?? [:]
            for (personID, mark) in try log.journalMarks(sessionID: sessionID) { marks[personID] = mark }
            return marks
        }
    }

    /// Current marks in a session of some people (a page of the roll call), keyed by person id;
    /// a guest's own unabsorbed marks in view, as in `marks(sessionID:)`.
    public func marks(sessionID: Int64, personIDs: [Int64]) throws -> [Int64: AttendanceEvent] {
        guard !personIDs.isEmpty else { return [:] }
        return try store.logRead { log in
            var grouped: [Int64: [AttendanceEvent]] = [:]
            for start in stride(from: 0, to: personIDs.count, by: 500) {
                let chunk = Array(personIDs[start..<min(start + 500, personIDs.count)])
                let rows = try Row.fetchCursor(
                    log.db,
                    sql: """
                        SELECT * FROM attendance_event INDEXED BY attendance_by_mark
                        WHERE session_id = ? AND person_id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                        """, arguments: StatementArguments([sessionID] + chunk))
                while let row = try rows.next() {
                    let event = AttendanceEvent(row: row)
                    grouped[event.personID, default: []].append(event)
                }
            }
            var marks = grouped.compactMapValues { MarkRule.currentMark(of: $0) }
            let wanted = Set(personIDs)
            for (personID, mark) in try log.journalMarks(sessionID: sessionID) where wanted.contains(personID) {
                marks[personID] = mark
            }
            return marks
        }
    }

    /// Whether some event of the session was made on another device than `device`: the roll
    /// call then shows where each mark came from. One index walk that stops at the first.
    public func hasMarksFromElsewhere(sessionID: Int64, device: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM attendance_event INDEXED BY attendance_by_mark WHERE session_id = ? AND device <> ? LIMIT 1",
                arguments: [sessionID, device]) ?? false
        }
    }

    /// Current marks for every session of a course: session id → person id → winning event.
    public func marks(courseID: Int64) throws -> [Int64: [Int64: AttendanceEvent]] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM session WHERE course_id = ?", arguments: [courseID])
            return try Self.marks(db, sessionIDs: ids)
        }
    }

    /// Every event for one person in one session, oldest first (for history and conflict views).
    public func events(sessionID: Int64, personID: Int64) throws -> [AttendanceEvent] {
        try store.logRead { log in try log.events(sessionID: sessionID, personID: personID) }
    }

    /// Total number of events in the log, for tests and soaks.
    public func eventCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance_event") ?? 0 }
    }

    static func events(_ db: Database, sessionID: Int64, personID: Int64) throws -> [AttendanceEvent] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT * FROM attendance_event WHERE session_id = ? AND person_id = ? ORDER BY recorded_ms, id"),
            arguments: [sessionID, personID]
        ).map(AttendanceEvent.init(row:))
    }

    static func marks(_ db: Database, sessionIDs: [Int64]) throws -> [Int64: [Int64: AttendanceEvent]] {
        var grouped: [Int64: [Int64: [AttendanceEvent]]] = [:]
        for sessionID in sessionIDs {
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM attendance_event WHERE session_id = ?",
                arguments: [sessionID])
            while let row = try rows.next() {
                let e = AttendanceEvent(row: row)
                grouped[e.sessionID, default: [:]][e.personID, default: []].append(e)
            }
        }
        return grouped.mapValues { byPerson in byPerson.compactMapValues { MarkRule.currentMark(of: $0) } }
    }

    static func requireEnrolment(_ db: Database, courseID: Int64, person: Person) throws {
        let enrolled =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM enrolment WHERE course_id = ? AND person_id = ?"),
                arguments: [courseID, person.id]) ?? false
        if !enrolled {
            let code = try String.fetchOne(db, sql: "SELECT code FROM course WHERE id = ?", arguments: [courseID]) ?? "?"
            throw MusterError.notEnrolled(person: person.code, course: code)
        }
    }
}

extension Attendance {
    /// Attendance events recorded for a session (a session with any cannot be deleted).
    public func eventCount(sessionID: Int64) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance_event WHERE session_id = ?", arguments: [sessionID]) ?? 0
        }
    }
}
