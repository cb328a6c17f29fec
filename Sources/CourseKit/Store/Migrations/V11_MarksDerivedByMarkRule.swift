extension Migration {
    /// v11: the current marks in `attendance_mark` are derived by `MarkRule`, in Swift, by the
    /// attendance log's one writer (`AttendanceEventWrites.append` → `AttendanceMarkWrites`),
    /// instead of by a trigger that wrote the rule a second time in SQL. The rule is then in one
    /// place, and a change to it (a kiosk check-in after a facilitator's absent) cannot leave
    /// the SQL copy behind. The roster's per-person counts, which are counting and not the rule,
    /// stay in SQL: a trigger on `attendance_mark` keeps them, as `session_tally`'s do. Every
    /// stored mark is derived again afterwards (`rederiveMarks`).
    ///
    /// Written out in full, as SQLite keeps the trigger text (see v3).
    static let v11MarksDerivedByMarkRule = Migration(
        "v11-marks-derived-by-markrule",
        sql: """
            DROP TRIGGER attendance_event_derive;
            CREATE TRIGGER attendance_mark_counts AFTER INSERT ON attendance_mark
            BEGIN
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
            """, rederiveMarks: true)
}
