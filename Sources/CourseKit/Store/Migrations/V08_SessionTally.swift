extension Migration {
    /// v8: current marks per session counted by the enrolment's nomination status and role:
    /// the overview's "marked/present" and the matrix's column totals read a few rows per
    /// session instead of every mark of a 100,000-person course. Kept by triggers of its
    /// own on `attendance_mark` (the old mark leaves the tally before an upsert replaces it,
    /// the new one joins after) and on `enrolment` (a change of status or role moves the
    /// person's marks between counts).
    ///
    /// Written out in full, as SQLite keeps the trigger text (see v3).
    static let v08SessionTally = Migration(
        "v8-session-tally",
        sql: """
            CREATE TABLE session_tally (
                session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                mark       TEXT NOT NULL,
                nomination TEXT NOT NULL,
                role       TEXT NOT NULL,
                n          INTEGER NOT NULL,
                PRIMARY KEY (session_id, mark, nomination, role)
            ) WITHOUT ROWID;
            INSERT INTO session_tally(session_id, mark, nomination, role, n)
            SELECT m.session_id, m.status, e.status, e.role, count(*)
            FROM attendance_mark m JOIN session s ON s.id = m.session_id
            JOIN enrolment e ON e.course_id = s.course_id AND e.person_id = m.person_id
            GROUP BY m.session_id, m.status, e.status, e.role;

            CREATE TRIGGER attendance_mark_untally BEFORE INSERT ON attendance_mark
            BEGIN
                INSERT INTO session_tally(session_id, mark, nomination, role, n)
                SELECT m.session_id, m.status, e.status, e.role, -1
                FROM attendance_mark m JOIN session s ON s.id = m.session_id
                JOIN enrolment e ON e.course_id = s.course_id AND e.person_id = m.person_id
                WHERE m.session_id = NEW.session_id AND m.person_id = NEW.person_id ON CONFLICT(session_id, mark, nomination, role) DO UPDATE SET n = n + excluded.n;
            END;
            CREATE TRIGGER attendance_mark_tally AFTER INSERT ON attendance_mark
            BEGIN
                INSERT INTO session_tally(session_id, mark, nomination, role, n)
                SELECT NEW.session_id, NEW.status, e.status, e.role, 1
                FROM session s JOIN enrolment e ON e.course_id = s.course_id AND e.person_id = NEW.person_id
                WHERE s.id = NEW.session_id ON CONFLICT(session_id, mark, nomination, role) DO UPDATE SET n = n + excluded.n;
            END;
            CREATE TRIGGER enrolment_tally_insert AFTER INSERT ON enrolment
            BEGIN INSERT INTO session_tally(session_id, mark, nomination, role, n)
            SELECT m.session_id, m.status, NEW.status, NEW.role, 1
            FROM attendance_mark m JOIN session s ON s.id = m.session_id
            WHERE s.course_id = NEW.course_id AND m.person_id = NEW.person_id ON CONFLICT(session_id, mark, nomination, role) DO UPDATE SET n = n + excluded.n; END;
            CREATE TRIGGER enrolment_tally_update AFTER UPDATE OF course_id, person_id, status, role ON enrolment
            BEGIN INSERT INTO session_tally(session_id, mark, nomination, role, n)
            SELECT m.session_id, m.status, OLD.status, OLD.role, -1
            FROM attendance_mark m JOIN session s ON s.id = m.session_id
            WHERE s.course_id = OLD.course_id AND m.person_id = OLD.person_id ON CONFLICT(session_id, mark, nomination, role) DO UPDATE SET n = n + excluded.n; INSERT INTO session_tally(session_id, mark, nomination, role, n)
            SELECT m.session_id, m.status, NEW.status, NEW.role, 1
            FROM attendance_mark m JOIN session s ON s.id = m.session_id
            WHERE s.course_id = NEW.course_id AND m.person_id = NEW.person_id ON CONFLICT(session_id, mark, nomination, role) DO UPDATE SET n = n + excluded.n; END;
            CREATE TRIGGER enrolment_tally_delete AFTER DELETE ON enrolment
            BEGIN INSERT INTO session_tally(session_id, mark, nomination, role, n)
            SELECT m.session_id, m.status, OLD.status, OLD.role, -1
            FROM attendance_mark m JOIN session s ON s.id = m.session_id
            WHERE s.course_id = OLD.course_id AND m.person_id = OLD.person_id ON CONFLICT(session_id, mark, nomination, role) DO UPDATE SET n = n + excluded.n; END;
            """)
}
