@testable import CourseKit
import Foundation
import MusterDev
import Testing
import TestSupport

/// Pages read by seeking to a person (what the browser does after a new order or filter) are
/// exactly the pages `OFFSET` reads, in every order, both directions, filtered or not.
@Suite struct RosterSeekTests {
    @Test func seekingToAPersonReadsTheSameRowsAsOffset() throws {
        let dir = TemporaryDirectory("seek")
        let store = try CourseStore(path: dir.file("t.sqlite"), actor: "tester", clock: TestClock().function)
        try SyntheticData(store: store).generateCourse(SyntheticCourseSpec(code: "syn", people: 450, sessions: 3, seed: 11))
        let course = try store.courses.course(code: "syn")
        var checked = 0
        for filter in [RosterFilter(), RosterFilter(sex: .female), RosterFilter(status: .confirmed)] {
            for column in RosterSortColumn.allCases {
                for descending in [false, true] {
                    let query = RosterQuery(courseID: course.id!, order: RosterOrder(column, descending: descending), filter: filter)
                    let everyone = try store.rosters.rosterPage(query, offset: 0, limit: 1_000)
                    for position in [0, 1, everyone.count / 3, everyone.count / 2, everyone.count - 1] where position >= 0 {
                        let person = everyone[position].person.id!
                        #expect(try store.rosters.rosterPosition(query, personID: person) == position)
                        for range in [
                            max(0, position - 20)..<min(everyone.count, position + 20),
                            (position / 100) * 100..<min(everyone.count, (position / 100 + 2) * 100),
                        ] {
                            let seek = try #require(try store.rosters.rosterPage(query, around: person, at: position, range: range))
                            #expect(
                                seek.map(\.person.id) == everyone[range].map(\.person.id),
                                "\(column) \(descending ? "desc" : "asc") \(filter) at \(position) \(range)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 200)
        // A person the filter hides has no place to seek to.
        let women = RosterQuery(courseID: course.id!, filter: RosterFilter(sex: .female))
        let man = try #require(
            try store.rosters.rosterPage(
                RosterQuery(courseID: course.id!, filter: RosterFilter(sex: .male)),
                offset: 0, limit: 1
            ).first)
        #expect(try store.rosters.rosterPage(women, around: man.person.id!, at: 0, range: 0..<10) == nil)
    }
}
