@testable import CourseKit
import Foundation
import MusterDev
import Testing
import TestSupport

/// The roll call reads its rows page by page from the roster index, filtered by the current
/// mark in its session, and its counts from the session tallies. Both must say what the whole
/// event log says, whatever marks, undos and clears happened, and for a guest its own marks
/// the library has not absorbed yet.
@Suite struct RollCallPagesTests {
    /// Everyone the roll call expects, in its order, with their mark by `MarkRule` over the log.
    func oracle(_ store: CourseStore, courseID: Int64, sessionID: Int64) throws -> [(id: Int64, mark: AttendanceStatus?)] {
        let everyone = RosterQuery.rollCall(courseID: courseID, sessionID: sessionID, filter: .all)
        let marks = try store.attendance.marks(sessionID: sessionID)
        return try store.rosters.rosterPage(everyone, offset: 0, limit: Int.max).map { ($0.person.id!, marks[$0.person.id!]?.status) }
    }

    @Test(.seeded) func everyFilterShowsAndCountsWhatTheLogSays() throws {
        var rng = SeededRandom()
        let dir = TemporaryDirectory("rollcall-pages")
        let store = try CourseStore(path: dir.file("t.sqlite"), actor: "tester", clock: TestClock().function)
        try SyntheticData(store: store).generateCourse(
            SyntheticCourseSpec(code: "syn", people: 240, sessions: 2, markedShare: 0.5, seed: rng.next()))
        let course = try store.courses.course(code: "syn")
        let session = try store.courses.sessions(courseID: course.id!)[0]
        let expected = try store.rosters.rosterPage(
            RosterQuery.rollCall(courseID: course.id!, sessionID: session.id!, filter: .all), offset: 0, limit: Int.max)
        // Marks, corrections, clears and undos over a quarter of the people.
        for entry in expected.shuffled(using: &rng).prefix(60) {
            let status = [AttendanceStatus.present, .absent, .late, .excused, .cleared].randomElement(using: &rng)!
            let outcome = try store.attendance.mark(session: session, person: entry.person, status: status, source: .rollcall)
            if Bool.random(using: &rng) { try store.attendance.undo(eventID: outcome.event.id, source: .rollcall) }
        }
        let truth = try oracle(store, courseID: course.id!, sessionID: session.id!)
        let counts = try store.attendance.rollCallCounts(courseID: course.id!, sessionID: session.id!)
        #expect(counts.expected == truth.count, rng.replay)
        for filter in MarkFilter.allCases {
            let query = RosterQuery.rollCall(courseID: course.id!, sessionID: session.id!, filter: filter)
            let shown = truth.filter { filter.admits($0.mark) }.map(\.id)
            #expect(counts.rows(filter) == shown.count, "\(filter) \(rng.replayText)")
            #expect(try store.rosters.rosterCount(query) == shown.count, "\(filter) \(rng.replayText)")
            // Page by page, as the screen reads them: the same rows in the same order.
            var paged: [Int64] = []
            for offset in stride(from: 0, to: shown.count, by: 50) {
                paged += try store.rosters.rosterPage(query, offset: offset, limit: 50).map { $0.person.id! }
            }
            #expect(paged == shown, "\(filter) \(rng.replayText)")
            // Seeking to a person in the middle finds their place.
            if let middle = shown.indices.randomElement(using: &rng) {
                #expect(try store.rosters.rosterPosition(query, personID: shown[middle]) == middle, "\(filter) \(rng.replayText)")
            }
        }
    }

    @Test func aGuestSeesItsOwnMarksBeforeTheWriterAbsorbsThem() throws {
        let dir = TemporaryDirectory("rollcall-guest")
        let writer = try makeStore(dir)
        let guest = try CourseStore(path: writer.path, actor: "laptop 2")
        #expect(guest.isGuest)
        let course = try writer.courses.course(code: "mini-2024")
        let session = try writer.courses.session(course: course, key: "am")
        let jose = try writer.people.person(code: "T-001")
        let query = { (filter: MarkFilter) in RosterQuery.rollCall(courseID: course.id!, sessionID: session.id!, filter: filter) }
        let codes = { (store: CourseStore, filter: MarkFilter) in
            try store.rosters.rosterPage(query(filter), offset: 0, limit: 50).map(\.person.code)
        }
        // The writer marks José absent; the guest, on its own journal, then present.
        try writer.attendance.mark(session: session, person: jose, status: .absent, source: .rollcall)
        try guest.attendance.mark(session: session, person: jose, status: .present, source: .rollcall)

        #expect(try codes(guest, .present) == ["T-001"])
        #expect(try codes(guest, .absent).isEmpty)
        #expect(try !codes(guest, .unmarked).contains("T-001"))
        #expect(try guest.rosters.rosterCount(query(.present)) == 1)
        #expect(try guest.rosters.rosterFind("jos", in: query(.present), from: 0) == 0)
        let counts = try guest.attendance.rollCallCounts(courseID: course.id!, sessionID: session.id!)
        #expect(counts.marks == SessionMarkTotals(present: 1))
        #expect(counts.rows(.absent) == 0 && counts.rows(.unmarked) == counts.expected - 1)
        // The writer has not absorbed it yet: it still says absent.
        #expect(try codes(writer, .absent) == ["T-001"])
        #expect(try writer.attendance.rollCallCounts(courseID: course.id!, sessionID: session.id!).marks == SessionMarkTotals(absent: 1))

        // Cleared on the guest: unmarked there, whatever the library says.
        try guest.attendance.mark(session: session, person: jose, status: .cleared, source: .rollcall)
        #expect(try codes(guest, .unmarked).contains("T-001"))
        #expect(try codes(guest, .absent).isEmpty)
        #expect(try guest.attendance.rollCallCounts(courseID: course.id!, sessionID: session.id!).marks == SessionMarkTotals())
    }
}

extension RollCallPagesTests {
    /// A page in the second half is read backwards from the end when the total is known: the
    /// same rows, in every order and filter, as `OFFSET` from the start.
    @Test func aPageReadFromTheEndIsThePageReadFromTheStart() throws {
        let dir = TemporaryDirectory("page-from-end")
        let store = try CourseStore(path: dir.file("t.sqlite"), actor: "tester", clock: TestClock().function)
        try SyntheticData(store: store).generateCourse(SyntheticCourseSpec(code: "syn", people: 300, sessions: 2, seed: 5))
        let course = try store.courses.course(code: "syn")
        let session = try store.courses.sessions(courseID: course.id!)[0]
        var queries = [RosterQuery.rollCall(courseID: course.id!, sessionID: session.id!, filter: .present)]
        for column in RosterSortColumn.allCases {
            for descending in [false, true] {
                queries.append(RosterQuery(courseID: course.id!, order: RosterOrder(column, descending: descending)))
            }
        }
        for query in queries {
            let total = try store.rosters.rosterCount(query)
            #expect(total > 100)
            for (offset, limit) in [(total - 50, 50), (total - 7, 50), (total / 2 + 1, 30), (total - 1, 1)] {
                let plain = try store.rosters.rosterPage(query, offset: offset, limit: limit)
                #expect(
                    try store.rosters.rosterPage(query, offset: offset, limit: limit, total: total) == plain, "\(query.order) \(offset)")
            }
        }
    }
}
