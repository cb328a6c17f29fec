import GRDB

/// The database schema, one migration per change. A shipped migration is never edited:
/// databases in the field have already run it, so a fix is always a new migration.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-library") { db in
            try db.execute(sql: """
                CREATE TABLE meta (
                    key   TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE course (
                    id                 INTEGER PRIMARY KEY,
                    code               TEXT NOT NULL UNIQUE,
                    title              TEXT NOT NULL,
                    programme          TEXT NOT NULL DEFAULT '',
                    organiser          TEXT NOT NULL DEFAULT '',
                    funder             TEXT NOT NULL DEFAULT '',
                    project            TEXT NOT NULL DEFAULT '',
                    venue              TEXT NOT NULL DEFAULT '',
                    country            TEXT NOT NULL DEFAULT '',
                    time_zone          TEXT NOT NULL,
                    modality           TEXT NOT NULL,
                    start_date         TEXT NOT NULL,
                    end_date           TEXT NOT NULL,
                    minimum_share      REAL NOT NULL,
                    require_core       INTEGER NOT NULL,
                    late_after_minutes INTEGER NOT NULL,
                    summary            TEXT NOT NULL DEFAULT '',
                    sources            TEXT NOT NULL DEFAULT '[]',
                    assumptions        TEXT NOT NULL DEFAULT '[]'
                );
                CREATE TABLE session (
                    id           INTEGER PRIMARY KEY,
                    course_id    INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
                    key          TEXT NOT NULL,
                    position     INTEGER NOT NULL,
                    title        TEXT NOT NULL,
                    kind         TEXT NOT NULL,
                    start_ms     INTEGER NOT NULL,
                    end_ms       INTEGER NOT NULL,
                    time_zone    TEXT,
                    modality     TEXT NOT NULL,
                    venue        TEXT NOT NULL DEFAULT '',
                    link         TEXT NOT NULL DEFAULT '',
                    facilitators TEXT NOT NULL DEFAULT '[]',
                    core         INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (course_id, key)
                );
                CREATE INDEX session_by_start ON session(course_id, start_ms);
                CREATE TABLE agency (
                    id      INTEGER PRIMARY KEY,
                    code    TEXT NOT NULL UNIQUE,
                    name    TEXT NOT NULL,
                    acronym TEXT NOT NULL DEFAULT '',
                    kind    TEXT NOT NULL,
                    country TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE course_agency (
                    course_id INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    position  INTEGER NOT NULL,
                    PRIMARY KEY (course_id, agency_id)
                );
                CREATE TABLE quota (
                    course_id INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
                    scope     TEXT NOT NULL,
                    key       TEXT NOT NULL,
                    lim       INTEGER NOT NULL,
                    position  INTEGER NOT NULL,
                    PRIMARY KEY (course_id, scope, key)
                );
                CREATE TABLE person (
                    id          INTEGER PRIMARY KEY,
                    code        TEXT NOT NULL UNIQUE,
                    given_name  TEXT NOT NULL DEFAULT '',
                    family_name TEXT NOT NULL DEFAULT '',
                    sex         TEXT NOT NULL,
                    country     TEXT NOT NULL DEFAULT '',
                    agency_id   INTEGER REFERENCES agency(id),
                    position    TEXT NOT NULL DEFAULT '',
                    email       TEXT NOT NULL DEFAULT '',
                    phone       TEXT NOT NULL DEFAULT '',
                    sort_key    TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX person_by_email ON person(email) WHERE email <> '';
                CREATE INDEX person_by_sort ON person(sort_key);
                -- One row per distinct folded word of a person's name: the search index.
                CREATE TABLE name_token (
                    token     TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                    PRIMARY KEY (token, person_id)
                ) WITHOUT ROWID;
                CREATE INDEX name_token_by_person ON name_token(person_id);
                CREATE TABLE enrolment (
                    id             INTEGER PRIMARY KEY,
                    course_id      INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
                    person_id      INTEGER NOT NULL REFERENCES person(id),
                    position       INTEGER NOT NULL,
                    role           TEXT NOT NULL,
                    nominated_by   INTEGER REFERENCES agency(id),
                    status         TEXT NOT NULL,
                    substituted_by INTEGER REFERENCES person(id),
                    note           TEXT NOT NULL DEFAULT '',
                    UNIQUE (course_id, person_id)
                );
                CREATE INDEX enrolment_by_person ON enrolment(person_id);
                -- Append-only. Rows are never updated or deleted; see AttendanceEvent.
                CREATE TABLE attendance_event (
                    id           TEXT PRIMARY KEY NOT NULL,
                    session_id   INTEGER NOT NULL REFERENCES session(id),
                    person_id    INTEGER NOT NULL REFERENCES person(id),
                    status       TEXT NOT NULL,
                    arrival_ms   INTEGER,
                    departure_ms INTEGER,
                    note         TEXT NOT NULL DEFAULT '',
                    recorded_ms  INTEGER NOT NULL,
                    actor        TEXT NOT NULL,
                    device       TEXT NOT NULL,
                    source       TEXT NOT NULL,
                    undoes       TEXT
                ) WITHOUT ROWID;
                CREATE INDEX attendance_by_mark ON attendance_event(session_id, person_id, recorded_ms);
                CREATE INDEX attendance_by_device ON attendance_event(device, recorded_ms);
                CREATE TRIGGER attendance_event_no_update BEFORE UPDATE ON attendance_event
                BEGIN SELECT RAISE(ABORT, 'attendance events are append-only'); END;
                CREATE TRIGGER attendance_event_no_delete BEFORE DELETE ON attendance_event
                BEGIN SELECT RAISE(ABORT, 'attendance events are append-only'); END;
                """)
        }
        m.registerMigration("v2-course-short-title") { db in
            try db.execute(sql: "ALTER TABLE course ADD COLUMN short_title TEXT NOT NULL DEFAULT ''")
        }
        registerDerivedRoster(&m)
        m.registerMigration("v4-change-log") { db in
            // Append-only record of every change a coordinator makes (nominations, merges, edits,
            // deletions): who, on which device, when, to what, and the rows before and after as
            // JSON. Undo replays it (writes the "before" rows back and logs that as a change of its
            // own); a later data-protection audit reads it. Like attendance, never rewritten.
            try db.execute(sql: """
                CREATE TABLE change_log (
                    id          INTEGER PRIMARY KEY,
                    recorded_ms INTEGER NOT NULL,
                    actor       TEXT NOT NULL,
                    device      TEXT NOT NULL,
                    entity      TEXT NOT NULL,
                    entity_id   INTEGER,
                    course_id   INTEGER,
                    action      TEXT NOT NULL,
                    summary     TEXT NOT NULL,
                    before_json TEXT NOT NULL DEFAULT '{}',
                    after_json  TEXT NOT NULL DEFAULT '{}',
                    undoes      INTEGER REFERENCES change_log(id)
                );
                CREATE INDEX change_log_by_entity ON change_log(entity, entity_id, recorded_ms);
                CREATE INDEX change_log_by_course ON change_log(course_id, recorded_ms);
                CREATE UNIQUE INDEX change_log_undone_once ON change_log(undoes) WHERE undoes IS NOT NULL;
                CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
                BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
                CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
                BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
                """)
        }
        m.registerMigration("v5-person-merged-into") { db in
            // A walk-in merged into an existing person keeps their row (their kiosk check-ins
            // point at it and the log is never rewritten) and says who they turned out to be.
            try db.execute(sql: "ALTER TABLE person ADD COLUMN merged_into INTEGER REFERENCES person(id)")
        }
        m.registerMigration("v6-kiosk-pin") { db in
            // One PIN per course: the only way out of that course's kiosk.
            try db.execute(sql: """
                CREATE TABLE kiosk_pin (
                    course_id  INTEGER PRIMARY KEY REFERENCES course(id) ON DELETE CASCADE,
                    salt       BLOB NOT NULL,
                    hash       BLOB NOT NULL,
                    iterations INTEGER NOT NULL,
                    set_at_ms  INTEGER NOT NULL
                )
                """)
        }
        m.registerMigration("v7-erasure") { db in
            // Erasure keeps no personal data: only one-way hashes of what identified the person,
            // so an old export or another device's copy cannot quietly bring them back.
            try db.execute(sql: """
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
        registerSessionTally(&m)
        registerRetentionAndAudit(&m)
        return m
    }
}
