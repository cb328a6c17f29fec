extension Migration {
    /// v3: the roster index and current marks the coordinator's screens read, kept by triggers.
    ///
    /// Derived data for the coordinator's screens, kept right by triggers so every writer
    /// (roll call, kiosk, imports, scripts) updates it without knowing it exists, and
    /// rebuildable from the tables it derives from. `attendance_mark` is MarkRule in SQL:
    /// the winning effective event per person and session (`MarkRulePropertyTests` and
    /// `RosterIndexTests` prove they agree). `roster_index` is one row per enrolment with every
    /// column the roster browser sorts and filters by, so a page of a 100,000-person roster is
    /// an index scan: each sort has a covering index that also holds every filter column.
    ///
    /// The SQL is written out in full, repetitions and uneven indentation included: SQLite keeps
    /// each trigger's text verbatim in `sqlite_master`, and this is the text libraries already hold.
    /// (It was once assembled from pieces; `MigrationTests` holds it to what that produced.)
    static let v03DerivedRoster = Migration(
        "v3-derived-roster",
        sql: """
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
            CREATE INDEX roster_by_name ON roster_index(course_id, name_key, person_id, country, sex, role, status, agency_id, attended, core_attended);
            CREATE INDEX roster_by_code ON roster_index(course_id, code, name_key, person_id, country, sex, role, status, agency_id, attended, core_attended);
            CREATE INDEX roster_by_sex ON roster_index(course_id, sex, name_key, person_id, country, sex, role, status, agency_id, attended, core_attended);
            CREATE INDEX roster_by_country ON roster_index(course_id, country, name_key, person_id, country, sex, role, status, agency_id, attended, core_attended);
            CREATE INDEX roster_by_agency ON roster_index(course_id, agency_key, name_key, person_id, country, sex, role, status, agency_id, attended, core_attended);
            CREATE INDEX roster_by_role ON roster_index(course_id, role, name_key, person_id, country, sex, role, status, agency_id, attended, core_attended);
            CREATE INDEX roster_by_status ON roster_index(course_id, status, name_key, person_id, country, sex, role, status, agency_id, attended, core_attended);
            CREATE INDEX roster_by_attended ON roster_index(course_id, attended, name_key, person_id, country, sex, role, status, agency_id, attended, core_attended);
            CREATE INDEX roster_by_person ON roster_index(person_id, course_id);
            CREATE INDEX roster_by_agency_id ON roster_index(agency_id);

            INSERT INTO attendance_mark(session_id, person_id, status)
            SELECT X.session_id, X.person_id, coalesce((SELECT e.status FROM attendance_event e
                      WHERE e.session_id = X.session_id AND e.person_id = X.person_id AND e.undoes IS NULL
                        AND NOT EXISTS (SELECT 1 FROM attendance_event u WHERE u.session_id = e.session_id
                                        AND u.person_id = e.person_id AND u.undoes = e.id)
                      ORDER BY e.source <> 'kiosk' DESC, e.recorded_ms DESC, e.id DESC LIMIT 1), 'cleared')
            FROM (SELECT DISTINCT session_id, person_id FROM attendance_event) X;
            INSERT OR REPLACE INTO roster_index(enrolment_id, course_id, person_id, code, name_key, sex, country,
                                                agency_id, agency_key, role, status)
            SELECT X.id, X.course_id, p.id, p.code, p.sort_key, p.sex, p.country, p.agency_id,
                   coalesce((SELECT lower(coalesce(nullif(a.acronym, ''), a.name)) FROM agency a WHERE a.id = p.agency_id), ''),
                   X.role, X.status
            FROM enrolment X JOIN person p ON p.id = X.person_id;
            UPDATE roster_index SET attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status IN ('present', 'late')),
            marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                      WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                        AND m.status <> 'cleared'),
            core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                             WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                               AND s.core AND m.status IN ('present', 'late'));

            CREATE TRIGGER attendance_event_derive AFTER INSERT ON attendance_event
            BEGIN
                INSERT OR REPLACE INTO attendance_mark(session_id, person_id, status)
                SELECT NEW.session_id, NEW.person_id, coalesce((SELECT e.status FROM attendance_event e
                      WHERE e.session_id = NEW.session_id AND e.person_id = NEW.person_id AND e.undoes IS NULL
                        AND NOT EXISTS (SELECT 1 FROM attendance_event u WHERE u.session_id = e.session_id
                                        AND u.person_id = e.person_id AND u.undoes = e.id)
                      ORDER BY e.source <> 'kiosk' DESC, e.recorded_ms DESC, e.id DESC LIMIT 1), 'cleared');
                UPDATE roster_index SET attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status IN ('present', 'late')),
            marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                      WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                        AND m.status <> 'cleared'),
            core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                             WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                               AND s.core AND m.status IN ('present', 'late'))
                WHERE enrolment_id = (SELECT e.id FROM session s JOIN enrolment e
                                      ON e.course_id = s.course_id AND e.person_id = NEW.person_id
                                      WHERE s.id = NEW.session_id);
            END;
            CREATE TRIGGER enrolment_index_insert AFTER INSERT ON enrolment
            BEGIN
                INSERT OR REPLACE INTO roster_index(enrolment_id, course_id, person_id, code, name_key, sex, country,
                                                agency_id, agency_key, role, status)
            SELECT NEW.id, NEW.course_id, p.id, p.code, p.sort_key, p.sex, p.country, p.agency_id,
                   coalesce((SELECT lower(coalesce(nullif(a.acronym, ''), a.name)) FROM agency a WHERE a.id = p.agency_id), ''),
                   NEW.role, NEW.status
            FROM person p WHERE p.id = NEW.person_id;
                UPDATE roster_index SET attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status IN ('present', 'late')),
            marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                      WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                        AND m.status <> 'cleared'),
            core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                             WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                               AND s.core AND m.status IN ('present', 'late')) WHERE enrolment_id = NEW.id;
            END;
            CREATE TRIGGER enrolment_index_update AFTER UPDATE ON enrolment
            BEGIN
                DELETE FROM roster_index WHERE enrolment_id = OLD.id;
                INSERT OR REPLACE INTO roster_index(enrolment_id, course_id, person_id, code, name_key, sex, country,
                                                agency_id, agency_key, role, status)
            SELECT NEW.id, NEW.course_id, p.id, p.code, p.sort_key, p.sex, p.country, p.agency_id,
                   coalesce((SELECT lower(coalesce(nullif(a.acronym, ''), a.name)) FROM agency a WHERE a.id = p.agency_id), ''),
                   NEW.role, NEW.status
            FROM person p WHERE p.id = NEW.person_id;
                UPDATE roster_index SET attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status IN ('present', 'late')),
            marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                      WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                        AND m.status <> 'cleared'),
            core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                             WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                               AND s.core AND m.status IN ('present', 'late')) WHERE enrolment_id = NEW.id;
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
                UPDATE roster_index SET attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status IN ('present', 'late')),
            marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                      WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                        AND m.status <> 'cleared'),
            core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                             WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                               AND s.core AND m.status IN ('present', 'late')) WHERE course_id IN (OLD.course_id, NEW.course_id);
            END;
            """)
}
