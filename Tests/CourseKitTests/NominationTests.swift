import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Quotas, nomination status changes, substitutions and walk-in merges: each one logged in the
/// change log, and each one undone by replaying it.
@Suite struct NominationTests {
    func rcm(_ dir: TemporaryDirectory, clock: TestClock = TestClock()) throws -> (CourseStore, Course) {
        let store = try CourseStore(path: dir.file("lib.sqlite"), actor: "coordinator", clock: clock.function)
        try store.courses.importCourse(CourseFileCodec.read(path: Fixtures.coursesDirectory + "/rcm-migration-policies-2020.yaml"))
        return (store, try store.courses.course(code: "rcm-migration-policies-2020"))
    }

    func line(_ store: CourseStore, _ course: Course, _ country: String) throws -> QuotaLine {
        try #require(try store.nominations.quotaLines(courseID: course.id!).first { $0.scope == .country && $0.key == country })
    }

    @Test func quotaLinesCountConfirmedParticipantsAgainstTheQuota() throws {
        let dir = TemporaryDirectory()
        let (store, course) = try rcm(dir)
        let lines = try store.nominations.quotaLines(courseID: course.id!)
        #expect(lines.first?.label == "Belize")
        let gt = try line(store, course, "GT")
        // Places are taken by nominated and confirmed participants alike (QuotaCount).
        #expect(gt.text() == "Guatemala 4/5")
        #expect(gt.pendingText == "3 confirmed · 1 nominated · 1 declined")
        let hn = try line(store, course, "HN")
        #expect(hn.limit == 5)
        // Agencies follow their country, indented by the screen.
        let index = try #require(lines.firstIndex(of: gt))
        #expect(lines[index + 1].scope == .agency && lines[index + 1].country == "GT")
    }

    @Test func confirmingAndSubstitutingChangeTheQuotaAndAreLogged() throws {
        let dir = TemporaryDirectory()
        let (store, course) = try rcm(dir)
        let byron = try store.people.person(code: "GT-004"), fernanda = try store.people.person(code: "GT-005")
        let confirm = try store.nominations.setNominationStatus(courseID: course.id!, personID: byron.id!, to: .confirmed)
        #expect(confirm.summary == "GT-004 Byron Coyoy Ajú: nominated → confirmed")
        #expect(try line(store, course, "GT").text() == "Guatemala 4/5")
        #expect(try line(store, course, "GT").pendingText == "4 confirmed · 1 declined")
        #expect(confirm.beforeJSON.contains("\"status\":\"nominated\"") && confirm.afterJSON.contains("\"status\":\"confirmed\""))

        // Fernanda declined; a confirmed nominee is replaced by her.
        let first = try store.people.person(code: "GT-001")
        let sub = try store.nominations.substitute(courseID: course.id!, personID: first.id!, by: fernanda.id!)
        #expect(sub.action == "substitute")
        #expect(try line(store, course, "GT").text() == "Guatemala 4/5")
        #expect(try line(store, course, "GT").pendingText == "3 confirmed · 1 nominated · 1 substituted")
        let roster = try store.rosters.roster(courseID: course.id!)
        #expect(roster.first { $0.person.code == "GT-001" }?.enrolment.substitutedBy == fernanda.id)
        // Who replaced whom, on both people's histories.
        let replaced = try store.people.personDetails(id: first.id!).history.first { $0.course.id == course.id }
        #expect(replaced?.statusText == "substituted by GT-005 \(fernanda.displayName)")
        let substitute = try store.people.personDetails(id: fernanda.id!).history.first { $0.course.id == course.id }
        #expect(substitute?.statusText == "nominated, substitute for GT-001 \(first.displayName)")
        #expect(roster.first { $0.person.code == "GT-005" }?.enrolment.status == .nominated)
        #expect(throws: MusterError.self) { try store.nominations.substitute(courseID: course.id!, personID: byron.id!, by: fernanda.id!) }

        // Undo replays the log: the substitution first, then the confirmation.
        try store.changeLog.undoChange(id: sub.id)
        #expect(try line(store, course, "GT").pendingText == "4 confirmed · 1 declined")
        #expect(try store.rosters.roster(courseID: course.id!).first { $0.person.code == "GT-005" }?.enrolment.status == .declined)
        #expect(throws: MusterError.self) { try store.changeLog.undoChange(id: sub.id) }
        try store.changeLog.undoChange(id: confirm.id)
        #expect(try line(store, course, "GT").pendingText == "3 confirmed · 1 nominated · 1 declined")
        // The seed's import entries come first in the log (source import); these are the screens'.
        let log = try store.changeLog.changes(courseID: course.id!).filter { $0.source == ChangeSource.coordinator }
        #expect(log.map(\.action) == ["undo", "undo", "substitute", "status"])
        #expect(log.first?.undoes == confirm.id)
    }

    @Test func anUndoIsRefusedWhenTheRowsChangedSince() throws {
        let dir = TemporaryDirectory()
        let (store, course) = try rcm(dir)
        let byron = try store.people.person(code: "GT-004")
        let confirm = try store.nominations.setNominationStatus(courseID: course.id!, personID: byron.id!, to: .confirmed)
        try store.nominations.setNominationStatus(courseID: course.id!, personID: byron.id!, to: .withdrawn)
        #expect(throws: MusterError.self) { try store.changeLog.undoChange(id: confirm.id) }
    }

    @Test func theChangeLogIsAppendOnly() throws {
        let dir = TemporaryDirectory()
        let (store, course) = try rcm(dir)
        try store.nominations.setNominationStatus(
            courseID: course.id!, personID: try store.people.person(code: "GT-004").id!, to: .confirmed)
        let db = try DatabaseQueue(path: store.path)
        // Who, device, when, what kind and which rows can never be rewritten; only the text and the
        // row images may be, which erasure does to take a person's name out (ErasureScanTests).
        for column in [
            "actor = 'x'", "device = 'x'", "recorded_ms = 0", "action = 'x'", "entity_id = 0", "course_id = 0",
            "source = 'x'", "undoes = 1",
        ] {
            #expect(throws: (any Error).self, "\(column)") { try db.write { try $0.execute(sql: "UPDATE change_log SET \(column)") } }
        }
        #expect(throws: (any Error).self) { try db.write { try $0.execute(sql: "DELETE FROM change_log") } }
    }

    /// A walk-in checked in at the kiosk turns out to be someone in the library: merging moves
    /// the roster place and the check-in to them; undo brings the walk-in back and cancels the copy.
    @Test func mergingAWalkInMovesTheirMarksAndUndoes() throws {
        let dir = TemporaryDirectory()
        let clock = TestClock()
        let (store, course) = try rcm(dir, clock: clock)
        let (walkIn, _) = try store.people.savePerson(
            Person(code: "W-001", givenName: "Byron", familyName: "Coyoy", country: "GT"),
            enrolIn: course.id!, status: .walkIn)
        let session = try store.courses.session(course: course, key: "vs1")
        try store.attendance.mark(session: session, person: walkIn, status: .present, source: .kiosk)
        clock.advance(seconds: 5)
        let target = try store.people.person(code: "GT-004")
        let merge = try store.nominations.mergeWalkIn(courseID: course.id!, walkInID: walkIn.id!, into: target.id!)
        #expect(merge.summary.contains("merged into GT-004"))
        #expect(try store.attendance.marks(sessionID: session.id!)[target.id!]?.status == .present)
        var roster = try store.rosters.roster(courseID: course.id!)
        #expect(!roster.contains { $0.person.code == "W-001" })
        #expect(roster.first { $0.person.code == "GT-004" }?.enrolment.status == .confirmed)
        #expect(try store.people.personDetails(id: walkIn.id!).mergedInto?.code == "GT-004")

        try store.changeLog.undoChange(id: merge.id)
        roster = try store.rosters.roster(courseID: course.id!)
        #expect(roster.first { $0.person.code == "W-001" }?.enrolment.status == .walkIn)
        #expect(roster.first { $0.person.code == "GT-004" }?.enrolment.status == .nominated)
        #expect(try store.attendance.marks(sessionID: session.id!)[target.id!] == nil)
        #expect(try store.attendance.marks(sessionID: session.id!)[walkIn.id!]?.status == .present)
        #expect(try store.people.personDetails(id: walkIn.id!).mergedInto == nil)
    }
}
