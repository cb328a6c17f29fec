extension Migration {
    /// v29: the derived roster's covering indexes hold whether a person completed the course,
    /// not their attendance counts.
    ///
    /// `attended` and `core_attended` were in all eight covering indexes, for the completion
    /// filter's sake: so a page, a count and a position under that filter never read the table.
    /// But nearly every mark moves `attended`, and SQLite rewrites an index entry whose columns
    /// change: a mark rewrote seven index entries that no sort needs (26 pages in a mark's
    /// commit on the 100k library, counted from the WAL). The indexes now hold `completed`
    /// (0 or 1) instead, which changes once or twice per person and course; `roster_by_attended`
    /// keeps `attended`, its sort key. A page's counts are read from the table's row, as before.
    ///
    /// `completed` follows the rule of `Completion.evaluate`: some sessions, at least
    /// `requiredCount` of them attended (the share in thousandths, rounded, times the session
    /// count, rounded up), and every core session when the course requires it. The view
    /// `course_completion` says, per course, the session count and the two counts required;
    /// SQLite narrows it to the one course a trigger asks for. Triggers keep `completed`: when a
    /// row's counts change (a mark, a nomination's entry made again, a session made core), and
    /// for the whole course when a session is added or removed or the course's rule changes.
    /// `DerivedRoster.rebuild` writes it with the rows, from the same view.
    /// `RosterCompletedTests` holds the column to `Completion.evaluate` after random marks,
    /// sessions and rule changes.
    static let v29RosterCompletedFlag = Migration(
        "v29-roster-completed-flag",
        sql: """
            ALTER TABLE roster_index ADD COLUMN completed INTEGER NOT NULL DEFAULT 0;
            CREATE VIEW course_completion AS
            SELECT c.id AS course_id, count(s.id) AS sessions,
                   (CAST(round(min(max(c.minimum_share, 0), 1) * 1000) AS INTEGER) * count(s.id) + 999) / 1000 AS required,
                   CASE WHEN c.require_core THEN count(s.id) FILTER (WHERE s.core) ELSE 0 END AS core_required
            FROM course c LEFT JOIN session s ON s.course_id = c.id GROUP BY c.id;
            DROP INDEX roster_by_name;
            DROP INDEX roster_by_code;
            DROP INDEX roster_by_sex;
            DROP INDEX roster_by_country;
            DROP INDEX roster_by_agency;
            DROP INDEX roster_by_role;
            DROP INDEX roster_by_status;
            DROP INDEX roster_by_attended;
            UPDATE roster_index SET completed = f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required
            FROM course_completion f WHERE f.course_id = roster_index.course_id;
            CREATE INDEX roster_by_name ON roster_index(course_id, name_key, person_id, country, sex, role, status, agency_id, completed);
            CREATE INDEX roster_by_code ON roster_index(course_id, code, name_key, person_id, country, sex, role, status, agency_id, completed);
            CREATE INDEX roster_by_sex ON roster_index(course_id, sex, name_key, person_id, country, role, status, agency_id, completed);
            CREATE INDEX roster_by_country ON roster_index(course_id, country, name_key, person_id, sex, role, status, agency_id, completed);
            CREATE INDEX roster_by_agency ON roster_index(course_id, agency_key, name_key, person_id, country, sex, role, status, agency_id, completed);
            CREATE INDEX roster_by_role ON roster_index(course_id, role, name_key, person_id, country, sex, status, agency_id, completed);
            CREATE INDEX roster_by_status ON roster_index(course_id, status, name_key, person_id, country, sex, role, agency_id, completed);
            CREATE INDEX roster_by_attended ON roster_index(course_id, attended, name_key, person_id, country, sex, role, status, agency_id, completed);
            CREATE TRIGGER roster_completed_counts AFTER UPDATE OF attended, core_attended ON roster_index
            BEGIN
                UPDATE roster_index SET completed = f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required
                FROM course_completion f
                WHERE f.course_id = NEW.course_id AND roster_index.enrolment_id = NEW.enrolment_id
                  AND roster_index.completed IS NOT (f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required);
            END;
            CREATE TRIGGER session_completed_insert AFTER INSERT ON session
            BEGIN
                UPDATE roster_index SET completed = f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required
                FROM course_completion f
                WHERE f.course_id IN (NEW.course_id) AND roster_index.course_id = f.course_id
                  AND roster_index.completed IS NOT (f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required);
            END;
            CREATE TRIGGER session_completed_delete AFTER DELETE ON session
            BEGIN
                UPDATE roster_index SET completed = f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required
                FROM course_completion f
                WHERE f.course_id IN (OLD.course_id) AND roster_index.course_id = f.course_id
                  AND roster_index.completed IS NOT (f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required);
            END;
            CREATE TRIGGER session_completed_update AFTER UPDATE OF core, course_id ON session
            BEGIN
                UPDATE roster_index SET completed = f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required
                FROM course_completion f
                WHERE f.course_id IN (OLD.course_id, NEW.course_id) AND roster_index.course_id = f.course_id
                  AND roster_index.completed IS NOT (f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required);
            END;
            CREATE TRIGGER course_completed_rule AFTER UPDATE OF minimum_share, require_core ON course
            BEGIN
                UPDATE roster_index SET completed = f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required
                FROM course_completion f
                WHERE f.course_id IN (NEW.id) AND roster_index.course_id = f.course_id
                  AND roster_index.completed IS NOT (f.sessions > 0 AND roster_index.attended >= f.required AND roster_index.core_attended >= f.core_required);
            END;
            """)
}
