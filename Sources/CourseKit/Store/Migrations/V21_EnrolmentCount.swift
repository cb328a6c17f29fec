extension Migration {
    /// v21: how many enrolments each course has, by nomination status and role, kept by triggers.
    ///
    /// Two reads counted them entry by entry: the course list's "expected" (all 170,000
    /// enrolments of the 100,000-person library, 16 ms of its summaries) and the roll call's
    /// expected count (81,000 entries of the roster index, 17 ms on every open and every reload
    /// after another process's mark). Both are now a sum over a handful of rows. The count moves
    /// only when an enrolment is made, changes status, role or course, or goes; a mark never
    /// touches it. A bulk roster import suspends these triggers with the others and recounts the
    /// course (`DerivedRoster`). Rows whose count falls to zero stay; readers sum `n`.
    static let v21EnrolmentCount = Migration(
        "v21-enrolment-count",
        sql: """
            CREATE TABLE enrolment_count (
                course_id INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
                status    TEXT NOT NULL,
                role      TEXT NOT NULL,
                n         INTEGER NOT NULL,
                PRIMARY KEY (course_id, status, role)
            ) WITHOUT ROWID;
            INSERT INTO enrolment_count(course_id, status, role, n)
            SELECT course_id, status, role, count(*) FROM enrolment GROUP BY course_id, status, role;
            CREATE TRIGGER enrolment_count_insert AFTER INSERT ON enrolment
            BEGIN
                INSERT INTO enrolment_count(course_id, status, role, n) VALUES (NEW.course_id, NEW.status, NEW.role, 1)
                ON CONFLICT(course_id, status, role) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER enrolment_count_update AFTER UPDATE OF course_id, status, role ON enrolment
            BEGIN
                UPDATE enrolment_count SET n = n - 1 WHERE course_id = OLD.course_id AND status = OLD.status AND role = OLD.role;
                INSERT INTO enrolment_count(course_id, status, role, n) VALUES (NEW.course_id, NEW.status, NEW.role, 1)
                ON CONFLICT(course_id, status, role) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER enrolment_count_delete AFTER DELETE ON enrolment
            BEGIN
                UPDATE enrolment_count SET n = n - 1 WHERE course_id = OLD.course_id AND status = OLD.status AND role = OLD.role;
            END;
            """)
}
