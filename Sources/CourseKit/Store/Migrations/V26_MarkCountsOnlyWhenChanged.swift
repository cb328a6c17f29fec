extension Migration {
    /// v26: a mark rewrites the roster entry's attendance counts only where they change.
    ///
    /// `attended` and `core_attended` are carried by the derived roster's eight covering indexes
    /// (so a roster page, its sorts and its completion filter never read the table). v11's
    /// trigger set all three counts on every mark, and SQLite rewrites an index entry whenever an
    /// `UPDATE` sets one of its columns, changed or not: 16 index writes for a mark that left
    /// the counts as they were. Now `marked`, in no index, is set on its own, and the two
    /// attendance counts only when one of them moves. A mark of someone absent or excused, or a
    /// late corrected to present, writes the roster entry's row and nothing of its indexes
    /// (a batch of 2,000 such marks on the 10k library: 0.17–0.20 → 0.08 ms a mark). The counts
    /// are the same as v11's (`RosterIndexTests`).
    static let v26MarkCountsOnlyWhenChanged = Migration(
        "v26-mark-counts-only-when-changed",
        sql: """
            DROP TRIGGER attendance_mark_counts;
            CREATE TRIGGER attendance_mark_counts AFTER INSERT ON attendance_mark
            BEGIN
                UPDATE roster_index SET marked = (SELECT count(*) FROM attendance_mark m JOIN session s ON s.id = m.session_id
                        WHERE s.course_id = roster_index.course_id AND m.person_id = roster_index.person_id
                          AND m.status <> 'cleared')
                WHERE enrolment_id = (SELECT e.id FROM session s JOIN enrolment e
                                      ON e.course_id = s.course_id AND e.person_id = NEW.person_id
                                      WHERE s.id = NEW.session_id);
                UPDATE roster_index SET attended = counts.attended, core_attended = counts.core_attended
                FROM (SELECT count(*) FILTER (WHERE m.status IN ('present', 'late')) AS attended,
                             count(*) FILTER (WHERE s.core AND m.status IN ('present', 'late')) AS core_attended
                      FROM session here JOIN session s ON s.course_id = here.course_id
                      JOIN attendance_mark m ON m.session_id = s.id AND m.person_id = NEW.person_id
                      WHERE here.id = NEW.session_id) AS counts
                WHERE enrolment_id = (SELECT e.id FROM session s JOIN enrolment e
                                      ON e.course_id = s.course_id AND e.person_id = NEW.person_id
                                      WHERE s.id = NEW.session_id)
                  AND (roster_index.attended IS NOT counts.attended OR roster_index.core_attended IS NOT counts.core_attended);
            END;
            """,
        touchesRows: false)
}
