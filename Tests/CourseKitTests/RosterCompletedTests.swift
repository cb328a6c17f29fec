import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// `roster_index.completed`, which the covering indexes hold for the completion filter (v29),
/// says what `Completion.evaluate` says of the row's counts, whatever moved them: marks and
/// undos, sessions added, removed and made core or not, the course's rule changed.
@Suite struct RosterCompletedTests {
    @Test(.seeded) func completedFollowsTheRuleWhateverChanges() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        var course = try store.courses.course(code: "mini-2024")
        let people = try store.rosters.roster(courseID: course.id!).map(\.person)
        var random = SeededRandom()
        var added = 0
        var checked = 0
        for step in 0..<240 {
            var sessions = try store.courses.sessions(courseID: course.id!)
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<11 where !sessions.isEmpty:
                try store.attendance.mark(
                    session: sessions.randomElement(using: &random)!, person: people.randomElement(using: &random)!,
                    status: AttendanceStatus.allCases.randomElement(using: &random)!, source: .rollcall)
            case 11 where !sessions.isEmpty:
                _ = try? store.attendance.undo(
                    session: sessions.randomElement(using: &random)!, person: people.randomElement(using: &random)!, source: .rollcall)
            case 12, 13:
                added += 1
                let start = Date(timeIntervalSince1970: 1_715_040_000 + Double(added) * 7200)
                _ = try store.courses.saveSession(
                    Session(
                        courseID: course.id!, key: "s\(added)", title: "Session \(added)", start: start,
                        end: start.addingTimeInterval(3600), core: Bool.random(using: &random)))
            case 14:
                // Only a session nobody was marked in can go (the log is append-only).
                if let session = sessions.randomElement(using: &random) { _ = try? store.courses.deleteSession(id: session.id!) }
            case 15,
                16 where !sessions.isEmpty:
                let i = Int.random(in: 0..<sessions.count, using: &random)
                sessions[i].core.toggle()
                _ = try store.courses.saveSession(sessions[i])
            default:
                course.completion = CompletionRule(
                    minimumShare: [0, 0.25, 1.0 / 3, 0.5, 0.8, 1].randomElement(using: &random)!,
                    requireCore: Bool.random(using: &random))
                course = try store.courses.saveCourse(course).0
            }
            if step % 4 == 0 { checked += try Self.check(store, courseID: course.id!, random.replayText) }
        }
        checked += try Self.check(store, courseID: course.id!, random.replayText)
        #expect(checked > 100)
    }

    /// Every roster row's `completed` against `Completion.evaluate`, and the completion filter's
    /// count against the rows that completed. Returns the rows checked.
    static func check(_ store: CourseStore, courseID: Int64, _ replay: String) throws -> Int {
        let facts = try store.rosters.rosterFacts(courseID: courseID)
        let rows = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(
                db, sql: "SELECT attended, core_attended, completed FROM roster_index WHERE course_id = ?", arguments: [courseID])
        }
        var done = 0
        for row in rows {
            let expected = Completion.evaluate(
                rule: facts.rule, sessionCount: facts.sessionCount, attended: row["attended"],
                coreSessions: facts.coreCount, coreAttended: row["core_attended"])
            #expect((row["completed"] as Bool) == expected, "\(row), \(facts), \(replay)")
            if expected { done += 1 }
        }
        var query = RosterQuery(courseID: courseID)
        query.filter.completed = true
        #expect(try store.rosters.rosterPage(query, offset: 0, limit: 1000).count == done, "\(replay)")
        return rows.count
    }
}
