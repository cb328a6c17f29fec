import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// The definition of done for erasure, on a library with a history: after erasing José
/// Núñez no byte of the library file, and nothing any export or report writes, holds his name,
/// e-mail or phone; reports keep their totals; nothing (an undo, an old export) brings him back.
@Suite struct ErasureScanTests {
    let dir = TemporaryDirectory("erasure-scan")
    static let secrets = [
        "José", "Núñez", "Nu\u{301}n\u{303}ez", "Nunez", "nunez", "jose.nunez@example.org",
        "jnunez@example.org", "+680 555 0101", "at the ministry", "NÚÑEZ", "JOSÉ",
    ]

    /// José marked (with a note), his contacts edited, withdrawn and confirmed again on the
    /// screens, and a kiosk walk-in who typed "Jose Nunez" merged into him. Returns the change
    /// that edited his contacts.
    func history(_ store: CourseStore, _ clock: TestClock) throws -> ChangeRecord {
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am")
        var jose = try store.people.person(code: "T-001")
        try store.attendance.mark(session: am, person: jose, status: .excused, source: .rollcall, note: "José Núñez at the ministry")
        for code in ["T-002", "T-003"] {
            try store.attendance.mark(session: am, person: store.people.person(code: code), status: .present, source: .rollcall)
        }
        // Other people's words about him (issue 21, item 3): a mark's note, a roster note, and
        // the session's facilitator list, in the forms people write a name.
        try store.attendance.mark(
            session: am, person: store.people.person(code: "T-002"), status: .present, source: .rollcall,
            note: "came with José Núñez (jose.nunez@example.org)")
        var other = try #require(try store.rosters.roster(courseID: course.id!).first { $0.person.code == "T-002" }).enrolment
        other.note = "shares a car with NÚÑEZ, JOSÉ"
        try store.nominations.saveEnrolment(other)
        var session = am
        session.facilitators = ["Ana Tellei", "José Núñez"]
        try store.courses.saveSession(session)
        clock.advance(seconds: 60)
        jose.email = "jnunez@example.org"
        jose.phone = "+680 555 0101"
        let (_, edit) = try store.people.savePerson(jose)
        clock.advance(seconds: 60)
        try store.nominations.setNominationStatus(courseID: course.id!, personID: jose.id!, to: .withdrawn)
        try store.nominations.setNominationStatus(courseID: course.id!, personID: jose.id!, to: .confirmed)
        let pm = try store.courses.session(course: course, key: "pm")
        let (walkIn, _) = try store.kiosk.registerWalkIn(
            courseID: course.id!, sessionID: pm.id!, givenName: "Jose", familyName: "Nunez",
            agency: "BIM", country: "Palau")
        try store.nominations.mergeWalkIn(courseID: course.id!, walkInID: walkIn.personID, into: jose.id!)
        return edit
    }

    /// Everything Muster writes about the course, as one text.
    static func everythingWritten(_ store: CourseStore) throws -> String {
        let facts = try CourseFacts.load(store, code: "mini-2024")
        let report = CourseReport.build(facts, by: [.sex, .country, .agency])
        let audit = try store.privacy.audit(courseCode: "mini-2024").map {
            "\($0.actor) \($0.device) \($0.source) \($0.subject) \($0.what)"
        }
        let people = try store.rosters.roster(courseID: facts.course.id!).map(\.person.code)
        let exports = try people.map { try store.privacy.personExport(code: $0).json() }
        return
            ([try store.courses.exportCourse(code: "mini-2024"), report.markdown(), report.csv()]
            + (try AttendanceExport.longRows(store: store, courseCode: "mini-2024", includeUnmarked: true)).map {
                $0.joined(separator: ",")
            }
            + WideAttendanceExport.rows(facts).map { $0.joined(separator: ",") } + audit + exports).joined(separator: "\n")
    }

    @Test func noByteOfTheFileAndNothingWrittenHoldsThemAfterwards() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        _ = try history(store, clock)
        let before = try Self.everythingWritten(store)
        #expect(before.contains("Núñez") && before.contains("+680 555 0101"))  // the scan can see them

        let summary = try store.privacy.erase(code: "T-001", reason: "request of José Núñez, 2026-11-20", keepStatistics: true)
        #expect(summary.people == 2)  // and the merged walk-in
        #expect(summary.othersNotesScrubbed == 2 && summary.facilitatorListsScrubbed == 1 && summary.logEntriesScrubbed >= 2, "\(summary)")
        #expect(summary.elsewhere.hasPrefix("2 notes by others, 1 facilitator list, "))
        // What was left of their words still reads.
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am")
        #expect(am.facilitators == ["Ana Tellei", "(erased)"])
        let t2 = try store.people.person(code: "T-002")
        let notes = try store.attendance.events(sessionID: am.id!, personID: t2.id!).map(\.note)
        #expect(notes.contains("came with (erased) ((erased))"), "\(notes)")

        let files = [store.path, store.path + "-wal"].compactMap { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(files.count >= 1)
        let written = try Self.everythingWritten(store)
        for secret in Self.secrets {
            for bytes in files {
                let found = bytes.range(of: Data(secret.utf8))
                #expect(
                    found == nil,
                    "\(secret) is still in the library file: \(found.map { String(decoding: bytes[max(0, $0.lowerBound - 120)..<min(bytes.count, $0.upperBound + 60)], as: UTF8.self) } ?? "")"
                )
            }
            #expect(!written.contains(secret), "\(secret) is still in an export, report or the audit")
        }
        // The erasure itself is in the audit, nameless, with who and why.
        let erasure = try #require(try store.privacy.audit(courseCode: "mini-2024").first { $0.source == "erasure" })
        #expect(erasure.actor == "tester" && erasure.what == "erased: request of (erased), 2026-11-20")
        #expect(erasure.subject.hasPrefix("X-"))
    }

    @Test func reportsKeepTheirTotals() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        _ = try history(store, clock)
        let dimensions: [ReportDimension] = [.sex, .country, .agency, .role]
        let before = CourseReport.build(try CourseFacts.load(store, code: "mini-2024"), by: dimensions)
        // What the history leaves, counted by hand: trainees T-001 and T-002 confirmed (male),
        // T-003 nominated and T-005 substituted (female); T-004 is staff. In the morning T-002 and
        // T-003 are present and José excused; in the afternoon only José, through the merged walk-in.
        let nominations = [
            ["Nominated", "1", "25%", "yes"], ["Confirmed", "2", "50%", "yes"], ["Substituted", "1", "25%", "no"],
            ["Total", "4", "100%", "3 expected"],
        ]
        let bySex = [
            ["Female", "2", "1", "33%", "50%", "1", "100%", "1"], ["Male", "2", "2", "67%", "50%", "2", "100%", "2"],
            ["Total", "4", "3", "100%", "50%", "3", "100%", "3"],
        ]
        let perSession = [
            ["am", "Tue 7 May 09:00", "2", "0", "1", "0", "0", "67%", "Morning"],
            ["pm", "Tue 7 May 13:00", "1", "0", "0", "0", "2", "33%", "Afternoon (core)"],
        ]
        #expect(before.table("Nominations")?.rows == nominations)
        #expect(before.table("By sex")?.rows == bySex)
        #expect(before.table("Attendance per session")?.rows == perSession)
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        let after = CourseReport.build(try CourseFacts.load(store, code: "mini-2024"), by: dimensions)
        #expect(after.table("Nominations")?.rows == nominations)
        #expect(after.table("By sex")?.rows == bySex)
        #expect(after.table("Attendance per session")?.rows == perSession)
        #expect(after.tables == before.tables)
        #expect(after.summary == before.summary)
        // Without statistics, T-002's sex and country move to "not disclosed", but every total stays.
        try store.privacy.erase(code: "T-002", reason: "request", keepStatistics: false)
        let bare = CourseReport.build(try CourseFacts.load(store, code: "mini-2024"), by: [.sex, .country])
        #expect(bare.table("Nominations")?.rows == nominations)
        #expect(bare.table("Attendance per session")?.rows == perSession)
        #expect(
            bare.table("By sex")?.rows == [
                ["Female", "2", "1", "33%", "50%", "1", "100%", "1"],
                ["Male", "1", "1", "33%", "50%", "1", "100%", "1"],
                ["Not disclosed", "1", "1", "33%", "50%", "1", "100%", "1"],
                ["Total", "4", "3", "100%", "50%", "3", "100%", "3"],
            ])
        #expect(
            bare.table("By country")?.rows == [
                ["Palau", "3", "2", "67%", "50%", "2", "100%", "2"],
                ["(no country)", "1", "1", "33%", "50%", "1", "100%", "1"],
                ["Total", "4", "3", "100%", "50%", "3", "100%", "3"],
            ])
    }

    @Test func undoingAChangeMadeBeforeTheErasureCannotBringThemBack() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let edit = try history(store, clock)
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        _ = try? store.changeLog.undoChange(id: edit.id)
        let course = try store.courses.course(code: "mini-2024")
        let placeholder = try #require(try store.rosters.roster(courseID: course.id!).first { $0.person.code.hasPrefix("X-") })
        #expect(placeholder.person.displayName.isEmpty && placeholder.person.email.isEmpty && placeholder.person.phone.isEmpty)
        #expect(try store.people.search("nunez").isEmpty)
        let log = try store.changeLog.changes(courseID: course.id!).map { $0.summary + $0.beforeJSON + $0.afterJSON }.joined()
        for secret in Self.secrets { #expect(!log.contains(secret), "\(secret) is in the change log") }
    }

    @Test func aWalkInCannotBeMergedIntoAnErasedPlaceholder() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        let jose = try store.people.person(code: "T-001")
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        let session = try store.courses.session(course: course, key: "pm")
        let (walkIn, _) = try store.kiosk.registerWalkIn(
            courseID: course.id!, sessionID: session.id!, givenName: "José",
            familyName: "Núñez", agency: "", country: "")
        #expect(throws: MusterError.self) {
            try store.nominations.mergeWalkIn(courseID: course.id!, walkInID: walkIn.personID, into: jose.id!)
        }
        #expect(try store.people.personDetails(id: jose.id!).person.displayName.isEmpty)
    }

    @Test func anOldAttendanceExportCannotRecreateThemUnlessAsked() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        _ = try history(store, clock)
        let csv = TableDocument.render(
            header: AttendanceExport.longColumns,
            rows: try AttendanceExport.longRows(store: store, courseCode: "mini-2024"), format: .csv)
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        let version = try RetentionTests.dump(store)
        for dryRun in [true, false] {
            #expect(throws: MusterError.self) {
                try store.rosterImporter.importRoster(
                    data: Data(csv.utf8), name: "old.csv", course: "mini-2024", options: RosterImportOptions(dryRun: dryRun))
            }
        }
        #expect(try RetentionTests.dump(store) == version)
        var allowed = RosterImportOptions()
        allowed.allowErased = true
        try store.rosterImporter.importRoster(data: Data(csv.utf8), name: "old.csv", course: "mini-2024", options: allowed)
        #expect(try store.people.person(code: "T-001").familyName == "Núñez")
        // The import is in the audit, attributable, and in the returning person's trail.
        let entry = try #require(try store.privacy.audit(courseCode: "mini-2024").last { $0.source == "import" })
        #expect(entry.what.hasPrefix("roster file old.csv: 1 new") && entry.actor == "tester")
        #expect(
            try store.privacy.personAudit(personID: store.people.person(code: "T-001").id!).contains { $0.what == "imported from a file" })
    }
}
