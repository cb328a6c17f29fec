extension Migration {
    /// v15: `session_tally` also counts by the person's sex and country, so the session totals
    /// under a sex or country filter (the roster's info line, the matrix's column totals, the
    /// RCM's per-country view) read a few rows per session instead of joining every admitted
    /// person's marks: 94–193 ms for one country of the 100,000-person course. The v8 triggers
    /// are replaced by the same ones with the person joined, and a trigger on `person` moves a
    /// person's marks between counts when their sex or country changes (an edit, a merge's fill-in,
    /// an erasure that keeps no statistics). Rebuilt from the marks, as v8 built it.
    ///
    /// Written out in full, as SQLite keeps the trigger text (see v3).
    static let v15SessionTallyBySexAndCountry = Migration(
        "v15-session-tally-by-sex-and-country",
        sql: """
            DROP TRIGGER attendance_mark_untally;
            DROP TRIGGER attendance_mark_tally;
            DROP TRIGGER enrolment_tally_insert;
            DROP TRIGGER enrolment_tally_update;
            DROP TRIGGER enrolment_tally_delete;
            DROP TABLE session_tally;
            CREATE TABLE session_tally (
                session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                mark       TEXT NOT NULL,
                nomination TEXT NOT NULL,
                role       TEXT NOT NULL,
                sex        TEXT NOT NULL,
                country    TEXT NOT NULL,
                n          INTEGER NOT NULL,
                PRIMARY KEY (session_id, mark, nomination, role, sex, country)
            ) WITHOUT ROWID;
            INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
            SELECT m.session_id, m.status, e.status, e.role, p.sex, p.country, count(*)
            FROM attendance_mark m JOIN session s ON s.id = m.session_id
            JOIN enrolment e ON e.course_id = s.course_id AND e.person_id = m.person_id
            JOIN person p ON p.id = m.person_id
            GROUP BY m.session_id, m.status, e.status, e.role, p.sex, p.country;

            CREATE TRIGGER attendance_mark_untally BEFORE INSERT ON attendance_mark
            BEGIN
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT m.session_id, m.status, e.status, e.role, p.sex, p.country, -1
                FROM attendance_mark m JOIN session s ON s.id = m.session_id
                JOIN enrolment e ON e.course_id = s.course_id AND e.person_id = m.person_id
                JOIN person p ON p.id = m.person_id
                WHERE m.session_id = NEW.session_id AND m.person_id = NEW.person_id
                ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n;
            END;
            CREATE TRIGGER attendance_mark_tally AFTER INSERT ON attendance_mark
            BEGIN
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT NEW.session_id, NEW.status, e.status, e.role, p.sex, p.country, 1
                FROM session s JOIN enrolment e ON e.course_id = s.course_id AND e.person_id = NEW.person_id
                JOIN person p ON p.id = NEW.person_id
                WHERE s.id = NEW.session_id
                ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n;
            END;
            CREATE TRIGGER enrolment_tally_insert AFTER INSERT ON enrolment
            BEGIN
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT m.session_id, m.status, NEW.status, NEW.role, p.sex, p.country, 1
                FROM attendance_mark m JOIN session s ON s.id = m.session_id JOIN person p ON p.id = NEW.person_id
                WHERE s.course_id = NEW.course_id AND m.person_id = NEW.person_id
                ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n;
            END;
            CREATE TRIGGER enrolment_tally_update AFTER UPDATE OF course_id, person_id, status, role ON enrolment
            BEGIN
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT m.session_id, m.status, OLD.status, OLD.role, p.sex, p.country, -1
                FROM attendance_mark m JOIN session s ON s.id = m.session_id JOIN person p ON p.id = OLD.person_id
                WHERE s.course_id = OLD.course_id AND m.person_id = OLD.person_id
                ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n;
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT m.session_id, m.status, NEW.status, NEW.role, p.sex, p.country, 1
                FROM attendance_mark m JOIN session s ON s.id = m.session_id JOIN person p ON p.id = NEW.person_id
                WHERE s.course_id = NEW.course_id AND m.person_id = NEW.person_id
                ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n;
            END;
            CREATE TRIGGER enrolment_tally_delete AFTER DELETE ON enrolment
            BEGIN
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT m.session_id, m.status, OLD.status, OLD.role, p.sex, p.country, -1
                FROM attendance_mark m JOIN session s ON s.id = m.session_id JOIN person p ON p.id = OLD.person_id
                WHERE s.course_id = OLD.course_id AND m.person_id = OLD.person_id
                ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n;
            END;
            CREATE TRIGGER person_tally_update AFTER UPDATE OF sex, country ON person
            WHEN OLD.sex IS NOT NEW.sex OR OLD.country IS NOT NEW.country
            BEGIN
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT m.session_id, m.status, e.status, e.role, OLD.sex, OLD.country, -1
                FROM enrolment e JOIN session s ON s.course_id = e.course_id
                JOIN attendance_mark m ON m.session_id = s.id AND m.person_id = e.person_id
                WHERE e.person_id = NEW.id
                ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n;
                INSERT INTO session_tally(session_id, mark, nomination, role, sex, country, n)
                SELECT m.session_id, m.status, e.status, e.role, NEW.sex, NEW.country, 1
                FROM enrolment e JOIN session s ON s.course_id = e.course_id
                JOIN attendance_mark m ON m.session_id = s.id AND m.person_id = e.person_id
                WHERE e.person_id = NEW.id
                ON CONFLICT(session_id, mark, nomination, role, sex, country) DO UPDATE SET n = n + excluded.n;
            END;
            """)
}
