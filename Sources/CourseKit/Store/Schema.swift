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
        m.registerMigration("v3-derived-roster") { db in
            // Derived data for the coordinator's screens, kept right by triggers so every writer
            // (roll call, kiosk, imports, scripts) updates it without knowing it exists, and
            // rebuildable from the tables it derives from. `attendance_mark` is MarkRule in SQL:
            // the winning effective event per person and session (`RosterIndexTests` proves they
            // agree). `roster_index` is one row per enrolment with every column the roster browser
            // sorts and filters by, so a page of a 100,000-person roster is an index scan: each
            // sort has a covering index that also holds every filter column.
            let attendedCounts = """
                attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                            WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                              AND m.status IN ('present', 'late')),
                marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                          WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                            AND m.status <> 'cleared'),
                core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                                 WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                                   AND s.core AND m.status IN ('present', 'late'))
                """
            let winner = """
                coalesce((SELECT e.status FROM attendance_event e
                          WHERE e.session_id = X.session_id AND e.person_id = X.person_id AND e.undoes IS NULL
                            AND NOT EXISTS (SELECT 1 FROM attendance_event u WHERE u.session_id = e.session_id
                                            AND u.person_id = e.person_id AND u.undoes = e.id)
                          ORDER BY e.source <> 'kiosk' DESC, e.recorded_ms DESC, e.id DESC LIMIT 1), 'cleared')
                """
            let indexRow = """
                INSERT OR REPLACE INTO roster_index(enrolment_id, course_id, person_id, code, name_key, sex, country,
                                                    agency_id, agency_key, role, status)
                SELECT X.id, X.course_id, p.id, p.code, p.sort_key, p.sex, p.country, p.agency_id,
                       coalesce((SELECT lower(coalesce(nullif(a.acronym, ''), a.name)) FROM agency a WHERE a.id = p.agency_id), ''),
                       X.role, X.status
                FROM person p WHERE p.id = X.person_id
                """
            let filterColumns = "country, sex, role, status, agency_id, attended, core_attended"
            try db.execute(sql: """
                CREATE TABLE attendance_mark (
                    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    person_id  INTEGER NOT NULL REFERENCES person(id),
                    status     TEXT NOT NULL,
                    PRIMARY KEY (session_id, person_id)
                ) WITHOUT ROWID;
                CREATE INDEX attendance_mark_by_person ON attendance_mark(person_id, session_id);
                CREATE TABLE roster_index (
                    enrolment_id  INTEGER PRIMARY KEY REFERENCES enrolment(id) ON DELETE CASCADE,
                    course_id     INTEGER NOT NULL,
                    person_id     INTEGER NOT NULL,
                    code          TEXT NOT NULL,
                    name_key      TEXT NOT NULL,
                    sex           TEXT NOT NULL,
                    country       TEXT NOT NULL,
                    agency_id     INTEGER,
                    agency_key    TEXT NOT NULL,
                    role          TEXT NOT NULL,
                    status        TEXT NOT NULL,
                    attended      INTEGER NOT NULL DEFAULT 0,
                    marked        INTEGER NOT NULL DEFAULT 0,
                    core_attended INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX roster_by_name ON roster_index(course_id, name_key, person_id, \(filterColumns));
                CREATE INDEX roster_by_code ON roster_index(course_id, code, name_key, person_id, \(filterColumns));
                CREATE INDEX roster_by_sex ON roster_index(course_id, sex, name_key, person_id, \(filterColumns));
                CREATE INDEX roster_by_country ON roster_index(course_id, country, name_key, person_id, \(filterColumns));
                CREATE INDEX roster_by_agency ON roster_index(course_id, agency_key, name_key, person_id, \(filterColumns));
                CREATE INDEX roster_by_role ON roster_index(course_id, role, name_key, person_id, \(filterColumns));
                CREATE INDEX roster_by_status ON roster_index(course_id, status, name_key, person_id, \(filterColumns));
                CREATE INDEX roster_by_attended ON roster_index(course_id, attended, name_key, person_id, \(filterColumns));
                CREATE INDEX roster_by_person ON roster_index(person_id, course_id);
                CREATE INDEX roster_by_agency_id ON roster_index(agency_id);

                INSERT INTO attendance_mark(session_id, person_id, status)
                SELECT X.session_id, X.person_id, \(winner)
                FROM (SELECT DISTINCT session_id, person_id FROM attendance_event) X;
                \(indexRow.replacingOccurrences(of: "FROM person p WHERE p.id = X.person_id",
                                                with: "FROM enrolment X JOIN person p ON p.id = X.person_id"));
                UPDATE roster_index SET \(attendedCounts);

                CREATE TRIGGER attendance_event_derive AFTER INSERT ON attendance_event
                BEGIN
                    INSERT OR REPLACE INTO attendance_mark(session_id, person_id, status)
                    SELECT NEW.session_id, NEW.person_id, \(winner.replacingOccurrences(of: "X.", with: "NEW."));
                    UPDATE roster_index SET \(attendedCounts)
                    WHERE enrolment_id = (SELECT e.id FROM session s JOIN enrolment e
                                          ON e.course_id = s.course_id AND e.person_id = NEW.person_id
                                          WHERE s.id = NEW.session_id);
                END;
                CREATE TRIGGER enrolment_index_insert AFTER INSERT ON enrolment
                BEGIN
                    \(indexRow.replacingOccurrences(of: "X.", with: "NEW."));
                    UPDATE roster_index SET \(attendedCounts) WHERE enrolment_id = NEW.id;
                END;
                CREATE TRIGGER enrolment_index_update AFTER UPDATE ON enrolment
                BEGIN
                    DELETE FROM roster_index WHERE enrolment_id = OLD.id;
                    \(indexRow.replacingOccurrences(of: "X.", with: "NEW."));
                    UPDATE roster_index SET \(attendedCounts) WHERE enrolment_id = NEW.id;
                END;
                CREATE TRIGGER enrolment_index_delete AFTER DELETE ON enrolment
                BEGIN
                    DELETE FROM roster_index WHERE enrolment_id = OLD.id;
                END;
                CREATE TRIGGER person_index_update AFTER UPDATE OF code, sort_key, sex, country, agency_id ON person
                BEGIN
                    UPDATE roster_index SET code = NEW.code, name_key = NEW.sort_key, sex = NEW.sex, country = NEW.country,
                        agency_id = NEW.agency_id,
                        agency_key = coalesce((SELECT lower(coalesce(nullif(a.acronym, ''), a.name)) FROM agency a
                                               WHERE a.id = NEW.agency_id), '')
                    WHERE person_id = NEW.id;
                END;
                CREATE TRIGGER agency_index_update AFTER UPDATE OF name, acronym ON agency
                BEGIN
                    UPDATE roster_index SET agency_key = lower(coalesce(nullif(NEW.acronym, ''), NEW.name))
                    WHERE agency_id = NEW.id;
                END;
                CREATE TRIGGER session_index_update AFTER UPDATE OF core, course_id ON session
                BEGIN
                    UPDATE roster_index SET \(attendedCounts) WHERE course_id IN (OLD.course_id, NEW.course_id);
                END;
                """)
        }
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
        m.registerMigration("v8-session-tally") { db in
            // Current marks per session counted by the enrolment's nomination status and role:
            // the overview's "marked/present" and the matrix's column totals read a few rows per
            // session instead of every mark of a 100,000-person course. Kept by triggers of its
            // own on `attendance_mark` (the old mark leaves the tally before an upsert replaces it,
            // the new one joins after) and on `enrolment` (a change of status or role moves the
            // person's marks between counts).
            let upsert = "ON CONFLICT(session_id, mark, nomination, role) DO UPDATE SET n = n + excluded.n"
            func enrolmentMarks(_ row: String, _ delta: Int) -> String {
                """
                INSERT INTO session_tally(session_id, mark, nomination, role, n)
                SELECT m.session_id, m.status, \(row).status, \(row).role, \(delta)
                FROM attendance_mark m JOIN session s ON s.id = m.session_id
                WHERE s.course_id = \(row).course_id AND m.person_id = \(row).person_id \(upsert)
                """
            }
            try db.execute(sql: """
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
                    WHERE m.session_id = NEW.session_id AND m.person_id = NEW.person_id \(upsert);
                END;
                CREATE TRIGGER attendance_mark_tally AFTER INSERT ON attendance_mark
                BEGIN
                    INSERT INTO session_tally(session_id, mark, nomination, role, n)
                    SELECT NEW.session_id, NEW.status, e.status, e.role, 1
                    FROM session s JOIN enrolment e ON e.course_id = s.course_id AND e.person_id = NEW.person_id
                    WHERE s.id = NEW.session_id \(upsert);
                END;
                CREATE TRIGGER enrolment_tally_insert AFTER INSERT ON enrolment
                BEGIN \(enrolmentMarks("NEW", 1)); END;
                CREATE TRIGGER enrolment_tally_update AFTER UPDATE OF course_id, person_id, status, role ON enrolment
                BEGIN \(enrolmentMarks("OLD", -1)); \(enrolmentMarks("NEW", 1)); END;
                CREATE TRIGGER enrolment_tally_delete AFTER DELETE ON enrolment
                BEGIN \(enrolmentMarks("OLD", -1)); END;
                """)
        }
        return m
    }
}
