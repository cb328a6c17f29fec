@testable import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// The migrations are history: libraries in the field have run them and recorded their
/// identifiers, so what they create may never change. These tests hold the schema, the
/// backfills and the identifiers to what the code produced before the migrations were moved
/// into one file each (`__Snapshots__/schema.txt`, `__Snapshots__/library-staged.txt` and
/// `Tests/Fixtures/libraries/library-v9.sqlite` and `library-v10.sqlite` were recorded from that code).
@Suite struct MigrationTests {
    /// An empty file migrated to the end has exactly the recorded tables, indexes and triggers,
    /// with the same SQL text, and the migrations ran under the recorded identifiers in order.
    @Test func emptyLibraryGetsTheRecordedSchema() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let text = try queue.read { db in
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            return "-- migrations, in the order they ran\n" + applied.joined(separator: "\n") + "\n\n"
                + (try Self.schema(db))
        }
        #expect(Schema.migrator.migrations == Self.shippedIdentifiers)
        assertSnapshot(text, named: "schema")
    }

    /// Every identifier a library may have recorded, in order. Written out by hand: a migration
    /// renamed or moved would run again on every library in the field.
    static let shippedIdentifiers = [
        "v1-library", "v2-course-short-title", "v3-derived-roster", "v4-change-log", "v5-person-merged-into",
        "v6-kiosk-pin", "v7-erasure", "v8-session-tally", "v9-course-retention", "v10-audit-trail",
        "v11-marks-derived-by-markrule", "v12-check-in-window", "v13-sync", "v14-sync-peers",
        "v15-session-tally-by-sex-and-country", "v16-event-note-redaction", "v17-course-language",
        "v18-change-summary-words", "v19-sync-peer-result-words", "v20-enrolment-by-course-status",
        "v21-enrolment-count", "v22-roster-count", "v23-roster-index-update-columns",
        "v24-sync-field-without-heads-index", "v25-sync-dirty-skips-id-assignment", "v26-mark-counts-only-when-changed",
        "v27-sync-record-by-course", "v28-sync-records-in-arrival-order", "v29-roster-completed-flag",
    ]

    /// A library that stopped at v2 with attendance in it, and at v9 with a change log, is brought
    /// to the end: the backfills (marks, roster index, tallies, change subjects) fill in exactly
    /// what they filled in before.
    @Test func backfillsOfOlderLibrariesAreUnchanged() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v2-course-short-title")
        try queue.write { db in try db.execute(sql: Self.v2Rows) }
        try Schema.migrator.migrate(queue, upTo: "v9-course-retention")
        try queue.write { db in try db.execute(sql: Self.v9Rows) }
        try Schema.migrator.migrate(queue)
        let text = try queue.read { db in try Self.schema(db) + "\n" + (try Self.contents(db)) }
        assertSnapshot(text, named: "library-staged")
    }

    /// A library file the code before the move took to v9 (`Tests/Fixtures/libraries/library-v9.sqlite`:
    /// the v2 rows, v3–v9 run with their backfills and triggers as that code built them, then the
    /// v9 rows) migrates to the end and is then exactly what an old library migrated step by step
    /// is: the same schema text and the same rows. Then the store opens it.
    @Test func migratesALibraryFileWrittenAtV9BeforeTheMove() throws {
        let fixture = ImportFixtures.directory + "/libraries/library-v9.sqlite"
        guard FileManager.default.fileExists(atPath: fixture) else {
            let queue = try DatabaseQueue(path: fixture)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA page_size = 1024") }
            try Schema.migrator.migrate(queue, upTo: "v2-course-short-title")
            try queue.write { db in try db.execute(sql: Self.v2Rows) }
            try Schema.migrator.migrate(queue, upTo: "v9-course-retention")
            try queue.write { db in try db.execute(sql: Self.v9Rows) }
            try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
            try queue.close()
            Issue.record("Recorded \(fixture). Check it, commit it, then run again.")
            return
        }
        let dir = TemporaryDirectory()
        let copy = dir.file("v9.sqlite")
        try FileManager.default.copyItem(atPath: fixture, toPath: copy)
        let queue = try DatabaseQueue(path: copy)
        #expect(
            try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
                == Array(Self.shippedIdentifiers.prefix(9)))
        try Schema.migrator.migrate(queue)
        let text = try queue.read { db in try Self.schema(db) + "\n" + (try Self.contents(db)) }
        try queue.close()
        assertSnapshot(text, named: "library-staged")
        let store = try CourseStore(path: copy, actor: "tester")
        #expect(try store.attendance.eventCount() == 13)
    }

    /// A library file written by the code before the move (`Tests/Fixtures/libraries/library-v10.sqlite`)
    /// opens: only the migrations after it run (v11 moves mark derivation out of SQL and derives
    /// the marks again, the kiosk-after-absent case included; v12 adds `check_in_opens_minutes`,
    /// 30 for its course), its other rows are unchanged (it holds no check-in after an absent),
    /// its schema is a fresh library's, and its marks read back.
    @Test func opensALibraryWrittenBeforeTheMove() throws {
        let fixture = ImportFixtures.directory + "/libraries/library-v10.sqlite"
        guard FileManager.default.fileExists(atPath: fixture) else {
            try Self.recordLibrary(at: fixture)
            Issue.record("Recorded \(fixture). Check it, commit it, then run again.")
            return
        }
        let dir = TemporaryDirectory()
        let copy = dir.file("old.sqlite")
        try FileManager.default.copyItem(atPath: fixture, toPath: copy)
        // Sync's tables and global ids are new (a copied file also takes a new device id, in meta);
        // the tally gained columns in v15, so its counts are compared summed over them; the
        // enrolment counts are new in v21 and the roster counts in v22, compared with counting;
        // the roster index gained the nominating agency in v22, compared on its older columns.
        let skipped: Set<String> = [
            "course", "meta", "session_tally", "enrolment_count", "roster_count", "roster_index", "sync_dirty", "sync_erased", "sync_field",
            "sync_ledger", "sync_local",
            "sync_origin", "sync_peer", "sync_record", "sync_supersede", "sync_waiting",
        ]
        let tally = """
            SELECT session_id, mark, nomination, role, sum(n) FROM session_tally
            GROUP BY session_id, mark, nomination, role HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
            """
        let index = """
            SELECT enrolment_id, course_id, person_id, code, name_key, sex, country, agency_id, agency_key, role, status,
                   attended, marked, core_attended FROM roster_index ORDER BY enrolment_id
            """
        let (before, tallyBefore, indexBefore) = try DatabaseQueue(path: copy).read { db in
            (try Self.contents(db, except: skipped), try Row.fetchAll(db, sql: tally), try Row.fetchAll(db, sql: index))
        }
        do {
            let store = try CourseStore(path: copy, actor: "tester")
            let course = try store.courses.course(code: "mini-2024")
            let marks = try store.attendance.marks(courseID: course.id!)
            #expect(marks.values.map(\.count).reduce(0, +) == 3)
            #expect(try store.attendance.eventCount() == 6)
        }
        let after = try DatabaseQueue(path: copy).read { db in
            (
                try Schema.migrator.hasCompletedMigrations(db), try Self.contents(db, except: skipped, dropping: ["gid", "summary_words"]),
                try Self.schema(db)
            )
        }
        let fresh = try DatabaseQueue()
        try Schema.migrator.migrate(fresh)
        #expect(after.0)
        // The same rows, less the identifiers of the migrations that ran now.
        let ran = [
            "\"v11-marks-derived-by-markrule\"\n", "\"v12-check-in-window\"\n", "\"v13-sync\"\n", "\"v14-sync-peers\"\n",
            "\"v15-session-tally-by-sex-and-country\"\n", "\"v16-event-note-redaction\"\n", "\"v17-course-language\"\n",
            "\"v18-change-summary-words\"\n", "\"v19-sync-peer-result-words\"\n", "\"v20-enrolment-by-course-status\"\n",
            "\"v21-enrolment-count\"\n", "\"v22-roster-count\"\n", "\"v23-roster-index-update-columns\"\n",
            "\"v24-sync-field-without-heads-index\"\n", "\"v25-sync-dirty-skips-id-assignment\"\n",
            "\"v26-mark-counts-only-when-changed\"\n", "\"v27-sync-record-by-course\"\n",
            "\"v28-sync-records-in-arrival-order\"\n", "\"v29-roster-completed-flag\"\n",
        ]
        #expect(ran.reduce(after.1) { $0.replacingOccurrences(of: $1, with: "") } == before)
        // v18 keeps no words for entries logged before it: they are said as they were logged.
        #expect(try DatabaseQueue(path: copy).read { db in try Int.fetchOne(db, sql: "SELECT count(summary_words) FROM change_log") } == 0)
        #expect(try DatabaseQueue(path: copy).read { db in try Row.fetchAll(db, sql: tally) } == tallyBefore)
        #expect(try DatabaseQueue(path: copy).read { db in try Row.fetchAll(db, sql: index) } == indexBefore)
        let migrated = try CourseStore(path: copy, actor: "tester")
        #expect(try EnrolmentCountTests.counted(migrated) == EnrolmentCountTests.recounted(migrated))
        #expect(try !EnrolmentCountTests.counted(migrated).isEmpty)
        #expect(try EnrolmentCountTests.rosterCounted(migrated) == EnrolmentCountTests.rosterRecounted(migrated))
        #expect(try !EnrolmentCountTests.rosterCounted(migrated).isEmpty)
        #expect(after.2 == (try fresh.read { db in try Self.schema(db) }))
        let opens = try DatabaseQueue(path: copy).read { db in try Int.fetchAll(db, sql: "SELECT check_in_opens_minutes FROM course") }
        #expect(opens == [30])
    }

    /// Writes the old-library fixture: the mini course, marks from several sources, undos and
    /// a nomination change, in a compact file (1 KiB pages, no WAL) small enough to commit.
    static func recordLibrary(at path: String) throws {
        let dir = TemporaryDirectory()
        let clock = TestClock()
        do {
            let store = try makeStore(dir, clock: clock)
            let course = try store.courses.course(code: "mini-2024")
            let am = try store.courses.session(course: course, key: "am"), pm = try store.courses.session(course: course, key: "pm")
            let jose = try store.people.person(code: "T-001"), li = try store.people.person(code: "T-002")
            let ana = try store.people.person(code: "T-003")
            try store.attendance.mark(session: am, person: jose, status: .present, source: .kiosk)
            clock.advance(seconds: 60)
            try store.attendance.mark(session: am, person: jose, status: .late, source: .rollcall)
            try store.attendance.mark(session: am, person: li, status: .absent, source: .rollcall)
            clock.advance(seconds: 60)
            try store.attendance.undo(session: am, person: li, source: .rollcall)
            try store.attendance.mark(session: pm, person: li, status: .excused, source: .paper, note: "dentist")
            try store.attendance.mark(session: pm, person: ana, status: .present, source: .importFile)
            _ = try store.nominations.setNominationStatus(courseID: course.id!, personID: ana.id!, to: .confirmed)
        }
        let queue = try DatabaseQueue(path: dir.file("lib.sqlite"))
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA page_size = 1024")
            try db.execute(sql: "VACUUM")
        }
        try queue.close()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dir.file("lib.sqlite"), toPath: path)
    }

    /// Every schema object, sorted, with its SQL exactly as SQLite keeps it.
    static func schema(_ db: Database) throws -> String {
        try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").map { row in
            let sql: String? = row["sql"]
            return "-- \(row["type"] as String) \(row["name"] as String) on \(row["tbl_name"] as String)\n\(sql ?? "(no sql)")\n"
        }.joined(separator: "\n")
    }

    /// Every row of every table, tables by name and rows sorted by all their columns.
    static func contents(_ db: Database, except skipped: Set<String> = [], dropping dropped: Set<String> = []) throws -> String {
        var out = ""
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for table in tables where !skipped.contains(table) {
            let columns = try db.columns(in: table).map(\.name).filter { !dropped.contains($0) }
            out += "== \(table) (\(columns.joined(separator: ", ")))\n"
            let order = (1...columns.count).map(String.init).joined(separator: ", ")
            let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier) ORDER BY \(order)") {
                out += row.databaseValues.map(\.description).joined(separator: " | ") + "\n"
            }
        }
        return out
    }

    /// A course with attendance as a v2 library held it: equal times, undo chains, both sources.
    static let v2Rows = """
        INSERT INTO course(id, code, title, time_zone, modality, start_date, end_date, minimum_share, require_core,
                           late_after_minutes, short_title)
        VALUES (1, 'c-2023', 'Border Course', 'Pacific/Palau', 'in-person', '2023-03-01', '2023-03-02', 0.5, 1, 15, 'Border');
        INSERT INTO session(id, course_id, key, position, title, kind, start_ms, end_ms, modality, core) VALUES
            (1, 1, 'd1', 0, 'Day one', 'module', 1677628800000, 1677657600000, 'in-person', 1),
            (2, 1, 'd2', 1, 'Day two', 'module', 1677715200000, 1677744000000, 'in-person', 0);
        INSERT INTO agency(id, code, name, acronym, kind, country) VALUES
            (1, 'pw-bim', 'Bureau of Immigration', 'BIM', 'border-agency', 'PW'),
            (2, 'iom', 'International Organization for Migration', '', 'international', '');
        INSERT INTO person(id, code, given_name, family_name, sex, country, agency_id, sort_key) VALUES
            (1, 'P-1', 'Ana', 'Tellei', 'female', 'PW', 1, 'tellei ana'),
            (2, 'P-2', 'José', 'Núñez', 'male', 'PW', 2, 'nunez jose'),
            (3, 'P-3', 'Mary', 'Olkeriil', 'female', 'FM', NULL, 'olkeriil mary'),
            (4, 'P-4', 'Kim', 'Ngirai', 'male', 'PW', 1, 'ngirai kim');
        INSERT INTO enrolment(id, course_id, person_id, position, role, status, substituted_by) VALUES
            (1, 1, 1, 0, 'participant', 'confirmed', NULL),
            (2, 1, 2, 1, 'participant', 'nominated', NULL),
            (3, 1, 3, 2, 'facilitator', 'confirmed', NULL),
            (4, 1, 4, 3, 'participant', 'substituted', 2);
        INSERT INTO attendance_event(id, session_id, person_id, status, arrival_ms, recorded_ms, actor, device, source, undoes) VALUES
            ('00000000-0000-0000-0000-000000000001', 1, 1, 'present', NULL, 1677629000000, 'a', 'd', 'kiosk', NULL),
            ('00000000-0000-0000-0000-000000000002', 1, 1, 'absent', NULL, 1677628000000, 'a', 'd', 'rollcall', NULL),
            ('00000000-0000-0000-0000-000000000003', 1, 2, 'late', 1677630000000, 1677630000000, 'a', 'd', 'rollcall', NULL),
            ('00000000-0000-0000-0000-000000000004', 1, 2, 'present', NULL, 1677630000000, 'a', 'd', 'paper', NULL),
            ('00000000-0000-0000-0000-000000000005', 1, 3, 'present', NULL, 1677629000000, 'a', 'd', 'rollcall', NULL),
            ('00000000-0000-0000-0000-000000000006', 1, 3, 'cleared', NULL, 1677629100000, 'a', 'd', 'rollcall',
             '00000000-0000-0000-0000-000000000005'),
            ('00000000-0000-0000-0000-000000000007', 2, 1, 'excused', NULL, 1677715000000, 'a', 'd', 'import', NULL),
            ('00000000-0000-0000-0000-000000000008', 2, 1, 'present', NULL, 1677716000000, 'a', 'd', 'kiosk', NULL),
            ('00000000-0000-0000-0000-000000000009', 2, 4, 'present', NULL, 1677716000000, 'a', 'd', 'kiosk', NULL),
            ('00000000-0000-0000-0000-00000000000a', 2, 3, 'cleared', NULL, 1677716000000, 'a', 'd', 'rollcall', NULL),
            ('00000000-0000-0000-0000-00000000000b', 2, 2, 'late', 1677716100000, 1677716100000, 'a', 'd', 'rollcall', NULL),
            ('00000000-0000-0000-0000-00000000000c', 2, 2, 'absent', NULL, 1677716200000, 'a', 'd', 'rollcall', NULL),
            ('00000000-0000-0000-0000-00000000000d', 2, 2, 'late', NULL, 1677716300000, 'a', 'd', 'rollcall',
             '00000000-0000-0000-0000-00000000000c');
        """

    /// A change log as a v9 library held it, for v10's change subjects: person and enrolment rows
    /// in the before and after images, a substitution naming two people, a change with none.
    static let v9Rows = """
        UPDATE course SET retention = '5 years' WHERE id = 1;
        INSERT INTO change_log(id, recorded_ms, actor, device, entity, entity_id, course_id, action, summary,
                               before_json, after_json, undoes) VALUES
            (1, 1677800000000, 'a', 'd', 'person', 3, NULL, 'edit', 'renamed', '{"person":[{"id":3}]}', '{"person":[{"id":3}]}', NULL),
            (2, 1677800001000, 'a', 'd', 'enrolment', 4, 1, 'substitute', 'substituted',
             '{"enrolment":[{"id":4,"person_id":4,"substituted_by":null}]}',
             '{"enrolment":[{"id":4,"person_id":4,"substituted_by":2}]}', NULL),
            (3, 1677800002000, 'a', 'd', 'enrolment', 2, 1, 'status', 'confirmed',
             '{"enrolment":[{"id":2,"person_id":2}]}', '{"enrolment":[{"id":2,"person_id":2}]}', NULL),
            (4, 1677800003000, 'a', 'd', 'enrolment', 2, 1, 'undo', 'undo', '{}', '{}', 3),
            (5, 1677800004000, 'a', 'd', 'course', 1, 1, 'edit', 'title', '{"course":[{"id":1}]}', '{}', NULL);
        INSERT INTO erasure(id, fingerprint, erased_ms, actor, device, reason)
        VALUES (1, 'abc123', 1677800005000, 'a', 'd', 'asked');
        """
}
