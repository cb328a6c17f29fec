import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// `enrolment_count` (v21), which the course list, the roll call and the roster's unfiltered
/// totals read instead of counting entries, is what counting the enrolments gives after any
/// mix of roster changes, their undos, and a bulk import.
@Suite struct EnrolmentCountTests {
    static func counted(_ store: CourseStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM enrolment_count WHERE n <> 0 ORDER BY course_id, status, role").map(\.description)
        }
    }

    static func recounted(_ store: CourseStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT course_id, status, role, count(*) AS n FROM enrolment
                    GROUP BY course_id, status, role ORDER BY course_id, status, role
                    """
            ).map(\.description)
        }
    }

    static func rosterCounted(_ store: CourseStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in try rosterCounted(db) }
    }

    /// `roster_count`'s rows, less those whose count fell to zero.
    static func rosterCounted(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM roster_count WHERE n <> 0
                ORDER BY course_id, status, role, sex, country, agency_id, quota_agency
                """
        ).map(\.description)
    }

    /// What `roster_count` should hold, counted from the enrolments and their people.
    static func rosterRecounted(_ store: CourseStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.course_id, e.status, e.role, p.sex, p.country, coalesce(p.agency_id, 0) AS agency_id,
                           coalesce(p.agency_id, e.nominated_by, 0) AS quota_agency, count(*) AS n
                    FROM enrolment e JOIN person p ON p.id = e.person_id
                    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
                    """
            ).map(\.description)
        }
    }

    @Test(.seeded) func countsFollowEnrolmentsTheirChangesAndUndos() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        var random = SeededRandom()
        try RosterCountTests.randomEdits(store, courseID: course.id!, steps: 120, random: &random) { step, replay in
            let counted = try Self.counted(store), recounted = try Self.recounted(store)
            #expect(counted == recounted, "step \(step), \(replay)")
        }
        #expect(try Self.counted(store) == Self.recounted(store), random.replay)
        // The roster's totals read from the counts agree with counting its rows.
        let rows = try store.rosters.roster(courseID: course.id!)
        let expected = rows.filter {
            [.nominated, .confirmed, .walkIn].contains($0.enrolment.status) && [.participant, .observer].contains($0.enrolment.role)
        }
        #expect(try store.rosters.rosterCount(RosterQuery(courseID: course.id!)) == rows.count, random.replay)
        #expect(
            try store.rosters.rosterCount(RosterQuery(courseID: course.id!, filter: RosterFilter(rollCallOnly: true))) == expected.count,
            random.replay)
        for status in NominationStatus.allCases {
            let query = RosterQuery(courseID: course.id!, filter: RosterFilter(status: status, rollCallOnly: true))
            #expect(try store.rosters.rosterCount(query) == expected.filter { $0.enrolment.status == status }.count, random.replay)
        }
        let session = try store.courses.sessions(courseID: course.id!)[0]
        #expect(try store.attendance.rollCallCounts(courseID: course.id!, sessionID: session.id!).expected == expected.count)
    }
}
