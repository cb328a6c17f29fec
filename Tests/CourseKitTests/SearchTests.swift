import CourseKit
import Foundation
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
        #expect(try store.search(query).map(\.code) == codes)
    }

    @Test func searchUsesTheTokenIndex() throws {
        let store = try makeStore(dir)
        let plan = try store.searchPlan("nunez").joined(separator: " ")
        #expect(plan.contains("USING") && (plan.contains("INDEX") || plan.contains("PRIMARY KEY")))
        #expect(!plan.contains("SCAN"))
    }

    @Test func searchCanBeLimitedToACourse() throws {
        let store = try makeStore(dir)
        let course = try store.course(code: "mini-2024")
        #expect(try store.search("ana", courseID: course.id!).map(\.code) == ["T-005"])
        #expect(try store.search("ana", courseID: 424242).isEmpty)
    }
}
