extension Migration {
    /// v13: sync (docs/SYNC.md). A global id on every entity that travels, assigned by
    /// `SyncRecorder` (derived from a natural key where there is one, so libraries that loaded the
    /// same course file agree); the records this library holds from every origin, per-field
    /// heads for the merge, this library's origin and key, the ledger of bundles, and triggers
    /// that note which rows a transaction touched so `SyncRecorder.flush` records them.
    static let v13Sync = Migration(
        "v13-sync",
        sql: """
            ALTER TABLE course ADD COLUMN gid TEXT;
            ALTER TABLE session ADD COLUMN gid TEXT;
            ALTER TABLE agency ADD COLUMN gid TEXT;
            ALTER TABLE person ADD COLUMN gid TEXT;
            ALTER TABLE enrolment ADD COLUMN gid TEXT;
            ALTER TABLE course_agency ADD COLUMN gid TEXT;
            ALTER TABLE quota ADD COLUMN gid TEXT;
            CREATE UNIQUE INDEX course_by_gid ON course(gid);
            CREATE UNIQUE INDEX session_by_gid ON session(gid);
            CREATE UNIQUE INDEX agency_by_gid ON agency(gid);
            CREATE UNIQUE INDEX person_by_gid ON person(gid);
            CREATE UNIQUE INDEX enrolment_by_gid ON enrolment(gid);
            CREATE UNIQUE INDEX course_agency_by_gid ON course_agency(gid);
            CREATE UNIQUE INDEX quota_by_gid ON quota(gid);

            -- This library: its origin (from its Ed25519 key), where the file lives (a copy
            -- elsewhere takes a new origin), its clock and the next sequence number.
            CREATE TABLE sync_local (
                id          INTEGER PRIMARY KEY CHECK (id = 1),
                origin      TEXT NOT NULL,
                private_key BLOB NOT NULL,
                label       TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                hlc         INTEGER NOT NULL DEFAULT 0,
                next_seq    INTEGER NOT NULL DEFAULT 1
            );
            -- Every origin this library has records of, with the key its bundles are signed by.
            CREATE TABLE sync_origin (
                origin     TEXT PRIMARY KEY NOT NULL,
                public_key BLOB,
                label      TEXT NOT NULL DEFAULT '',
                seen_ms    INTEGER
            ) WITHOUT ROWID;
            -- Every record held, as it travels (canonical JSON). Insert if absent; never updated
            -- except to scrub an erased person's data (`SyncErasure`).
            CREATE TABLE sync_record (
                id          TEXT PRIMARY KEY NOT NULL,
                origin      TEXT NOT NULL,
                seq         INTEGER NOT NULL,
                hlc         INTEGER NOT NULL,
                kind        TEXT NOT NULL,
                entity      TEXT NOT NULL,
                gid         TEXT NOT NULL,
                body        BLOB NOT NULL,
                received_ms INTEGER NOT NULL,
                UNIQUE (origin, seq)
            ) WITHOUT ROWID;
            CREATE INDEX sync_record_by_gid ON sync_record(gid);
            -- One row per field a put record sets: the merge's working set. A row is a head
            -- until a later record names it in `prev` (or, for a genesis row, until any edit).
            -- `value` has no type, so it keeps the field's value as the record has it.
            CREATE TABLE sync_field (
                gid        TEXT NOT NULL,
                field      TEXT NOT NULL,
                record_id  TEXT NOT NULL,
                entity     TEXT NOT NULL,
                hlc        INTEGER NOT NULL,
                origin     TEXT NOT NULL,
                value,
                superseded INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (gid, field, record_id)
            ) WITHOUT ROWID;
            CREATE INDEX sync_field_heads ON sync_field(gid, field, superseded);
            -- "record_id's value of field was replaced by by_record", kept even when record_id
            -- has not arrived yet, so a late arrival is known to be superseded.
            CREATE TABLE sync_supersede (
                gid       TEXT NOT NULL,
                field     TEXT NOT NULL,
                record_id TEXT NOT NULL,
                by_record TEXT NOT NULL,
                PRIMARY KEY (gid, field, record_id, by_record)
            ) WITHOUT ROWID;
            -- People erased, by global id: their later records are kept scrubbed and not applied.
            CREATE TABLE sync_erased (
                gid       TEXT PRIMARY KEY NOT NULL,
                record_id TEXT NOT NULL
            ) WITHOUT ROWID;
            -- Entities whose records could not be applied yet (what they refer to has not arrived).
            CREATE TABLE sync_waiting (
                entity TEXT NOT NULL,
                gid    TEXT NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (entity, gid)
            ) WITHOUT ROWID;
            -- Bundles written and read.
            CREATE TABLE sync_ledger (
                id        INTEGER PRIMARY KEY,
                bundle_id TEXT NOT NULL,
                direction TEXT NOT NULL,
                path      TEXT NOT NULL,
                name      TEXT,
                at_ms     INTEGER NOT NULL,
                records   INTEGER NOT NULL,
                carried   TEXT NOT NULL DEFAULT '{}'
            );
            CREATE INDEX sync_ledger_by_bundle ON sync_ledger(bundle_id, direction);
            -- Rows a transaction touched, for `SyncRecorder.flush` at its end.
            CREATE TABLE sync_dirty (
                entity TEXT NOT NULL,
                key    TEXT NOT NULL,
                gid    TEXT,
                PRIMARY KEY (entity, key)
            ) WITHOUT ROWID;
            CREATE TRIGGER sync_dirty_course_ins AFTER INSERT ON course BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('course', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_course_upd AFTER UPDATE ON course BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('course', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_course_del AFTER DELETE ON course BEGIN INSERT OR REPLACE INTO sync_dirty VALUES ('course', OLD.rowid, OLD.gid); END;
            CREATE TRIGGER sync_dirty_session_ins AFTER INSERT ON session BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('session', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_session_upd AFTER UPDATE ON session BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('session', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_session_del AFTER DELETE ON session BEGIN INSERT OR REPLACE INTO sync_dirty VALUES ('session', OLD.rowid, OLD.gid); END;
            CREATE TRIGGER sync_dirty_agency_ins AFTER INSERT ON agency BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('agency', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_agency_upd AFTER UPDATE ON agency BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('agency', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_agency_del AFTER DELETE ON agency BEGIN INSERT OR REPLACE INTO sync_dirty VALUES ('agency', OLD.rowid, OLD.gid); END;
            CREATE TRIGGER sync_dirty_person_ins AFTER INSERT ON person BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('person', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_person_upd AFTER UPDATE ON person BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('person', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_person_del AFTER DELETE ON person BEGIN INSERT OR REPLACE INTO sync_dirty VALUES ('person', OLD.rowid, OLD.gid); END;
            CREATE TRIGGER sync_dirty_enrolment_ins AFTER INSERT ON enrolment BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('enrolment', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_enrolment_upd AFTER UPDATE ON enrolment BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('enrolment', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_enrolment_del AFTER DELETE ON enrolment BEGIN INSERT OR REPLACE INTO sync_dirty VALUES ('enrolment', OLD.rowid, OLD.gid); END;
            CREATE TRIGGER sync_dirty_course_agency_ins AFTER INSERT ON course_agency BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('course_agency', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_course_agency_upd AFTER UPDATE ON course_agency BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('course_agency', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_course_agency_del AFTER DELETE ON course_agency BEGIN INSERT OR REPLACE INTO sync_dirty VALUES ('course_agency', OLD.rowid, OLD.gid); END;
            CREATE TRIGGER sync_dirty_quota_ins AFTER INSERT ON quota BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('quota', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_quota_upd AFTER UPDATE ON quota BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('quota', NEW.rowid, NEW.gid); END;
            CREATE TRIGGER sync_dirty_quota_del AFTER DELETE ON quota BEGIN INSERT OR REPLACE INTO sync_dirty VALUES ('quota', OLD.rowid, OLD.gid); END;
            CREATE TRIGGER sync_dirty_event_ins AFTER INSERT ON attendance_event BEGIN INSERT OR IGNORE INTO sync_dirty VALUES ('attendance_event', NEW.id, NULL); END;
            """)
}
