extension Migration {
    /// v23: an enrolment's roster entry is rewritten only when a column it holds changes.
    ///
    /// `enrolment_index_update` fired on every update of an enrolment (v3, made again in v22), so
    /// giving a row its sync id (`SyncIDs.ensure`, once per new enrolment when its transaction is
    /// recorded) deleted and re-inserted its roster entry in ten indexes and moved two counts in
    /// `roster_count` for nothing: 22 % of the CPU of a 100,000-person roster import. The trigger
    /// is the same but for its column list: the enrolment's columns `roster_index` holds. The
    /// body is repeated as a literal, as every migration's SQL is (`Migration`).
    static let v23RosterIndexUpdateColumns = Migration(
        "v23-roster-index-update-columns",
        sql: """
            DROP TRIGGER enrolment_index_update;
            CREATE TRIGGER enrolment_index_update AFTER UPDATE OF id, course_id, person_id, role, status, nominated_by ON enrolment
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
            """)
}
