@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// A roster import plans before it takes the write lock, so other processes' marks do not wait
/// for the matching; these tests hold it to re-planning whenever someone committed meanwhile.
@Suite struct ImportLockTests {
    let dir = TemporaryDirectory("import-lock")

    /// Counts the plans made and, the first time, lets `meanwhile` commit from another connection
    /// between the plan and the write.
    func run(meanwhile: (() throws -> Void)?) throws -> (plans: Int, seenInWrite: Int) {
        let path = dir.file("lib.sqlite")
        let store = try CourseStore(path: path, actor: "tester", clock: TestClock().function)
        var plans = 0
        func people(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0 }
        let seen = try store.rosterImporter.planThenWrite(
            { db -> Int in
                plans += 1
                if plans == 1, let meanwhile { try meanwhile() }
                return try people(db)
            },
            { db, planned -> Int in
                let now = try people(db)
                #expect(planned == now, "the plan the write uses must describe the library it writes to")
                return planned
            })
        return (plans, seen)
    }

    @Test func anUndisturbedPlanIsUsedAsMade() throws {
        let (plans, seen) = try run(meanwhile: nil)
        #expect(plans == 1)
        #expect(seen == 0)
    }

    @Test func aCommitFromAnotherConnectionMeanwhileMeansPlanningAgain() throws {
        _ = try CourseStore(path: dir.file("lib.sqlite"), actor: "tester", clock: TestClock().function)  // migrated
        // A second writing connection without the writer lock: this test is about SQLite's own view
        // of another connection's commit, which Muster's processes no longer make (one writer per file).
        let other = try CourseStore(
            path: dir.file("lib.sqlite"), actor: "other", clock: TestClock().function, access: .unlockedWriter)
        let (plans, seen) = try run {
            _ = try other.people.savePerson(Person(code: "X-1", givenName: "Ana", familyName: "Ruiz"))
        }
        #expect(plans == 2)
        #expect(seen == 1)
    }
}
