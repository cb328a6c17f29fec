import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// "Mark everyone present" is one batch: written in one transaction, logged as one change, and
/// undone whole by one undo (issue 13, item 7).
@Suite struct AttendanceBatchTests {
    struct Setup {
        let store: CourseStore
        let session: Session
        func person(_ code: String) throws -> Person { try store.people.person(code: code) }
        func mark(_ code: String) throws -> AttendanceStatus? {
            try store.attendance.marks(sessionID: session.id!)[person(code).id!]?.status
        }
    }

    func setup(_ dir: TemporaryDirectory) throws -> Setup {
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        return Setup(store: store, session: try store.courses.session(course: course, key: "am"))
    }

    @Test func undoingABatchCancelsEveryMarkOfItAndNothingElse() throws {
        let dir = TemporaryDirectory()
        let s = try setup(dir)
        try s.store.attendance.mark(session: s.session, person: s.person("T-001"), status: .absent, source: .rollcall)
        let batch = try s.store.attendance.markBatch(
            session: s.session, people: [s.person("T-002"), s.person("T-003")], status: .present, source: .rollcall)
        #expect(batch.outcomes.map(\.status) == [.present, .present])
        #expect(try s.mark("T-002") == .present && s.mark("T-003") == .present)

        let undone = try s.store.attendance.undoBatch(changeID: batch.changeID)
        #expect(undone.count == 2)
        #expect(undone.allSatisfy { $0.current == nil && $0.event.undoes != nil })
        #expect(try s.mark("T-002") == nil && s.mark("T-003") == nil)
        #expect(try s.mark("T-001") == .absent)  // the single mark before the batch stays
        #expect(try s.store.attendance.eventCount() == 5)  // 1 mark, 2 batch marks, 2 undo events

        let log = try s.store.changeLog.changes(courseID: s.session.courseID).prefix(2)  // newest first
        #expect(log.map(\.action) == ["undo", "mark"])
        #expect(log.last?.summary == "marked 2 people present in am Morning")
        #expect(throws: MusterError.refused(.changeAlreadyUndone)) { try s.store.attendance.undoBatch(changeID: batch.changeID) }
    }

    @Test func aBatchUndoKeepsALaterCorrection() throws {
        let dir = TemporaryDirectory()
        let s = try setup(dir)
        let batch = try s.store.attendance.markBatch(
            session: s.session, people: [s.person("T-001"), s.person("T-002")], status: .present, source: .rollcall)
        try s.store.attendance.mark(session: s.session, person: s.person("T-001"), status: .late, source: .rollcall)
        try s.store.attendance.undoBatch(changeID: batch.changeID)
        #expect(try s.mark("T-001") == .late)
        #expect(try s.mark("T-002") == nil)
    }

    @Test func aBatchWithSomeoneNotEnrolledWritesNothing() throws {
        let dir = TemporaryDirectory()
        let s = try setup(dir)
        let changes = try s.store.changeLog.changes(courseID: s.session.courseID).count
        var stranger = try s.person("T-001")
        stranger.id = 987_654
        stranger.code = "Z-999"
        #expect(throws: MusterError.self) {
            try s.store.attendance.markBatch(
                session: s.session, people: [s.person("T-002"), stranger], status: .present, source: .rollcall)
        }
        #expect(try s.store.attendance.eventCount() == 0)
        #expect(try s.store.changeLog.changes(courseID: s.session.courseID).count == changes)
    }
}
