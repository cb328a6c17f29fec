import CourseKit
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
}
