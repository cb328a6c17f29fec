import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Opens a library on a temp file with the mini course loaded.
func makeStore(_ dir: TemporaryDirectory, clock: TestClock = TestClock(), name: String = "lib.sqlite") throws -> CourseStore {
    let store = try CourseStore(path: dir.file(name), actor: "tester", clock: clock.function)
    if try store.courses.isEmpty() {
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
    }
    return store
}

@Suite struct StoreTests {
    /// Without `USER` and `LOGNAME` (a service, `env -i`), marks are stamped with the account's
    /// login name, never "unknown".
    @Test func actorFallsBackToTheAccountName() throws {
        let login = try #require(getpwuid(getuid())?.pointee.pw_name.map { String(cString: $0) })
        #expect(CourseStore.defaultActor(environment: ["HOME": "/tmp", "PATH": "/bin"]) == login)
        #expect(CourseStore.defaultActor(environment: ["USER": "", "LOGNAME": ""]) == login)
        #expect(CourseStore.defaultActor(environment: ["USER": "ana"]) == "ana")
        #expect(CourseStore.defaultActor(environment: ["LOGNAME": "ben", "MUSTER_ACTOR": "kiosk-1"]) == "kiosk-1")
        #expect(login != "unknown")
    }

    @Test func opensWithFullSyncWALAndPrivateMode() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        #expect(try store.synchronousLevel() == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let journal = try DatabaseQueue(path: store.path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func deviceIDIsStableAcrossOpens() throws {
        let dir = TemporaryDirectory()
        let first = try makeStore(dir).deviceID
        let second = try makeStore(dir).deviceID
        #expect(first == second)
        #expect(UUID(uuidString: first) != nil)
    }

    @Test func markSurvivesClosingAndReopening() throws {
        let dir = TemporaryDirectory()
        do {
            let store = try makeStore(dir)
            let course = try store.courses.course(code: "mini-2024")
            let session = try store.courses.session(course: course, key: "am")
            try store.attendance.mark(session: session, person: store.people.person(code: "T-001"), status: .present, source: .rollcall)
        }
        let reopened = try makeStore(dir)
        let course = try reopened.courses.course(code: "mini-2024")
        let session = try reopened.courses.session(course: course, key: "am")
        let marks = try reopened.attendance.marks(sessionID: session.id!)
        let person = try reopened.people.person(code: "t-001")
        #expect(marks[person.id!]?.status == .present)
        #expect(marks[person.id!]?.device == reopened.deviceID)
        #expect(marks[person.id!]?.actor == "tester")
    }

    @Test func lateRecordsArrivalAndUndoAppends() throws {
        let dir = TemporaryDirectory()
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        let jose = try store.people.person(code: "T-001")
        try store.attendance.mark(session: session, person: jose, status: .present, source: .rollcall)
        clock.advance(seconds: 60)
        let late = try store.attendance.mark(session: session, person: jose, status: .late, source: .rollcall).event
        // 08:01, before the 09:00 session: not "now" but the moment lateness starts (09:15).
        #expect(late.arrival == session.start.addingTimeInterval(15 * 60))
        clock.advance(seconds: 60)
        let outcome = try store.attendance.undo(session: session, person: jose, source: .rollcall)
        #expect(outcome.cancelled?.id == late.id)
        #expect(outcome.event.undoes == late.id)
        #expect(outcome.event.status == .present)
        #expect(outcome.current?.status == .present)
        #expect(try store.attendance.marks(sessionID: session.id!)[jose.id!]?.status == .present)
        clock.advance(seconds: 60)
        try store.attendance.undo(session: session, person: jose, source: .rollcall)
        #expect(try store.attendance.marks(sessionID: session.id!)[jose.id!] == nil)
        #expect(try store.attendance.eventCount() == 4)
        #expect(throws: MusterError.nothingToUndo(person: "T-001", session: "am")) {
            try store.attendance.undo(session: session, person: jose, source: .rollcall)
        }
    }

    @Test func eventsCannotBeUpdatedOrDeleted() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        try store.attendance.mark(session: session, person: store.people.person(code: "T-001"), status: .present, source: .rollcall)
        let queue = try DatabaseQueue(path: store.path)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM attendance_event") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE attendance_event SET status = 'absent'") } }
        #expect(try store.attendance.eventCount() == 1)
    }

    @Test func markingSomeoneNotEnrolledFails() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        let stranger = Person(id: 9999, code: "NOPE", givenName: "No", familyName: "Body")
        #expect(throws: MusterError.notEnrolled(person: "NOPE", course: "mini-2024")) {
            try store.attendance.mark(session: session, person: stranger, status: .present, source: .cli)
        }
        #expect(try store.attendance.eventCount() == 0)
    }

    @Test func unknownLookupsThrowClearErrors() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        #expect(throws: MusterError.unknownCourse("nope")) { try store.courses.course(code: "nope") }
        let course = try store.courses.course(code: "mini-2024")
        #expect(throws: MusterError.unknownSession(course: "mini-2024", session: "zz")) {
            try store.courses.session(course: course, key: "zz")
        }
        #expect(throws: MusterError.unknownParticipant("ZZ-9")) { try store.people.person(code: "ZZ-9") }
    }

    /// A writer and a guest on one library (the second store of a process is a guest: the
    /// writer lock is per open file), marking in turn: once the writer has polled, every mark
    /// is in the library, and the file is sound.
    @Test func aWriterAndAGuestMarkingAlternatelyLoseNothing() throws {
        let dir = TemporaryDirectory()
        let a = try makeStore(dir)
        let b = try CourseStore(path: dir.file("lib.sqlite"), actor: "second")
        #expect(b.isGuest)
        let course = try a.courses.course(code: "mini-2024")
        let session = try a.courses.session(course: course, key: "pm")
        let people = try a.rosters.roster(courseID: course.id!).map(\.person)
        var written = 0
        for round in 0..<25 {
            for (i, p) in people.enumerated() {
                let store = (round + i).isMultiple(of: 2) ? a : b
                try store.attendance.mark(
                    session: session, person: p, status: round.isMultiple(of: 2) ? .present : .absent, source: .rollcall)
                written += 1
            }
        }
        try a.poll()
        #expect(try a.attendance.eventCount() == written)
        #expect(try b.attendance.eventCount() == written)
        let queue = try DatabaseQueue(path: dir.file("lib.sqlite"))
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func aWriterAndAGuestMarkingConcurrentlyLoseNothing() async throws {
        let dir = TemporaryDirectory()
        let a = try makeStore(dir)
        let b = try CourseStore(path: dir.file("lib.sqlite"), actor: "second")
        let course = try a.courses.course(code: "mini-2024")
        let session = try a.courses.session(course: course, key: "pm")
        let jose = try a.people.person(code: "T-001")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in [a, b] {
                group.addTask {
                    for _ in 0..<100 { try store.attendance.mark(session: session, person: jose, status: .present, source: .rollcall) }
                }
            }
            try await group.waitForAll()
        }
        try a.poll()
        #expect(try a.attendance.eventCount() == 200)
    }

    /// Another store's mark (a guest's, in its journal) moves the writer's data version on its
    /// next poll, which absorbs it: how the roll call notices a kiosk's check-ins.
    @Test func dataVersionMovesWhenAnotherStoreMarks() throws {
        let dir = TemporaryDirectory()
        let a = try makeStore(dir)
        let b = try CourseStore(path: dir.file("lib.sqlite"), actor: "kiosk")
        let before = try a.dataVersion()
        let course = try b.courses.course(code: "mini-2024")
        try b.attendance.mark(
            session: b.courses.session(course: course, key: "am"), person: b.people.person(code: "T-002"),
            status: .present, source: .kiosk)
        #expect(try a.dataVersion() != before)
    }

    @Test func unreadableDatabaseIsAClearError() throws {
        let dir = TemporaryDirectory()
        let path = dir.write("junk.sqlite", String(repeating: "not a database ", count: 200))
        #expect {
            _ = try CourseStore(path: path)
        } throws: { error in
            guard case MusterError.unreadable(let p, _) = error else { return false }
            return p == path
        }
    }

    @Test func rosterHistoryAndCurrentSession() throws {
        let dir = TemporaryDirectory()
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        #expect(try store.rosters.roster(courseID: course.id!).count == 5)
        #expect(try store.rosters.roster(courseID: course.id!, expectedOnly: true).count == 4)
        #expect(try store.courses.currentOrNextSession(courseID: course.id!)?.key == "am")  // 08:00, before the start
        clock.advance(seconds: 4 * 3600)  // 12:00
        #expect(try store.courses.currentOrNextSession(courseID: course.id!)?.key == "pm")
        clock.advance(seconds: 24 * 3600)
        #expect(try store.courses.currentOrNextSession(courseID: course.id!)?.key == "pm")  // after the course: the last
        let history = try store.people.history(personID: store.people.person(code: "T-001").id!)
        #expect(history.map(\.0.code) == ["mini-2024"])
        let summary = try #require(store.courses.courseSummaries().first)
        #expect(summary.enrolled == 4 && summary.sessionCount == 2)
    }
}

@Suite struct OrderingTests {
    @Test func aLaterMarkInTheSameMillisecondStillWins() throws {
        let dir = TemporaryDirectory()
        let clock = TestClock()  // never advances
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        let session = try store.courses.session(course: course, key: "am")
        let jose = try store.people.person(code: "T-001")
        for status in [AttendanceStatus.present, .absent, .late, .excused, .absent, .present, .cleared, .late] {
            try store.attendance.mark(session: session, person: jose, status: status, source: .rollcall)
            #expect(try store.attendance.marks(sessionID: session.id!)[jose.id!]?.status == (status == .cleared ? nil : status))
        }
        clock.advance(seconds: -3600)  // the clock steps back an hour
        try store.attendance.mark(session: session, person: jose, status: .absent, source: .rollcall)
        #expect(try store.attendance.marks(sessionID: session.id!)[jose.id!]?.status == .absent)
    }
}

/// A writer closing folds the WAL back into the file and takes in guests' journals: a library
/// left after a command is one file (a copy, a read-only mount, a backup read it whole).
@Suite struct WriterCloseTests {
    @Test func closingTheWriterEmptiesTheWAL() throws {
        let dir = TemporaryDirectory("writer-close")
        do {
            let store = try makeStore(dir)
            try store.attendance.mark(
                session: store.courses.session(course: store.courses.course(code: "mini-2024"), key: "am"),
                person: store.people.person(code: "T-001"), status: .present, source: .rollcall)
        }
        let wal = (try? FileManager.default.attributesOfItem(atPath: dir.file("lib.sqlite-wal"))[.size] as? Int) ?? 0
        #expect(wal == 0)
    }
}
