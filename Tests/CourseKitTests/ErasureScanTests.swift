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
    static let secrets = ["José", "Núñez", "Nu\u{301}n\u{303}ez", "Nunez", "nunez", "jose.nunez@example.org",
                          "jnunez@example.org", "+680 555 0101", "at the ministry"]

    /// José marked (with a note), his contacts edited, withdrawn and confirmed again on the
    /// screens, and a kiosk walk-in who typed "Jose Nunez" merged into him. Returns the change
    /// that edited his contacts.
    func history(_ store: CourseStore, _ clock: TestClock) throws -> ChangeRecord {
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am")
        var jose = try store.people.participant(code: "T-001")
        try store.attendance.mark(session: am, participant: jose, status: .excused, source: .rollcall, note: "José Núñez at the ministry")
        for code in ["T-002", "T-003"] {
            try store.attendance.mark(session: am, participant: store.people.participant(code: code), status: .present, source: .rollcall)
        }
        clock.advance(seconds: 60)
        jose.email = "jnunez@example.org"
        jose.phone = "+680 555 0101"
        let (_, edit) = try store.people.savePerson(jose)
        clock.advance(seconds: 60)
        try store.nominations.setNominationStatus(courseID: course.id!, personID: jose.id!, to: .withdrawn)
        try store.nominations.setNominationStatus(courseID: course.id!, personID: jose.id!, to: .confirmed)
        let pm = try store.courses.session(course: course, key: "pm")
        let (walkIn, _) = try store.kiosk.registerWalkIn(courseID: course.id!, sessionID: pm.id!, givenName: "Jose", familyName: "Nunez",
                                                   agency: "BIM", country: "Palau")
        try store.nominations.mergeWalkIn(courseID: course.id!, walkInID: walkIn.personID, into: jose.id!)
        return edit
    }

    /// Everything Muster writes about the course, as one text.
    static func everythingWritten(_ store: CourseStore) throws -> String {
        let facts = try CourseFacts.load(store, code: "mini-2024")
        let report = CourseReport.build(facts, by: [.sex, .country, .agency])
        let audit = try store.privacy.audit(courseCode: "mini-2024").map { "\($0.actor) \($0.device) \($0.source) \($0.subject) \($0.what)" }
        let people = try store.rosters.roster(courseID: facts.course.id!).map(\.participant.code)
        let exports = try people.map { try store.privacy.personExport(code: $0).json() }
        return ([try store.courses.exportCourse(code: "mini-2024"), report.markdown(), report.csv()]
                + (try AttendanceExport.longRows(store: store, courseCode: "mini-2024", includeUnmarked: true)).map { $0.joined(separator: ",") }
                + WideAttendanceExport.rows(facts).map { $0.joined(separator: ",") } + audit + exports).joined(separator: "\n")
    }

    @Test func noByteOfTheFileAndNothingWrittenHoldsThemAfterwards() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        _ = try history(store, clock)
        let before = try Self.everythingWritten(store)
        #expect(before.contains("Núñez") && before.contains("+680 555 0101"))   // the scan can see them

        let summary = try store.privacy.erase(code: "T-001", reason: "request of José Núñez, 2026-11-20", keepStatistics: true)
        #expect(summary.people == 2)                                              // and the merged walk-in

        let files = [store.path, store.path + "-wal"].compactMap { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(files.count >= 1)
        let written = try Self.everythingWritten(store)
        for secret in Self.secrets {
            for bytes in files { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the library file") }
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
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        let after = CourseReport.build(try CourseFacts.load(store, code: "mini-2024"), by: dimensions)
        #expect(after.tables == before.tables)
        #expect(after.summary == before.summary)
        // Without statistics, sex and country move to "not disclosed", but every total stays.
        try store.privacy.erase(code: "T-002", reason: "request", keepStatistics: false)
        let bare = CourseReport.build(try CourseFacts.load(store, code: "mini-2024"), by: [])
        #expect(bare.table("Nominations") == CourseReport.build(try CourseFacts.load(store, code: "mini-2024"), by: []).table("Nominations"))
        #expect(bare.table("Nominations")?.row("Total") == before.table("Nominations")?.row("Total"))
    }

    @Test func undoingAChangeMadeBeforeTheErasureCannotBringThemBack() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let edit = try history(store, clock)
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        _ = try? store.changeLog.undoChange(id: edit.id)
        let course = try store.courses.course(code: "mini-2024")
        let placeholder = try #require(try store.rosters.roster(courseID: course.id!).first { $0.participant.code.hasPrefix("X-") })
        #expect(placeholder.participant.displayName.isEmpty && placeholder.participant.email.isEmpty && placeholder.participant.phone.isEmpty)
        #expect(try store.people.search("nunez").isEmpty)
        let log = try store.changeLog.changes(courseID: course.id!).map { $0.summary + $0.beforeJSON + $0.afterJSON }.joined()
        for secret in Self.secrets { #expect(!log.contains(secret), "\(secret) is in the change log") }
    }

    @Test func aWalkInCannotBeMergedIntoAnErasedPlaceholder() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        let jose = try store.people.participant(code: "T-001")
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        let session = try store.courses.session(course: course, key: "pm")
        let (walkIn, _) = try store.kiosk.registerWalkIn(courseID: course.id!, sessionID: session.id!, givenName: "José",
                                                   familyName: "Núñez", agency: "", country: "")
        #expect(throws: MusterError.self) { try store.nominations.mergeWalkIn(courseID: course.id!, walkInID: walkIn.personID, into: jose.id!) }
        #expect(try store.people.personDetails(id: jose.id!).participant.displayName.isEmpty)
    }

    @Test func anOldAttendanceExportCannotRecreateThemUnlessAsked() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        _ = try history(store, clock)
        let csv = TableDocument.render(header: AttendanceExport.longColumns,
                                       rows: try AttendanceExport.longRows(store: store, courseCode: "mini-2024"), format: .csv)
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        let version = try RetentionTests.dump(store)
        for dryRun in [true, false] {
            #expect(throws: MusterError.self) {
                try store.rosterImporter.importRoster(data: Data(csv.utf8), name: "old.csv", course: "mini-2024", options: RosterImportOptions(dryRun: dryRun))
            }
        }
        #expect(try RetentionTests.dump(store) == version)
        var allowed = RosterImportOptions()
        allowed.allowErased = true
        try store.rosterImporter.importRoster(data: Data(csv.utf8), name: "old.csv", course: "mini-2024", options: allowed)
        #expect(try store.people.participant(code: "T-001").familyName == "Núñez")
        // The import is in the audit, attributable, and in the returning person's trail.
        let entry = try #require(try store.privacy.audit(courseCode: "mini-2024").last { $0.source == "import" })
        #expect(entry.what.hasPrefix("roster file old.csv: 1 new") && entry.actor == "tester")
        #expect(try store.privacy.personAudit(personID: store.people.participant(code: "T-001").id!).contains { $0.what == "imported from a file" })
    }
}
