extension Migration {
    /// v4: append-only record of every change a coordinator makes (nominations, merges, edits,
    /// deletions): who, on which device, when, to what, and the rows before and after as
    /// JSON. Undo replays it (writes the "before" rows back and logs that as a change of its
    /// own); a later data-protection audit reads it. Like attendance, never rewritten.
    static let v04ChangeLog = Migration(
        "v4-change-log",
        sql: """
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
