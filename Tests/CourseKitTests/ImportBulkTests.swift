@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// A big roster import keeps `roster_index` and `session_tally` set-wise, with the per-row triggers
/// on `enrolment` suspended inside its transaction (`DerivedRoster`). These tests hold it to what
/// the triggers would have left, and to leaving nothing behind when it fails.
@Suite struct ImportBulkTests {
    /// 600 new people (more than `DerivedUpkeep.minimumForSetWise`, so `.automatic` goes set-wise
    /// too), plus the known T-001 declining and T-002 confirmed as before, in several roles, statuses,
    /// countries and agencies.
    static let roster: String = {
        var text = "code,given,family,email,country,sex,role,status,agency\n"
        text += "T-001,José,Núñez,jose.nunez@example.org,PW,male,participant,declined,\n"
        text += "T-002,Xiaolong,Li,,,,,confirmed,\n"
        let roles = ["participant", "participant", "observer", "resource person"]
        let statuses = ["nominated", "confirmed", "waitlisted", "confirmed", "walk-in"]
        let countries = ["PW", "GT", "CR", "", "MX"]
        let agencies = ["BIM", "", "Ministry of Nowhere", "BIM"]
        for i in 0..<600 {
            text +=
                "N-\(String(format: "%04d", i)),Given\(i % 37),Family \(i * 7 % 101),n\(i)@example.org,"
                + "\(countries[i % 5]),\(i % 3 == 0 ? "female" : "male"),\(roles[i % 4]),\(statuses[i % 5]),\(agencies[i % 4])\n"
        }
        return text
    }()

    /// The mini course with marks already on it, so counts and tallies start from something.
    func markedStore(_ dir: TemporaryDirectory) throws -> CourseStore {
        let store = try importStore(dir, courses: ["mini-2024"])
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am"), pm = try store.courses.session(course: course, key: "pm")
        try store.attendance.mark(session: am, person: store.people.person(code: "T-001"), status: .present, source: .rollcall)
        try store.attendance.mark(session: pm, person: store.people.person(code: "T-001"), status: .late, source: .rollcall)
        try store.attendance.mark(session: am, person: store.people.person(code: "T-002"), status: .excused, source: .rollcall)
        try store.attendance.mark(session: pm, person: store.people.person(code: "T-003"), status: .absent, source: .kiosk)
        return store
    }

    func importRoster(_ store: CourseStore, upkeep: DerivedUpkeep, text: String = roster) throws -> RosterImportReport {
        var options = RosterImportOptions()
        options.derivedUpkeep = upkeep
        return try store.rosterImporter.importRoster(data: Data(text.utf8), name: "big.csv", course: "mini-2024", options: options)
    }

    /// Every row of the derived tables, as text (the tally and the enrolment counts without zero
    /// counts, which the triggers may leave and nothing reads).
    func derived(_ store: CourseStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM roster_index ORDER BY enrolment_id").map(\.description) + ["--"]
                + Row.fetchAll(
                    db, sql: "SELECT * FROM session_tally WHERE n <> 0 ORDER BY session_id, mark, nomination, role, sex, country"
                )
                .map(\.description) + ["--"]
                + Row.fetchAll(db, sql: "SELECT * FROM enrolment_count WHERE n <> 0 ORDER BY course_id, status, role").map(\.description)
                + ["--"] + (try EnrolmentCountTests.rosterCounted(db))
        }
    }

    func schema(_ store: CourseStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        }
    }

    /// Marks after the import, through the restored triggers, on new and known people alike.
    func markAfter(_ store: CourseStore) throws {
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am"), pm = try store.courses.session(course: course, key: "pm")
        try store.attendance.mark(session: am, person: store.people.person(code: "N-0007"), status: .present, source: .kiosk)
        try store.attendance.mark(session: pm, person: store.people.person(code: "N-0007"), status: .late, source: .rollcall)
        try store.attendance.mark(session: am, person: store.people.person(code: "T-001"), status: .absent, source: .rollcall)
        _ = try store.nominations.setNominationStatus(
            courseID: course.id!, personID: store.people.person(code: "N-0012").id!, to: .withdrawn)
    }

    @Test(arguments: [DerivedUpkeep.setWise, .automatic])
    func setWiseLeavesWhatTheTriggersLeave(upkeep: DerivedUpkeep) throws {
        let slowDir = TemporaryDirectory("per-row"), fastDir = TemporaryDirectory("set-wise")
        let slow = try markedStore(slowDir), fast = try markedStore(fastDir)
        let schemaBefore = try schema(fast)
        let slowReport = try importRoster(slow, upkeep: .perRow)
        let fastReport = try importRoster(fast, upkeep: upkeep)
        #expect(fastReport == slowReport)
        #expect(fastReport.newPeople.count == 600 && fastReport.enrolmentsChanged == 1)  // T-001 declines; T-002 was confirmed

        let rows = try derived(fast)
        #expect(rows == (try derived(slow)))
        let parts = rows.split(separator: "--")
        #expect(parts.count == 4 && parts[0].count == 5 + 600 && parts[1].count == 4)  // every enrolment, a tally row per mark here
        let recounted = try EnrolmentCountTests.recounted(fast)
        #expect(parts.count == 4 && Array(parts[2]) == recounted)
        let rosterRecounted = try EnrolmentCountTests.rosterRecounted(fast)
        #expect(parts.count == 4 && Array(parts[3]) == rosterRecounted)
        #expect(try schema(fast) == schemaBefore, "the suspended triggers are back, word for word")
        #expect(try importRoster(fast, upkeep: upkeep).changesNothing, "a second run changes nothing")
        #expect(try derived(fast) == rows)

        // A rebuild from scratch of the per-row library changes nothing either.
        let courseID = try slow.courses.course(code: "mini-2024").id!
        try slow.write { db in try DerivedRoster.rebuild(db, courseID: courseID) }
        #expect(try derived(slow) == rows)

        // The triggers work again after the import, on the same connection and on a new one.
        try markAfter(slow)
        try markAfter(fast)
        #expect(try derived(fast) == (try derived(slow)))
        // A new connection writing while `fast` is open: SQLite's triggers on it, so it skips the writer lock.
        let reopened = try CourseStore(path: fast.path, actor: "tester", access: .unlockedWriter)
        let course = try reopened.courses.course(code: "mini-2024")
        try reopened.attendance.mark(
            session: reopened.courses.session(course: course, key: "pm"), person: reopened.people.person(code: "N-0100"),
            status: .present, source: .rollcall)
        try slow.attendance.mark(
            session: slow.courses.session(course: course, key: "pm"), person: slow.people.person(code: "N-0100"),
            status: .present, source: .rollcall)
        #expect(try derived(fast) == (try derived(slow)))

    }

    /// A failure while the triggers are dropped (here a trigger of the test's refusing one person's
    /// enrolment, half-way through) rolls back everything: rows, derived tables and the schema.
    @Test func aFailedBulkImportLeavesEverythingUntouched() throws {
        let dir = TemporaryDirectory("failed")
        let store = try markedStore(dir)
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER test_refuse BEFORE INSERT ON enrolment
                    WHEN (SELECT code FROM person WHERE id = NEW.person_id) = 'N-0450'
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """)
        }
        let counts = try libraryCounts(store), rows = try derived(store), schemaBefore = try schema(store)
        let error = try #require(throws: MusterError.self) { try importRoster(store, upkeep: .setWise) }
        #expect(error.description.contains("refused by the test"), "\(error)")
        #expect(try libraryCounts(store) == counts)
        #expect(try derived(store) == rows)
        #expect(try schema(store) == schemaBefore)

        // The store's own connection still has its triggers: a mark reaches the derived tables.
        let course = try store.courses.course(code: "mini-2024")
        try store.attendance.mark(
            session: store.courses.session(course: course, key: "pm"), person: store.people.person(code: "T-002"),
            status: .present, source: .rollcall)
        let counted = try store.rosters.rosterPage(RosterQuery(courseID: course.id!), offset: 0, limit: 10)
            .first { $0.person.code == "T-002" }
        #expect(counted?.attended == 1 && counted?.marked == 2)

        try DatabaseQueue(path: store.path).write { db in try db.execute(sql: "DROP TRIGGER test_refuse") }
        let report = try importRoster(store, upkeep: .setWise)
        #expect(report.applied && report.newPeople.count == 600)
    }

    /// The rebuild replaces exactly these triggers' work. A new trigger on `enrolment` or
    /// `roster_index` (which the rebuild rewrites) must be added here (and to `DerivedRoster`) or
    /// left running, knowingly: this test says which.
    @Test func theEnrolmentTriggersAreTheOnesTheRebuildKnows() throws {
        let dir = TemporaryDirectory("triggers")
        let store = try importStore(dir, courses: ["mini-2024"])
        let names = try DatabaseQueue(path: store.path).read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('enrolment', 'roster_index') ORDER BY name
                    """)
        }
        // Left running: the deletes, sync's notes of touched rows (a bulk import is recorded like
        // any write), and `completed` kept on updates of the counts, which the rebuild never
        // makes: it inserts its rows with `completed` written.
        let running = [
            "enrolment_index_delete", "enrolment_tally_delete", "enrolment_count_delete", "sync_dirty_enrolment_ins",
            "sync_dirty_enrolment_upd",
            "sync_dirty_enrolment_del", "roster_completed_counts",
        ]
        #expect(Set(names) == Set(DerivedRoster.enrolmentTriggers + running))
    }

    @Test func automaticGoesSetWiseForImportsAsBigAsTheCourse() {
        #expect(!DerivedUpkeep.automatic.setWise(changes: 499, existing: 0))
        #expect(DerivedUpkeep.automatic.setWise(changes: 500, existing: 30))
        #expect(DerivedUpkeep.automatic.setWise(changes: 100_000, existing: 100_000))
        #expect(!DerivedUpkeep.automatic.setWise(changes: 5_000, existing: 100_000))
        #expect(!DerivedUpkeep.perRow.setWise(changes: 100_000, existing: 0))
        #expect(DerivedUpkeep.setWise.setWise(changes: 1, existing: 100_000))
        #expect(!DerivedUpkeep.setWise.setWise(changes: 0, existing: 0))
    }
}
