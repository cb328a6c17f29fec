import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// Issue 21, item 4: with another process reading, an erasure said "database is locked" after
/// 5 s though it had committed. Now it says what happened, and the file scrub finishes when the
/// reader lets go.
@Suite struct ErasureScrubDueTests {
    let dir = TemporaryDirectory("erasure-scrub-due")

    @Test func aReaderDelaysTheScrubNotTheErasure() throws {
        let store = try makeStore(dir)
        try store.attendance.mark(
            session: store.courses.session(course: store.courses.course(code: "mini-2024"), key: "am"),
            person: store.people.person(code: "T-001"), status: .excused, source: .rollcall, note: "José Núñez at the ministry")
        var readonly = Configuration()
        readonly.readonly = true
        let reader = try DatabaseQueue(path: store.path, configuration: readonly)
        let started = Date()
        let summary = try reader.read { db in
            // Another process in the middle of reading, as a coordinator's screen would be.
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM person")
            return try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        }
        #expect(Date().timeIntervalSince(started) < 2, "the erasure waited for the reader")
        #expect(summary.people == 1 && !summary.filesScrubbed)
        #expect(try store.privacy.scrubDueSince() != nil)
        #expect(try store.people.search("nunez").isEmpty)  // committed

        try reader.close()
        #expect(try store.privacy.finishDueScrub())
        #expect(try store.privacy.scrubDueSince() == nil)
        for path in [store.path, store.path + "-wal"] {
            guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: path)) else { continue }
            for secret in ["Núñez", "ministry"] { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) in \(path)") }
        }
    }

    @Test func withNoReaderTheScrubIsDoneAtOnce() throws {
        let store = try makeStore(dir)
        let summary = try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        #expect(summary.filesScrubbed)
        #expect(try store.privacy.scrubDueSince() == nil)
    }

    /// The next writer to open the library finishes a scrub left due.
    @Test func theNextOpeningFinishesIt() throws {
        var readonly = Configuration()
        readonly.readonly = true
        do {
            let store = try makeStore(dir)
            let reader = try DatabaseQueue(path: store.path, configuration: readonly)
            let summary = try reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM person")
                return try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
            }
            #expect(!summary.filesScrubbed)
            try reader.close()
        }
        let reopened = try makeStore(dir)
        #expect(try reopened.privacy.scrubDueSince() == nil)
    }
}
