extension Migration {
    /// v7: erasure keeps no personal data: only one-way hashes of what identified the person,
    /// so an old export or another device's copy cannot quietly bring them back. Attendance
    /// events stay append-only, except that erasure may blank a note written about a person.
    static let v07Erasure = Migration(
        "v7-erasure",
        sql: """
            CREATE TABLE erasure (
                id          INTEGER PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                erased_ms   INTEGER NOT NULL,
                actor       TEXT NOT NULL,
                device      TEXT NOT NULL,
                reason      TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX erasure_by_fingerprint ON erasure(fingerprint);
            -- Events stay append-only, except that erasure may blank a note written about a person.
            DROP TRIGGER attendance_event_no_update;
            CREATE TRIGGER attendance_event_no_update BEFORE UPDATE ON attendance_event
            WHEN NOT (NEW.note = '' AND NEW.id = OLD.id AND NEW.session_id = OLD.session_id
                      AND NEW.person_id = OLD.person_id AND NEW.status = OLD.status
                      AND NEW.arrival_ms IS OLD.arrival_ms AND NEW.departure_ms IS OLD.departure_ms
                      AND NEW.recorded_ms = OLD.recorded_ms AND NEW.actor = OLD.actor
                      AND NEW.device = OLD.device AND NEW.source = OLD.source AND NEW.undoes IS OLD.undoes)
            BEGIN SELECT RAISE(ABORT, 'attendance events are append-only'); END;
            """)
}
