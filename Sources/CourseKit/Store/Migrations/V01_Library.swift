extension Migration {
    /// v1: the library itself: courses, sessions, agencies, quotas, people and their name-search
    /// tokens, enrolments, and the append-only attendance log (see `AttendanceEvent`).
    static let v01Library = Migration(
        "v1-library",
        sql: """
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
