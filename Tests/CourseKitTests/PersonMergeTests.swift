import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Merging any two people (`People.mergePeople`) and undoing it later (`unmergePerson`): what
/// moves, how conflicts resolve, what is refused, and that an unmerge — in a later process —
/// gives back exactly the rows and the exports of before.
@Suite struct PersonMergeTests {
    let dir = TemporaryDirectory("person-merge")
    let clock = TestClock()

    /// The mini course and the RCM course in one library.
    func library() throws -> CourseStore {
        let store = try makeStore(dir, clock: clock)
        try store.courses.importCourse(CourseFileCodec.read(path: Fixtures.coursesDirectory + "/rcm-migration-policies-2020.yaml"))
        return store
    }

    /// P-900, a second record of T-001 José Núñez: on the RCM course and waitlisted on the mini
    /// course, with a phone and a position T-001 lacks.
    func duplicate(_ store: CourseStore) throws -> Person {
        let rcm = try store.courses.course(code: "rcm-migration-policies-2020")
        let (p, _) = try store.people.savePerson(
            Person(code: "P-900", givenName: "Jose", familyName: "Nunez", country: "PW", position: "Officer", phone: "+680 555 0199"),
            enrolIn: rcm.id!)
        let mini = try store.courses.course(code: "mini-2024")
        try store.nominations.enrol(personID: p.id!, courseID: mini.id!, status: .waitlisted)
        return p
    }

    /// Rows of the tables a merge and its undo touch, as text: person, enrolment, the current
    /// marks, the roster index, the name index and the session tallies. A `cleared` mark row is
    /// the cache's way of saying "no mark" (an undo leaves one where there was none), so those,
    /// and their tallies, are left out.
    static func tables(_ path: String) throws -> String {
        let db = try DatabaseQueue(path: path)
        return try db.read { db in
            try [
                "SELECT * FROM person ORDER BY id", "SELECT * FROM enrolment ORDER BY id",
                "SELECT session_id, person_id, status FROM attendance_mark WHERE status <> 'cleared' ORDER BY session_id, person_id",
                "SELECT * FROM roster_index ORDER BY enrolment_id", "SELECT * FROM name_token ORDER BY token, person_id",
                "SELECT * FROM session_tally WHERE n <> 0 AND mark <> 'cleared' ORDER BY session_id, mark, nomination, role, sex, country",
            ].map { sql in
                try Row.fetchAll(db, sql: sql).map(\.description).joined(separator: "\n")
            }.joined(separator: "\n--\n")
        }
    }

    /// The lines only one side has, for a failure's message.
    static func difference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n"), y = b.split(separator: "\n")
        return "before only: \(x.filter { !y.contains($0) }.prefix(6)); after only: \(y.filter { !x.contains($0) }.prefix(6))"
    }

    func mark(
        _ store: CourseStore, _ course: String, _ session: String, _ code: String, _ status: AttendanceStatus,
        source: EventSource = .rollcall
    )
        throws
    {
        let c = try store.courses.course(code: course)
        try store.attendance.mark(
            session: store.courses.session(course: c, key: session), person: store.people.person(code: code), status: status,
            source: source)
        clock.advance(seconds: 60)
    }

    func current(_ store: CourseStore, _ course: String, _ session: String, _ code: String) throws -> AttendanceStatus? {
        let c = try store.courses.course(code: course)
        let s = try store.courses.session(course: c, key: session)
        return try store.attendance.marks(sessionID: s.id!)[store.people.person(code: code).id!]?.status
    }

    @Test func mergeMovesEnrolmentsMarksAndMissingDetails() throws {
        let store = try library()
        let other = try duplicate(store)
        try mark(store, "mini-2024", "am", "T-001", .absent)
        try mark(store, "mini-2024", "am", "P-900", .present)  // later: decides
        try mark(store, "mini-2024", "pm", "P-900", .excused)
        try mark(store, "mini-2024", "pm", "T-001", .present)  // later: T-001's stands
        try mark(store, "rcm-migration-policies-2020", "vs1", "P-900", .present)
        let eventsBefore = try store.attendance.eventCount()

        let preview = try store.people.mergePreview(keep: "T-001", other: "P-900")
        let text = preview.lines.joined(separator: "\n")
        #expect(text.contains("rcm-migration-policies-2020: moves to T-001 as nominated"))
        #expect(text.contains("mini-2024: both enrolled (T-001 confirmed, P-900 waitlisted); keeps the stronger, T-001's confirmed"))
        #expect(text.contains("mini-2024 am: P-900 present, T-001 absent; by the attendance rule P-900's decides: present"))
        #expect(text.contains("mini-2024 pm: P-900 excused, T-001 present; by the attendance rule T-001's stands: present"))
        #expect(text.contains("rcm-migration-policies-2020 vs1: P-900 present, recorded again for T-001"))
        #expect(text.contains("position Officer, phone +680 555 0199"))
        // The same preview in Spanish: the glossary's words, the language's terms for statuses and marks.
        let spanish = preview.lines(in: .es).joined(separator: "\n")
        #expect(spanish.contains("rcm-migration-policies-2020: pasa a T-001 como nominada"))
        #expect(spanish.contains("mini-2024 am: P-900 presente, T-001 ausente; por la regla de asistencia decide la de P-900: presente"))
        #expect(spanish.contains("cargo Officer, teléfono +680 555 0199"))
        #expect(!spanish.contains("moves to") && !spanish.contains("attendance rule"))
        // A preview writes nothing.
        #expect(try store.attendance.eventCount() == eventsBefore)

        let (change, _) = try store.people.mergePeople(keep: "T-001", other: "P-900")
        #expect(change.action == "merge" && change.entity == "person")
        let rcm = try store.courses.course(code: "rcm-migration-policies-2020"), mini = try store.courses.course(code: "mini-2024")
        let rcmRoster = try store.rosters.roster(courseID: rcm.id!)
        #expect(rcmRoster.first { $0.person.code == "T-001" }?.enrolment.status == .nominated)
        #expect(!rcmRoster.contains { $0.person.code == "P-900" })
        let miniRoster = try store.rosters.roster(courseID: mini.id!)
        #expect(miniRoster.first { $0.person.code == "T-001" }?.enrolment.status == .confirmed)
        #expect(!miniRoster.contains { $0.person.code == "P-900" })
        #expect(try current(store, "mini-2024", "am", "T-001") == .present)
        #expect(try current(store, "mini-2024", "pm", "T-001") == .present)
        #expect(try current(store, "rcm-migration-policies-2020", "vs1", "T-001") == .present)
        // Copies are new events noting the merge; P-900's own events are untouched.
        #expect(try store.attendance.eventCount() == eventsBefore + 2)
        let vs1 = try store.courses.session(course: rcm, key: "vs1")
        let copy = try #require(try store.attendance.events(sessionID: vs1.id!, personID: store.people.person(code: "T-001").id!).last)
        #expect(copy.note == "merged from P-900")
        #expect(try store.attendance.events(sessionID: vs1.id!, personID: other.id!).count == 1)
        let jose = try store.people.person(code: "T-001")
        #expect(jose.phone == "+680 555 0199" && jose.position == "Officer" && jose.email == "jose.nunez@example.org")
        #expect(try store.people.search("jose nunez").map(\.code) == ["T-001"])
        #expect(try store.people.search("P-900").isEmpty)
        #expect(try store.people.personDetails(id: other.id!).mergedInto?.code == "T-001")
        // Both trails list the merge.
        #expect(try store.people.personDetails(id: jose.id!).audit.contains { $0.changeAction == "merge" && $0.changeID == change.id })
        #expect(try store.people.personDetails(id: other.id!).audit.contains { $0.changeAction == "merge" })
    }

    /// A roster file that still has the merged record's code finds the person it became: the
    /// merged record never comes back onto a roster.
    @Test func anImportWithTheMergedCodeMatchesTheKeptPerson() throws {
        let store = try library()
        _ = try duplicate(store)
        try store.people.mergePeople(keep: "T-001", other: "P-900")
        let report = try store.rosterImporter.importRoster(
            data: Data("code,given,family,country\nP-900,Jose,Nunez,PW\n".utf8), name: "list.csv", course: "rcm-migration-policies-2020",
            options: RosterImportOptions())
        #expect(report.newPeople.isEmpty && report.matched.count == 1, "\(report.counts)")
        let rcm = try store.courses.course(code: "rcm-migration-policies-2020")
        let roster = try store.rosters.roster(courseID: rcm.id!).map(\.person.code)
        #expect(roster.contains("T-001") && !roster.contains("P-900"))
        // Merged on in turn: the code finds the last person kept.
        try store.people.mergePeople(keep: "T-002", other: "T-001")
        let again = try store.rosterImporter.importRoster(
            data: Data("code,given,family,country\nP-900,Jose,Nunez,PW\n".utf8), name: "list.csv", course: "rcm-migration-policies-2020",
            options: RosterImportOptions())
        #expect(again.newPeople.isEmpty && again.matched.count == 1, "\(again.counts)")
        let codes = try store.rosters.roster(courseID: rcm.id!).map(\.person.code)
        #expect(codes.contains("T-002") && !codes.contains("T-001") && !codes.contains("P-900"))
    }

    /// A check-in of one record after the other record's facilitator absent makes the kept
    /// person late, flagged, exactly as the rule does on one log.
    @Test func aCheckInAfterTheOtherRecordsAbsentIsLateFlagged() throws {
        let store = try library()
        _ = try duplicate(store)
        try mark(store, "mini-2024", "am", "P-900", .absent)
        try mark(store, "mini-2024", "am", "T-001", .present, source: .kiosk)
        try store.people.mergePeople(keep: "T-001", other: "P-900")
        let mini = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: mini, key: "am")
        let mark = try #require(try store.attendance.marks(sessionID: am.id!)[store.people.person(code: "T-001").id!])
        #expect(mark.status == .late && mark.kioskAfterAbsent)
    }

    @Test func refusals() throws {
        let store = try library()
        _ = try duplicate(store)
        func refusal(_ body: () throws -> Void) -> String {
            do { try body() } catch { return "\(error)" }
            return "no error"
        }
        #expect(refusal { try store.people.mergePeople(keep: "T-001", other: "t-001") }.contains("choose another person"))
        #expect(refusal { try store.people.mergePeople(keep: "T-001", other: "NOPE-1") }.contains("NOPE-1"))
        #expect(refusal { try store.people.unmergePerson(code: "T-001") }.contains("T-001 was never merged"))
        try store.people.mergePeople(keep: "T-001", other: "P-900")
        #expect(refusal { try store.people.mergePeople(keep: "T-002", other: "P-900") }.contains("P-900 is already merged into T-001"))
        #expect(refusal { try store.people.mergePeople(keep: "P-900", other: "T-003") }.contains("P-900 is already merged into T-001"))
        try store.people.mergePeople(keep: "T-001", other: "T-004")
        #expect(refusal { try store.people.unmergePerson(code: "T-001") }.contains("2 people are merged into T-001 (P-900, T-004)"))
        try store.people.unmergePerson(code: "T-004")
        // Now unambiguous: the kept person's code names the one merge into them.
        try store.people.unmergePerson(code: "T-001")
        #expect(refusal { try store.people.unmergePerson(code: "P-900") }.contains("never merged"))
        try store.privacy.erase(code: "T-002", reason: "request", keepStatistics: false)
        let placeholder = try #require(
            try DatabaseQueue(path: store.path).read { db in
                try String.fetchOne(db, sql: "SELECT p.code FROM person p JOIN erasure e ON e.person_id = p.id LIMIT 1")
            })
        #expect(refusal { try store.people.mergePeople(keep: placeholder, other: "P-900") }.contains("erased at their request"))
        #expect(refusal { try store.people.mergePeople(keep: "T-001", other: placeholder) }.contains("erased at their request"))
    }

    /// Merge, then in a new process (a new store on the file) unmerge: the tables and both
    /// exports are what they were, byte for byte.
    @Test func unmergeAfterARestartRestoresRowsAndExportsExactly() throws {
        var store: CourseStore! = try library()
        _ = try duplicate(store)
        try mark(store, "mini-2024", "am", "T-001", .absent)
        try mark(store, "mini-2024", "am", "P-900", .present)
        try mark(store, "rcm-migration-policies-2020", "vs1", "P-900", .late)
        let tables = try Self.tables(store.path)
        let exports = try ["T-001", "P-900"].map { try store.privacy.personExport(code: $0).json() }
        try store.people.mergePeople(keep: "T-001", other: "P-900")
        #expect(try Self.tables(store.path) != tables)
        #expect(try store.privacy.personExport(code: "T-001").json() != exports[0])

        let path = store.path
        store = nil  // the first process ends (it held the library's writer lock)
        let later = try CourseStore(path: path, actor: "someone else", clock: clock.function)
        let undo = try later.people.unmergePerson(code: "P-900")
        #expect(undo.action == "undo")
        #expect(try Self.tables(path) == tables)
        #expect(try ["T-001", "P-900"].map { try later.privacy.personExport(code: $0).json() } == exports)
        #expect(try later.people.search("jose nunez").map(\.code) == ["T-001", "P-900"])
        // The trail still tells it, with who did it.
        let trail = try later.people.personDetails(id: later.people.person(code: "T-001").id!).audit
        #expect(trail.contains { $0.changeAction == "merge" } && trail.contains { $0.changeAction == "undo" && $0.actor == "someone else" })
    }

    @Test func unmergeIsRefusedWhenTheRowsOrMarksChangedSince() throws {
        let store = try library()
        _ = try duplicate(store)
        try mark(store, "rcm-migration-policies-2020", "vs1", "P-900", .present)
        try store.people.mergePeople(keep: "T-001", other: "P-900")
        clock.advance(seconds: 60)
        let rcm = try store.courses.course(code: "rcm-migration-policies-2020")
        let jose = try store.people.person(code: "T-001")
        // A mark made since on the moved course would stay with the wrong person.
        try mark(store, "rcm-migration-policies-2020", "vs2", "T-001", .absent)
        #expect(
            throws: MusterError.refused(
                .markedSinceMerge(code: "T-001", course: "rcm-migration-policies-2020", session: "vs2", now: "absent", then: "no mark"))
        ) {
            try store.people.unmergePerson(code: "P-900")
        }
        let vs2 = try store.courses.session(course: rcm, key: "vs2")
        try store.attendance.undo(session: vs2, person: jose, source: .rollcall)
        // The moved enrolment changed since.
        let status = try store.nominations.setNominationStatus(courseID: rcm.id!, personID: jose.id!, to: .confirmed)
        #expect(throws: MusterError.self) { try store.people.unmergePerson(code: "P-900") }
        try store.changeLog.undoChange(id: status.id)
        try store.people.unmergePerson(code: "P-900")
        #expect(try store.rosters.roster(courseID: rcm.id!).contains { $0.person.code == "P-900" })
    }

    /// Random libraries, a random merge of two random people, then an unmerge from a new store:
    /// person, enrolment, current marks, roster index, name index and tallies are as before, and
    /// so are both people's exports. Right after the merge, the kept person's marks are the
    /// rule's on both logs together.
    @Test func randomMergeThenUnmergeRestoresEverything() throws {
        let seeds = SeededRandom.environmentSeed.map { [$0] } ?? (0..<3).map { _ in SeededRandom().seed }
        for seed in seeds {
            print("PersonMergeTests.randomMergeThenUnmergeRestoresEverything: \(SeededRandom(seed: seed).replayText)")
            SeededRandom.run(seed: seed) { rng in try Self.randomRoundTrip(&rng) }
        }
    }

    static func randomRoundTrip(_ rng: inout SeededRandom) throws {
        let dir = TemporaryDirectory("person-merge-random")
        let clock = TestClock()
        var store: CourseStore! = try makeStore(dir, clock: clock)
        try store.courses.importCourse(CourseFileCodec.read(path: Fixtures.coursesDirectory + "/rcm-migration-policies-2020.yaml"))
        let courses = try store.courses.courses()
        let names = [("José", "Núñez"), ("小龍", "李"), ("Mary", "O'Neil-Smith"), ("Ana", "Pérez"), ("Jose", "Nunez")]
        var everyone = try courses.flatMap { try store.rosters.roster(courseID: $0.id!).map(\.person) }
        for i in 0..<(3 + Int(rng.next() % 4)) {
            let (given, family) = names[Int(rng.next() % UInt64(names.count))]
            let (p, _) = try store.people.savePerson(
                Person(
                    code: "R-\(i)", givenName: given, familyName: family, country: rng.next() % 2 == 0 ? "PW" : "",
                    phone: rng.next() % 2 == 0 ? "+680 \(i)" : ""))
            for course in courses where rng.next() % 2 == 0 {
                let status = NominationStatus.allCases.filter { $0 != .substituted }[Int(rng.next() % 6)]
                try store.nominations.enrol(personID: p.id!, courseID: course.id!, status: status)
            }
            everyone.append(p)
        }
        let sessions = try courses.flatMap { try store.courses.sessions(courseID: $0.id!) }
        for _ in 0..<(20 + Int(rng.next() % 40)) {
            let session = sessions[Int(rng.next() % UInt64(sessions.count))]
            let person = everyone[Int(rng.next() % UInt64(everyone.count))]
            clock.advance(seconds: Double(1 + rng.next() % 120))
            if rng.next() % 6 == 0 {
                _ = try? store.attendance.undo(session: session, person: person, source: .rollcall)
            } else {
                let status = AttendanceStatus.allCases[Int(rng.next() % UInt64(AttendanceStatus.allCases.count))]
                let source = EventSource.allCases[Int(rng.next() % UInt64(EventSource.allCases.count))]
                // Someone not on the session's course is refused (`notEnrolled`): a draw that marks nothing.
                _ = try? store.attendance.mark(session: session, person: person, status: status, source: source)
            }
        }
        let keep = everyone[Int(rng.next() % UInt64(everyone.count))]
        var other = everyone[Int(rng.next() % UInt64(everyone.count))]
        if other.id == keep.id { other = everyone.first { $0.id != keep.id }! }
        let tables = try tables(store.path)
        let exports = try [keep.code, other.code].map { try store.privacy.personExport(code: $0).json() }
        let exportedAt = clock()
        // The rule on both logs together, per session, before the merge.
        var expected: [Int64: AttendanceEvent?] = [:]
        for s in sessions {
            let theirs = try store.attendance.events(sessionID: s.id!, personID: other.id!)
            guard MarkRule.currentMark(of: theirs) != nil else { continue }
            expected[s.id!] = MarkRule.currentMark(of: try store.attendance.events(sessionID: s.id!, personID: keep.id!) + theirs)
        }
        clock.advance(seconds: 30)
        try store.people.mergePeople(keep: keep.code, other: other.code)
        for (session, mark) in expected {
            let now = MarkRule.currentMark(of: try store.attendance.events(sessionID: session, personID: keep.id!))
            #expect(
                now?.status == mark?.status && now?.arrival == mark?.arrival, Comment(rawValue: "session \(session): \(rng.replayText)"))
        }
        clock.advance(seconds: 30)
        let path = store.path
        store = nil  // the first process ends (it held the library's writer lock)
        let later = try CourseStore(path: path, actor: "later", clock: clock.function)
        try later.people.unmergePerson(code: other.code)
        let after = try Self.tables(path)
        #expect(after == tables, Comment(rawValue: "\(Self.difference(tables, after)) — \(rng.replayText)"))
        clock.set(exportedAt)
        #expect(try [keep.code, other.code].map { try later.privacy.personExport(code: $0).json() } == exports, rng.replay)
    }
}
