@testable import CourseKit
import Foundation
import GRDB
import MusterDev
import Testing
import TestSupport

@Suite struct SearchTests {
    let dir = TemporaryDirectory()

    @Test(arguments: [
        ("nunez jose", ["T-001"]),
        ("jose nun", ["T-001"]),
        ("JOSÉ", ["T-001"]),
        ("Jose\u{301}", ["T-001"]),
        ("ngu", ["T-003"]),
        ("van a", ["T-003"]),
        ("李", ["T-002"]),
        // Typed without a space, as Han names are: the family name word, then the given name's start.
        ("李小龍", ["T-002"]),
        ("李小", ["T-002"]),
        ("小龍", ["T-002"]),
        ("小龍李", ["T-002"]),  // either order, as "jose nun"
        ("李龍", []),  // "龍" starts no word
        ("o'neil", ["T-004"]),
        ("oneil smith", ["T-004"]),
        ("t-005", ["T-005"]),
        ("zzz", []),
        ("", []),
        ("\" OR 1=1 --", []),
        ("NEAR(a b) %_*", []),
    ])
    func findsByFragmentsInAnyOrder(query: String, codes: [String]) throws {
        let store = try makeStore(dir)
        #expect(try store.people.search(query).map(\.code) == codes)
    }

    @Test func searchUsesTheTokenIndex() throws {
        let store = try makeStore(dir)
        let plan = try store.people.searchPlan("nunez").joined(separator: " ")
        #expect(plan.contains("USING") && (plan.contains("INDEX") || plan.contains("PRIMARY KEY")))
        #expect(!plan.contains("SCAN"))
    }

    @Test func searchCanBeLimitedToACourse() throws {
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        #expect(try store.people.search("ana", courseID: course.id!).map(\.code) == ["T-005"])
        #expect(try store.people.search("ana", courseID: 424242).isEmpty)
    }

    /// Both plans (sort the matches, or walk the sort index to the limit) must give what a plain
    /// filter-and-sort of every person gives: same people, same order (sort key bytes, then id),
    /// cut at the limit, codes included.
    @Test func bothPlansReturnTheFirstMatchesInDisplayOrder() throws {
        let store = try makeStore(dir)
        try SyntheticData(store: store).generateCourse(
            SyntheticCourseSpec(code: "syn", people: 1_200, sessions: 1, markedShare: 0, seed: 5))
        let everyone = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: "SELECT id, code, given_name, family_name, sort_key FROM person").map { row in
                (
                    id: row["id"] as Int64, code: row["code"] as String, givenName: row["given_name"] as String,
                    familyName: row["family_name"] as String, sortKey: row["sort_key"] as String
                )
            }
        }
        for query in ["a", "n", "ng", "li", "mu", "t", "李", "SYN-000007", "syn-000007", "Syn-000007", "syn-00000", "ana", "zzz"] {
            let fragments = NameFolding.tokens(query)
            let expected = everyone.filter { p in
                let tokens = NameFolding.tokens("\(p.givenName) \(p.familyName)")
                return fragments.allSatisfy { f in tokens.contains { $0.hasPrefix(f) } }
                    || p.code.lowercased() == NameSanitizer.clean(query).lowercased()
            }.sorted { a, b in
                a.sortKey == b.sortKey ? a.id < b.id : Array(a.sortKey.utf8).lexicographicallyPrecedes(Array(b.sortKey.utf8))
            }.prefix(40).map(\.id)
            #expect(!expected.isEmpty || ["zzz", "李", "syn-00000"].contains(query), "\(query) finds nobody: the check proves nothing")
            for plan in [0, Int.max] {
                #expect(try store.people.search(query, limit: 40, sortMatchesUpTo: plan).map(\.id) == expected, "\(query) plan \(plan)")
            }
        }
    }

    /// Within a course (the kiosk's search), both plans find the course's people alone, with
    /// the statuses asked for, in display order: the same rows as filtering the library's matches.
    @Test func bothPlansInACourseFindItsPeopleWithTheirStatuses() throws {
        let store = try makeStore(dir)
        try SyntheticData(store: store).generateCourse(
            SyntheticCourseSpec(code: "syn", people: 1_200, sessions: 1, markedShare: 0, seed: 6))
        let course = try store.courses.course(code: "syn")
        // A third of the people leave the course; some of the rest are not expected in the room.
        try store.write { db in
            try db.execute(sql: "DELETE FROM enrolment WHERE id % 3 = 0")
            try db.execute(sql: "UPDATE enrolment SET status = 'withdrawn' WHERE id % 5 = 0")
        }
        let statuses = try DatabaseQueue(path: store.path).read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db, sql: "SELECT person_id, status FROM enrolment WHERE course_id = ?", arguments: [course.id!]
                )
                .map { ($0["person_id"] as Int64, $0["status"] as String) })
        }
        let expectedStatuses = NominationStatus.allCases.filter(\.isExpected).map(\.rawValue)
        var checked = 0
        for query in ["a", "n", "ng", "li", "mu", "t", "李", "ana", "SYN-000007", "zzz"] {
            let everywhere = try store.people.search(query, limit: 5_000)
            let inCourse = everywhere.filter { statuses[$0.id!] != nil }.prefix(40).map(\.id)
            let expected = everywhere.filter { statuses[$0.id!].map(expectedStatuses.contains) ?? false }.prefix(40).map(\.id)
            for plan in [0, Int.max] {
                #expect(
                    try store.people.search(query, courseID: course.id!, limit: 40, sortMatchesUpTo: plan).map(\.id) == inCourse,
                    "\(query) plan \(plan)")
                let found = try store.read { db in
                    try People.search(db, query: query, courseID: course.id!, statuses: expectedStatuses, limit: 40, sortMatchesUpTo: plan)
                }
                #expect(found.map(\.id) == expected, "\(query) plan \(plan), expected statuses")
                checked += expected.count
            }
        }
        #expect(checked > 100)
    }
}
