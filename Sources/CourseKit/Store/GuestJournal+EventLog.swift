import Foundation
import GRDB

/// The attendance log as one process may write it: the library's events, plus (for a guest)
/// the events in its own journal that the writer has not absorbed yet.
///
/// Every attendance write (a mark, a departure, an undo, a kiosk check-in) reads and appends
/// through this, so a writer and a guest decide with the same code: a guest's "already
/// checked in", its ordering of recording times and the mark it reports all see its own
/// unabsorbed events as well as the library's.
struct EventLog {
    /// The library: writable for the writer, a read-only snapshot for a guest.
    let db: Database
    /// A guest's journal, in its write transaction; nil for the writer.
    let journal: Database?

    /// Every event for one person in one session, library and journal, oldest first.
    func events(sessionID: Int64, personID: Int64) throws -> [AttendanceEvent] {
        let stored = try Attendance.events(db, sessionID: sessionID, personID: personID)
        guard let journal else { return stored }
        return Self.merged(stored, try GuestJournal.events(journal, sessionID: sessionID, personID: personID))
    }

    /// One event by id, wherever it is.
    func event(id: UUID) throws -> AttendanceEvent? {
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM attendance_event WHERE id = ?", arguments: [id.lowercaseText]) {
            return AttendanceEvent(row: row)
        }
        return try journal.flatMap { try GuestJournal.event($0, id: id) }
    }

    /// A recording time strictly after every event of this person and session (see `Attendance.orderedTime`).
    func orderedTime(_ proposed: Date, sessionID: Int64, personID: Int64) throws -> Date {
        let inLibrary = try Attendance.orderedTime(db, proposed, sessionID: sessionID, personID: personID)
        guard let journal else { return inLibrary }
        let latest = try Int64.fetchOne(
            journal, sql: "SELECT max(recorded_ms) FROM guest_event WHERE session_id = ? AND person_id = ?",
            arguments: [sessionID, personID])
        guard let latest, inLibrary.ms <= latest else { return inLibrary }
        return Date(ms: latest + 1)
    }

    /// Appends an event: to the library through its writer (which derives the stored mark),
    /// or to the guest's journal.
    func append(_ event: AttendanceEvent) throws {
        if let journal { try GuestJournal.append(journal, event) } else { try AttendanceEventWrites.append(db, event) }
    }

    /// `append` then `outcome(of:cancelled:)`. The writer's derivation has just read the
    /// person's events and found their mark, so the writer does not read them a second time.
    func appendReporting(_ event: AttendanceEvent, cancelled: AttendanceEvent? = nil) throws -> MarkOutcome {
        guard journal != nil else {
            return MarkOutcome(event: event, cancelled: cancelled, current: try AttendanceEventWrites.append(db, event))
        }
        try append(event)
        return try outcome(of: event, cancelled: cancelled)
    }

    /// What a write left: the event, the one it cancelled and the mark the whole log gives now.
    func outcome(of event: AttendanceEvent, cancelled: AttendanceEvent?) throws -> MarkOutcome {
        MarkOutcome(
            event: event, cancelled: cancelled,
            current: MarkRule.currentMark(of: try events(sessionID: event.sessionID, personID: event.personID)))
    }

    /// The current marks, by the whole log, of the people this guest's journal has events for
    /// in a session (nil: none, or cleared): what the library's derived marks do not know yet.
    /// Empty for the writer.
    func journalMarks(sessionID: Int64) throws -> [Int64: AttendanceEvent?] {
        guard let journal else { return [:] }
        var marks: [Int64: AttendanceEvent?] = [:]
        for personID in Set(try GuestJournal.events(journal, sessionID: sessionID).map(\.personID)) {
            marks[personID] = MarkRule.currentMark(of: try events(sessionID: sessionID, personID: personID))
        }
        return marks
    }

    /// Library and journal events together, in the library's order (recording time, then id).
    static func merged(_ a: [AttendanceEvent], _ b: [AttendanceEvent]) -> [AttendanceEvent] {
        guard !b.isEmpty else { return a }
        let known = Set(a.map(\.id))
        return (a + b.filter { !known.contains($0.id) }).sorted {
            ($0.recordedAt.ms, $0.id.lowercaseText) < ($1.recordedAt.ms, $1.id.lowercaseText)
        }
    }
}

extension CourseStore {
    /// Runs an attendance write: in the library's write transaction for the writer, or for a
    /// guest in its journal's transaction over a read snapshot of the library. Returns once
    /// committed (a guest's mark is acknowledged when its journal has it on disk).
    func logWrite<T>(_ body: (EventLog) throws -> T) throws -> T {
        guard let journal = try guestJournal() else { return try write { db in try body(EventLog(db: db, journal: nil)) } }
        let result = try journal.write { jdb in try read { db in try body(EventLog(db: db, journal: jdb)) } }
        bumpGeneration()
        return result
    }

    /// Reads with the journal's events in view (a guest's marks before the writer absorbs them).
    func logRead<T>(_ body: (EventLog) throws -> T) throws -> T {
        guard let journal = currentGuestJournal() else { return try read { db in try body(EventLog(db: db, journal: nil)) } }
        return try journal.read { jdb in try read { db in try body(EventLog(db: db, journal: jdb)) } }
    }
}
