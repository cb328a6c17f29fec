extension Migration {
    /// v11: `attendance_mark` follows the mark rule as it now stands (`MarkRule.derive`,
    /// `docs/ATTENDANCE-RULE.md`): a kiosk check-in recorded after a facilitator's absent makes
    /// the person late, and one recorded after a facilitator's clear counts as itself. Before,
    /// any facilitator mark beat every check-in, so a latecomer stayed absent on every screen,
    /// export and report although the kiosk had welcomed them.
    ///
    /// `attendance_effective` is the rule's first step (events not undone, undos left out) as a
    /// view, because a trigger body cannot hold a WITH clause. The derive trigger is replaced and
    /// every stored pair derived again, which moves `session_tally` through its own triggers;
    /// the roster's counts are recomputed. `MarkRulePropertyTests` holds SQL and Swift together.
    ///
    /// Written out in full, as SQLite keeps the trigger text (see v3).
    static let v11KioskAfterAbsent = Migration(
        "v11-kiosk-after-absent",
        sql: """
            CREATE VIEW attendance_effective AS
            SELECT e.* FROM attendance_event e
            WHERE e.undoes IS NULL
              AND NOT EXISTS (SELECT 1 FROM attendance_event u WHERE u.session_id = e.session_id
                              AND u.person_id = e.person_id AND u.undoes = e.id);

            DROP TRIGGER attendance_event_derive;
            CREATE TRIGGER attendance_event_derive AFTER INSERT ON attendance_event
            BEGIN
                INSERT OR REPLACE INTO attendance_mark(session_id, person_id, status)
                SELECT NEW.session_id, NEW.person_id, coalesce(
                    (SELECT CASE
                        WHEN f.status = 'absent' AND EXISTS (SELECT 1 FROM attendance_effective k
                            WHERE k.session_id = f.session_id AND k.person_id = f.person_id AND k.source = 'kiosk' AND k.status IN ('present', 'late')
                              AND (k.recorded_ms > f.recorded_ms OR (k.recorded_ms = f.recorded_ms AND k.id > f.id)))
                        THEN 'late'
                        WHEN f.status = 'cleared' THEN coalesce((SELECT k.status FROM attendance_effective k
                            WHERE k.session_id = f.session_id AND k.person_id = f.person_id AND k.source = 'kiosk' AND k.status IN ('present', 'late')
                              AND (k.recorded_ms > f.recorded_ms OR (k.recorded_ms = f.recorded_ms AND k.id > f.id))
                            ORDER BY k.recorded_ms, k.id LIMIT 1), 'cleared')
                        ELSE f.status END
                     FROM attendance_effective f
                     WHERE f.session_id = NEW.session_id AND f.person_id = NEW.person_id AND f.source <> 'kiosk'
                     ORDER BY f.recorded_ms DESC, f.id DESC LIMIT 1),
                    (SELECT k.status FROM attendance_effective k
                     WHERE k.session_id = NEW.session_id AND k.person_id = NEW.person_id AND k.source = 'kiosk'
                     ORDER BY k.recorded_ms DESC, k.id DESC LIMIT 1),
                    'cleared');
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

            INSERT OR REPLACE INTO attendance_mark(session_id, person_id, status)
            SELECT X.session_id, X.person_id, coalesce(
                (SELECT CASE
                    WHEN f.status = 'absent' AND EXISTS (SELECT 1 FROM attendance_effective k
                        WHERE k.session_id = f.session_id AND k.person_id = f.person_id AND k.source = 'kiosk' AND k.status IN ('present', 'late')
                          AND (k.recorded_ms > f.recorded_ms OR (k.recorded_ms = f.recorded_ms AND k.id > f.id)))
                    THEN 'late'
                    WHEN f.status = 'cleared' THEN coalesce((SELECT k.status FROM attendance_effective k
                        WHERE k.session_id = f.session_id AND k.person_id = f.person_id AND k.source = 'kiosk' AND k.status IN ('present', 'late')
                          AND (k.recorded_ms > f.recorded_ms OR (k.recorded_ms = f.recorded_ms AND k.id > f.id))
                        ORDER BY k.recorded_ms, k.id LIMIT 1), 'cleared')
                    ELSE f.status END
                 FROM attendance_effective f
                 WHERE f.session_id = X.session_id AND f.person_id = X.person_id AND f.source <> 'kiosk'
                 ORDER BY f.recorded_ms DESC, f.id DESC LIMIT 1),
                (SELECT k.status FROM attendance_effective k
                 WHERE k.session_id = X.session_id AND k.person_id = X.person_id AND k.source = 'kiosk'
                 ORDER BY k.recorded_ms DESC, k.id DESC LIMIT 1),
                'cleared')
            FROM (SELECT DISTINCT session_id, person_id FROM attendance_event) X;
            UPDATE roster_index SET attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                    WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                      AND m.status IN ('present', 'late')),
                marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                    WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                      AND m.status <> 'cleared'),
                core_attended = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                    WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                      AND s.core AND m.status IN ('present', 'late'));
            """)
}
