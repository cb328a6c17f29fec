@testable import CourseKit
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// v28 copies `sync_record` into a rowid table, so records go at its end. Its SQL is run a
/// second time here on a library holding marks, an undo and their records: a copy that lost a
/// row, a column or an index shows up.
@Suite struct SyncRecordsInArrivalOrderTests {
    @Test func theCopyKeepsEveryRowAndIndex() throws {
        let dir = TemporaryDirectory()
        do {
            let store = try makeStore(dir)
            let course = try store.courses.course(code: "mini-2024")
            let am = try store.courses.session(course: course, key: "am")
            let pm = try store.courses.session(course: course, key: "pm")
            for code in ["T-001", "T-002", "T-003"] {
                try store.attendance.mark(session: am, person: store.people.person(code: code), status: .present, source: .rollcall)
            }
            try store.attendance.mark(session: pm, person: store.people.person(code: "T-001"), status: .late, source: .kiosk)
            _ = try store.attendance.undo(session: am, person: store.people.person(code: "T-002"), source: .rollcall)
        }
        let queue = try DatabaseQueue(path: dir.file("lib.sqlite"))
        let before = try queue.read(Self.dump)
        #expect(before.rows.filter { ($0["kind"] as String?) == "event" }.count == 5)
        #expect(before.rows.count > 5)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                try db.execute(sql: Migration.v28SyncRecordsInArrivalOrder.sql)
                return .commit
            }
        }
        let after = try queue.read(Self.dump)
        #expect(after.rows == before.rows)
        #expect(after.schema == before.schema)
        // A rowid table now; the event log keeps its clustered table.
        let sql = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('sync_record', 'attendance_event') ORDER BY name")
        }
        #expect(sql.map { $0.contains("WITHOUT ROWID") } == [true, false])
    }

    /// The records of marks made one after another are the table's last rows, in that order,
    /// however their ids sort.
    @Test func aNewMarkGoesAtTheEnd() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am")
        var made: [String] = []
        for code in ["T-001", "T-002", "T-003", "T-001"] {
            let outcome = try store.attendance.mark(
                session: am, person: store.people.person(code: code), status: .absent, source: .rollcall)
            made.append(outcome.event.id.lowercaseText)
        }
        let records = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM sync_record WHERE kind = 'event' ORDER BY rowid")
        }
        #expect(records == made)
        let last = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM sync_record ORDER BY rowid DESC LIMIT 1") }
        #expect(last == made.last)
    }

    /// Every record in id order, and the SQL of the table's indexes.
    static func dump(_ db: Database) throws -> (rows: [Row], schema: [String]) {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM sync_record ORDER BY id")
        let schema = try String.fetchAll(
            db,
            sql: """
                SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master
                WHERE tbl_name = 'sync_record' AND type <> 'table' ORDER BY name
                """)
        return (rows, schema)
    }
}
