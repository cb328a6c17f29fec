extension Migration {
    /// v16: an erasure may also redact someone else's note that names the erased person ("came
    /// with Ana Tellei" → "came with (erased)"); v7 let it only blank the erased person's own.
    /// Everything else about an event stays append-only: the trigger still refuses any change but
    /// the note's.
    static let v16EventNoteRedaction = Migration(
        "v16-event-note-redaction",
        sql: """
            DROP TRIGGER attendance_event_no_update;
            CREATE TRIGGER attendance_event_no_update BEFORE UPDATE ON attendance_event
            WHEN NOT (NEW.id = OLD.id AND NEW.session_id = OLD.session_id
                      AND NEW.person_id = OLD.person_id AND NEW.status = OLD.status
                      AND NEW.arrival_ms IS OLD.arrival_ms AND NEW.departure_ms IS OLD.departure_ms
                      AND NEW.recorded_ms = OLD.recorded_ms AND NEW.actor = OLD.actor
                      AND NEW.device = OLD.device AND NEW.source = OLD.source AND NEW.undoes IS OLD.undoes)
            BEGIN SELECT RAISE(ABORT, 'attendance events are append-only'); END;
            """)
}
