import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

@testable import CourseKit

/// The writer folds its WAL back between a facilitator's keys, never inside a mark.
@Suite struct IdleCheckpointTests {
    @Test func onlyAfterAWriteAndAPollWithoutOne() {
        let idle = IdleCheckpoint()
        #expect(!idle.shouldCheckpoint(changes: 5))  // writes since the last look: busy
        #expect(idle.shouldCheckpoint(changes: 5))  // still: idle, and unsaved work
        #expect(!idle.shouldCheckpoint(changes: 5))  // nothing new since that checkpoint
        #expect(!idle.shouldCheckpoint(changes: 6))
        #expect(!idle.shouldCheckpoint(changes: 7))  // a burst: never in the middle of it
        #expect(idle.shouldCheckpoint(changes: 7))
    }

    /// Through the store: after a mark, the first look finds the writer busy, the second
    /// idle, and that one folds every WAL frame back into the library.
    @Test func aMarkIsCheckpointedOnTheSecondIdleLook() throws {
        let dir = TemporaryDirectory("idle-checkpoint")
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        let person = try #require(try store.rosters.roster(courseID: course.id!).first { $0.person.code == "T-001" }?.person)
        try store.checkpointIfIdle()
        try store.checkpointIfIdle()
        try store.attendance.mark(session: session, person: person, status: .present, source: .rollcall)
        #expect(try store.checkpointIfIdle() == nil)
        let done = try #require(try store.checkpointIfIdle())
        #expect(done.frames > 0 && done.checkpointed == done.frames)
        #expect(try store.checkpointIfIdle() == nil)  // nothing written since
    }

    /// A burst of marks with no pause is not checkpointed by SQLite every 1,000 WAL pages (a
    /// 10 ms stall in every 35th mark): the writer's bound is `walPagesBeforeCheckpoint`, and
    /// the whole burst waits for the first idle look.
    @Test func aBurstOfMarksWaitsForThePause() throws {
        let dir = TemporaryDirectory("burst-checkpoint")
        let store = try makeStore(dir)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 1000)  // a reader's: SQLite's
        #expect(
            try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
                == CourseStore.walPagesBeforeCheckpoint)
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        let person = try #require(try store.rosters.roster(courseID: course.id!).first { $0.person.code == "T-001" }?.person)
        try store.checkpointIfIdle()
        try store.checkpointIfIdle()
        for i in 0..<120 {
            try store.attendance.mark(session: session, person: person, status: i % 2 == 0 ? .present : .absent, source: .rollcall)
        }
        #expect(try store.checkpointIfIdle() == nil)
        let done = try #require(try store.checkpointIfIdle())
        #expect(done.frames > 1000, "\(done.frames) WAL frames: SQLite checkpointed inside the burst")
        #expect(done.checkpointed == done.frames)
    }
}
