@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// One writing process per library (docs/SYNC.md §6): the writer lock, guests writing their own
/// journals, and the writer absorbing them.
@Suite struct WriterLockTests {
    struct Library {
        let dir = TemporaryDirectory("writer-lock")
        let writer: CourseStore
        let guest: CourseStore
        let session: Session
        let person: Person
        init() throws {
            writer = try makeStore(dir)
            guest = try CourseStore(path: writer.path, actor: "kiosk")
            let course = try writer.courses.course(code: "mini-2024")
            session = try writer.courses.session(course: course, key: "am")
            person = try writer.people.person(code: "T-002")
        }
        var journals: [String] { GuestJournal.journals(library: writer.path) }
    }

    @Test func theLockTakenTheSecondStoreIsAGuest() throws {
        let lib = try Library()
        #expect(!lib.writer.isGuest)
        #expect(lib.guest.isGuest)
        let holder = try #require(CourseStore.writer(of: lib.writer.path))
        #expect(holder.pid == getpid())
        let mode = try FileManager.default.attributesOfItem(atPath: CourseStore.writerLockPath(lib.writer.path))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A guest reads the library as it is.
        #expect(try lib.guest.courses.course(code: "mini-2024").title == (try lib.writer.courses.course(code: "mini-2024").title))
    }

    @Test func aGuestsMarkIsInItsPrivateJournalAndReachesTheWriterWithinASecondOfPolling() throws {
        let lib = try Library()
        let before = try lib.writer.dataVersion()
        let outcome = try lib.guest.attendance.mark(session: lib.session, person: lib.person, status: .present, source: .kiosk)
        #expect(outcome.current?.id == outcome.event.id)
        let journal = try #require(lib.journals.first)
        let fm = FileManager.default
        #expect(try fm.attributesOfItem(atPath: journal)[.posixPermissions] as? Int == 0o600)
        #expect(try fm.attributesOfItem(atPath: GuestJournal.folder(library: lib.writer.path))[.posixPermissions] as? Int == 0o700)
        #expect(try lib.writer.attendance.marks(sessionID: lib.session.id!)[lib.person.id!] == nil)  // not absorbed yet
        // The guest sees its own mark before the writer absorbs it.
        #expect(try lib.guest.attendance.marks(sessionID: lib.session.id!)[lib.person.id!]?.status == .present)

        // The writer polls as the roll call does (every 250 ms); the mark shows within a second.
        let started = Date()
        var seen: AttendanceEvent?
        while seen == nil, Date().timeIntervalSince(started) < 1 {
            if try lib.writer.dataVersion() != before { seen = try lib.writer.attendance.marks(sessionID: lib.session.id!)[lib.person.id!] }
            if seen == nil { Thread.sleep(forTimeInterval: 0.25) }
        }
        #expect(seen?.id == outcome.event.id)
        #expect(Date().timeIntervalSince(started) < 1)
        // Absorbed while its guest lives: the journal stays until the guest has gone.
        #expect(lib.journals.count == 1)
    }

    @Test func aGuestIsRefusedEveryOtherWriteNamingTheWriter() throws {
        let lib = try Library()
        let refusal = MusterError.refused(.libraryHasWriter(command: WriterLock.currentCommand(), pid: getpid()))
        #expect(throws: refusal) { try lib.guest.kiosk.setKioskPIN(courseID: lib.session.courseID, pin: "4711", iterations: 1) }
        #expect(throws: refusal) {
            try lib.guest.attendance.markBatch(session: lib.session, people: [lib.person], status: .present, source: .rollcall)
        }
        #expect(refusal.description.hasPrefix("the library is open for writing by "))
        #expect(refusal.description.hasSuffix("(pid \(getpid())); close it, or run this there"))
        #expect(lib.journals.isEmpty)  // a refused write makes no journal
    }

    @Test func absorbingTwiceAddsNothingAndAGoneGuestsJournalIsDeleted() throws {
        let lib = try Library()
        try lib.guest.attendance.mark(session: lib.session, person: lib.person, status: .present, source: .rollcall)
        try lib.guest.attendance.undo(session: lib.session, person: lib.person, source: .rollcall)
        #expect(try lib.writer.absorbGuestJournals() == 2)
        #expect(try lib.writer.absorbGuestJournals() == 0)
        // As if the writer had crashed before remembering how far it got: the ids still match.
        let journal = try #require(lib.journals.first)
        try lib.writer.write { db in try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [CourseStore.absorbedKey(journal)]) }
        #expect(try lib.writer.absorbGuestJournals() == 0)
        #expect(try lib.writer.attendance.eventCount() == 2)
        #expect(try lib.writer.attendance.marks(sessionID: lib.session.id!)[lib.person.id!] == nil)  // the undo counted too
        try lib.guest.currentGuestJournal()?.close()  // the guest goes
        #expect(try lib.writer.absorbGuestJournals() == 0)
        #expect(lib.journals.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: journal + ".lock"))
    }

    @Test func aGuestsCheckInSeesItsOwnEarlierCheckIn() throws {
        let lib = try Library()
        guard case .checkedIn = try lib.guest.kiosk.checkIn(sessionID: lib.session.id!, personID: lib.person.id!) else {
            Issue.record("first check-in not recorded"); return
        }
        guard case .alreadyCheckedIn = try lib.guest.kiosk.checkIn(sessionID: lib.session.id!, personID: lib.person.id!) else {
            Issue.record("second check-in recorded again"); return
        }
        #expect(try lib.writer.absorbGuestJournals() == 1)
    }

    @Test func aGuestWhoseWriterLeftBecomesTheWriterOnItsPoll() throws {
        let dir = TemporaryDirectory("writer-lock")
        var writer: CourseStore? = try makeStore(dir)
        let guest = try CourseStore(path: writer!.path, actor: "kiosk")
        let course = try guest.courses.course(code: "mini-2024")
        let session = try guest.courses.session(course: course, key: "am")
        try guest.attendance.mark(session: session, person: guest.people.person(code: "T-002"), status: .late, source: .kiosk)
        #expect(try guest.poll() == false)  // the writer is still there
        writer = nil
        #expect(try guest.poll())
        #expect(!guest.isGuest)
        #expect(try guest.attendance.eventCount() == 1)  // its own journal absorbed
        #expect(GuestJournal.journals(library: guest.path).isEmpty)
        try guest.kiosk.setKioskPIN(courseID: course.id!, pin: "4711", iterations: 1)  // a writer now
        _ = writer
    }

    @Test func walResetRangeByVersion() {
        for affected in ["3.7.0", "3.40.1", "3.44.5", "3.46.1", "3.50.6", "3.51.2", "3.8", "garbage"] {
            #expect(SQLiteBugs.walReset(version: affected), "\(affected)")
        }
        for fixed in ["3.6.23", "3.44.6", "3.44.7", "3.50.7", "3.51.3", "3.52.0", "4.0.0"] {
            #expect(!SQLiteBugs.walReset(version: fixed), "\(fixed)")
        }
    }
}
