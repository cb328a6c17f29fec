extension Migration {
    /// v22: the roster's counts by every filter dimension but completion, kept by triggers on
    /// `roster_index`; and an index of the few attendance events that record a departure.
    ///
    /// On a course of 100,000 the roster's filter counted index entries one by one: the count
    /// under a country filter (17–21 ms, all 100,000 entries of the order's index), each facet
    /// menu (18 ms), the quota lines of the filtered country (15–18 ms, an enrolment lookup per
    /// entry). `roster_count` holds one row per course, nomination status, role, sex, country,
    /// agency and quota agency: 3,559 rows for that course, so any of those is a sum over a few
    /// thousand rows at most. Attendance (the completion filter) moves with every mark and is not
    /// kept here; a mark never fires these triggers, since it updates only the attendance columns.
    ///
    /// The quota agency is the person's agency, else the nominating one (`QuotaCount`). The
    /// nominating agency lives on the enrolment, so `roster_index` now carries it too: the
    /// triggers must see the old value when a row goes, and by then the enrolment has changed.
    /// The enrolment triggers are made again to fill it, and to delete before they insert instead
    /// of `INSERT OR REPLACE`, whose implicit delete fires no trigger and would leave a count.
    /// Agency 0 stands for none, so the key has no NULL. Rows whose count falls to zero stay;
    /// readers sum `n`. A bulk import suspends these triggers with the enrolment ones and
    /// recounts the course (`DerivedRoster`).
    ///
    /// `attendance_departure` is partial: the matrix's "left early" look-up probed every event
    /// of a page's people (3–10 ms a page) to find the handful with a departure time.
    /// `roster_by_person` gains the status and the sort key, so a name search within a course
    /// (the kiosk's) tests and orders each candidate in that index alone (`People.search`);
    /// both columns already rewrite the whole row when they change, so no write costs more.
    static let v22RosterCount = Migration(
        "v22-roster-count",
        sql: """
            ALTER TABLE roster_index ADD COLUMN nominated_by INTEGER;
            UPDATE roster_index SET nominated_by = (SELECT e.nominated_by FROM enrolment e WHERE e.id = roster_index.enrolment_id);
            DROP TRIGGER enrolment_index_insert;
            DROP TRIGGER enrolment_index_update;
            CREATE TRIGGER enrolment_index_insert AFTER INSERT ON enrolment
            BEGIN
                DELETE FROM roster_index WHERE enrolment_id = NEW.id;
                INSERT INTO roster_index(enrolment_id, course_id, person_id, code, name_key, sex, country,
                                         agency_id, agency_key, role, status, nominated_by)
                SELECT NEW.id, NEW.course_id, p.id, p.code, p.sort_key, p.sex, p.country, p.agency_id,
                       coalesce((SELECT lower(coalesce(nullif(a.acronym, ''), a.name)) FROM agency a WHERE a.id = p.agency_id), ''),
                       NEW.role, NEW.status, NEW.nominated_by
                FROM person p WHERE p.id = NEW.person_id;
                UPDATE roster_index SET attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status IN ('present', 'late')),
                    marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status <> 'cleared'),
                    core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND s.core AND m.status IN ('present', 'late'))
                WHERE enrolment_id = NEW.id;
            END;
            CREATE TRIGGER enrolment_index_update AFTER UPDATE ON enrolment
            BEGIN
                DELETE FROM roster_index WHERE enrolment_id = OLD.id;
                DELETE FROM roster_index WHERE enrolment_id = NEW.id;
                INSERT INTO roster_index(enrolment_id, course_id, person_id, code, name_key, sex, country,
                                         agency_id, agency_key, role, status, nominated_by)
                SELECT NEW.id, NEW.course_id, p.id, p.code, p.sort_key, p.sex, p.country, p.agency_id,
                       coalesce((SELECT lower(coalesce(nullif(a.acronym, ''), a.name)) FROM agency a WHERE a.id = p.agency_id), ''),
                       NEW.role, NEW.status, NEW.nominated_by
                FROM person p WHERE p.id = NEW.person_id;
                UPDATE roster_index SET attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status IN ('present', 'late')),
                    marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status <> 'cleared'),
                    core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND s.core AND m.status IN ('present', 'late'))
                WHERE enrolment_id = NEW.id;
            END;
            CREATE TABLE roster_count (
                course_id    INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
                status       TEXT NOT NULL,
                role         TEXT NOT NULL,
                sex          TEXT NOT NULL,
                country      TEXT NOT NULL,
                agency_id    INTEGER NOT NULL,
                quota_agency INTEGER NOT NULL,
                n            INTEGER NOT NULL,
                PRIMARY KEY (course_id, status, role, sex, country, agency_id, quota_agency)
            ) WITHOUT ROWID;
            INSERT INTO roster_count(course_id, status, role, sex, country, agency_id, quota_agency, n)
            SELECT course_id, status, role, sex, country, coalesce(agency_id, 0), coalesce(agency_id, nominated_by, 0), count(*)
            FROM roster_index GROUP BY 1, 2, 3, 4, 5, 6, 7;
            CREATE TRIGGER roster_count_insert AFTER INSERT ON roster_index
            BEGIN
                INSERT INTO roster_count(course_id, status, role, sex, country, agency_id, quota_agency, n)
                VALUES (NEW.course_id, NEW.status, NEW.role, NEW.sex, NEW.country, coalesce(NEW.agency_id, 0),
                        coalesce(NEW.agency_id, NEW.nominated_by, 0), 1)
                ON CONFLICT(course_id, status, role, sex, country, agency_id, quota_agency) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER roster_count_update AFTER UPDATE OF course_id, status, role, sex, country, agency_id, nominated_by ON roster_index
            BEGIN
                UPDATE roster_count SET n = n - 1
                WHERE course_id = OLD.course_id AND status = OLD.status AND role = OLD.role AND sex = OLD.sex
                  AND country = OLD.country AND agency_id = coalesce(OLD.agency_id, 0)
                  AND quota_agency = coalesce(OLD.agency_id, OLD.nominated_by, 0);
                INSERT INTO roster_count(course_id, status, role, sex, country, agency_id, quota_agency, n)
                VALUES (NEW.course_id, NEW.status, NEW.role, NEW.sex, NEW.country, coalesce(NEW.agency_id, 0),
                        coalesce(NEW.agency_id, NEW.nominated_by, 0), 1)
                ON CONFLICT(course_id, status, role, sex, country, agency_id, quota_agency) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER roster_count_delete AFTER DELETE ON roster_index
            BEGIN
                UPDATE roster_count SET n = n - 1
                WHERE course_id = OLD.course_id AND status = OLD.status AND role = OLD.role AND sex = OLD.sex
                  AND country = OLD.country AND agency_id = coalesce(OLD.agency_id, 0)
                  AND quota_agency = coalesce(OLD.agency_id, OLD.nominated_by, 0);
            END;
            CREATE INDEX attendance_departure ON attendance_event(person_id, session_id) WHERE departure_ms IS NOT NULL;
            DROP INDEX roster_by_person;
            CREATE INDEX roster_by_person ON roster_index(person_id, course_id, status, name_key);
            """)
}
