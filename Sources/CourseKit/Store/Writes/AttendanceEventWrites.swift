import GRDB

/// Writes to `attendance_event`, the append-only attendance log. Events are only ever appended
/// (an undo is another event); the one exception is erasure taking a person out of notes. Each
/// append derives the person's current mark again with `MarkRule` (`AttendanceMarkWrites`).
public enum AttendanceEventWrites {
    /// Appends one event and derives the person's mark in that session from the whole log.
    /// Cached statements, so a bulk import or generator calling this per event compiles them once.
    /// Returns the person's current mark in that session after the event (nil: none).
    @discardableResult
    public static func append(_ db: Database, _ event: AttendanceEvent) throws -> AttendanceEvent? {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO attendance_event (id, session_id, person_id, status, arrival_ms, departure_ms, note,
                                              recorded_ms, actor, device, source, undoes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            event.id.lowercaseText, event.sessionID, event.personID,
            event.status.rawValue, event.arrival?.ms, event.departure?.ms, event.note,
            event.recordedAt.ms, event.actor, event.device, event.source.rawValue,
            event.undoes?.lowercaseText,
        ])
        return try AttendanceMarkWrites.derive(db, sessionID: event.sessionID, personID: event.personID)
    }

    /// Clears an erased person's notes; returns how many events had one.
    static func clearNotes(_ db: Database, personID: Int64) throws -> Int {
        try db.execute(sql: "UPDATE attendance_event SET note = '' WHERE person_id = ? AND note <> ''", arguments: [personID])
        return db.changesCount
    }

    /// Rewrites another person's note that named someone erased (`FreeTextScrub`).
    static func redactNote(_ db: Database, id: String, note: String) throws {
        try db.execute(sql: "UPDATE attendance_event SET note = ? WHERE id = ?", arguments: [note, id])
    }
}
