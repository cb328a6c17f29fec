extension Migration {
    /// v25: giving a row its sync id does not note the row for recording again.
    ///
    /// A row without a global id is always in `sync_dirty`: its insert put it there (or, for a
    /// row older than sync, the writer's first open did, `syncWriterOpened`), and only recording
    /// it gives it an id (`SyncIDs.assign`), with its note already taken. The update triggers of
    /// v13 noted it again all the same, and the recorder took the note out again, row by row: for
    /// a 100,000-person import, 200,000 notes written and deleted for nothing. Each update trigger
    /// now skips the one update that turns a null id into an id; any other update of the row is
    /// noted as before. The statements are repeated as literals, as every migration's SQL is.
    /// Triggers only: no row moves, so no check of every row afterwards (`touchesRows`).
    static let v25SyncDirtySkipsIDAssignment = Migration(
        "v25-sync-dirty-skips-id-assignment",
        sql: """
            DROP TRIGGER sync_dirty_course_upd;
            CREATE TRIGGER sync_dirty_course_upd AFTER UPDATE ON course WHEN OLD.gid IS NOT NULL OR NEW.gid IS NULL
                BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('course', NEW.rowid, NEW.gid); END;
            DROP TRIGGER sync_dirty_session_upd;
            CREATE TRIGGER sync_dirty_session_upd AFTER UPDATE ON session WHEN OLD.gid IS NOT NULL OR NEW.gid IS NULL
                BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('session', NEW.rowid, NEW.gid); END;
            DROP TRIGGER sync_dirty_agency_upd;
            CREATE TRIGGER sync_dirty_agency_upd AFTER UPDATE ON agency WHEN OLD.gid IS NOT NULL OR NEW.gid IS NULL
                BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('agency', NEW.rowid, NEW.gid); END;
            DROP TRIGGER sync_dirty_person_upd;
            CREATE TRIGGER sync_dirty_person_upd AFTER UPDATE ON person WHEN OLD.gid IS NOT NULL OR NEW.gid IS NULL
                BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('person', NEW.rowid, NEW.gid); END;
            DROP TRIGGER sync_dirty_enrolment_upd;
            CREATE TRIGGER sync_dirty_enrolment_upd AFTER UPDATE ON enrolment WHEN OLD.gid IS NOT NULL OR NEW.gid IS NULL
                BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('enrolment', NEW.rowid, NEW.gid); END;
            DROP TRIGGER sync_dirty_course_agency_upd;
            CREATE TRIGGER sync_dirty_course_agency_upd AFTER UPDATE ON course_agency WHEN OLD.gid IS NOT NULL OR NEW.gid IS NULL
                BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('course_agency', NEW.rowid, NEW.gid); END;
            DROP TRIGGER sync_dirty_quota_upd;
            CREATE TRIGGER sync_dirty_quota_upd AFTER UPDATE ON quota WHEN OLD.gid IS NOT NULL OR NEW.gid IS NULL
                BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('quota', NEW.rowid, NEW.gid); END;
            """,
        touchesRows: false)
}
