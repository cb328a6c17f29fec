extension Migration {
    /// v10: every change to people and enrolments attributable and findable by person:
    /// - `change_log.source` says through what a change came (the coordinator's screens, a
    ///   course-file import, the kiosk), as attendance events do; earlier rows were all
    ///   made on the screens.
    /// - `change_subject` links a change to each person it concerns (a substitution or a
    ///   merge concerns two), so a person's trail and their erasure find every entry
    ///   without reading the JSON of the whole log. Backfilled from the logged rows.
    /// - `erasure.person_id` is the anonymous placeholder left behind, so a course's audit
    ///   lists the erasures of its own people (not of everyone in the library).
    /// - The log stays append-only for everything that attributes a change (who, device,
    ///   when, what kind, which rows); only its text and row images may be rewritten, which
    ///   erasure does to take the person's name out of it.
    static let v10AuditTrail = Migration(
        "v10-audit-trail",
        sql: """
            ALTER TABLE change_log ADD COLUMN source TEXT NOT NULL DEFAULT 'coordinator';
            CREATE TABLE change_subject (
                person_id INTEGER NOT NULL,
                change_id INTEGER NOT NULL REFERENCES change_log(id),
                PRIMARY KEY (person_id, change_id)
            ) WITHOUT ROWID;
            INSERT OR IGNORE INTO change_subject(person_id, change_id)
            SELECT person, id FROM (
                SELECT c.id, json_extract(j.value, '$.id') AS person FROM change_log c, json_each(c.before_json, '$.person') j
                UNION SELECT c.id, json_extract(j.value, '$.id') FROM change_log c, json_each(c.after_json, '$.person') j
                UNION SELECT c.id, json_extract(j.value, '$.person_id') FROM change_log c, json_each(c.before_json, '$.enrolment') j
                UNION SELECT c.id, json_extract(j.value, '$.person_id') FROM change_log c, json_each(c.after_json, '$.enrolment') j
                UNION SELECT c.id, json_extract(j.value, '$.substituted_by') FROM change_log c, json_each(c.before_json, '$.enrolment') j
                UNION SELECT c.id, json_extract(j.value, '$.substituted_by') FROM change_log c, json_each(c.after_json, '$.enrolment') j
                UNION SELECT id, entity_id FROM change_log WHERE entity = 'person'
            ) WHERE person IS NOT NULL;
            ALTER TABLE erasure ADD COLUMN person_id INTEGER;
            CREATE INDEX erasure_by_person ON erasure(person_id);
            DROP TRIGGER change_log_no_update;
            CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            WHEN NOT (NEW.id = OLD.id AND NEW.recorded_ms = OLD.recorded_ms AND NEW.actor = OLD.actor
                      AND NEW.device = OLD.device AND NEW.entity = OLD.entity AND NEW.entity_id IS OLD.entity_id
                      AND NEW.course_id IS OLD.course_id AND NEW.action = OLD.action AND NEW.undoes IS OLD.undoes
                      AND NEW.source = OLD.source)
            BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
            """)
}
