import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// What the coordinator's screens show of data protection: courses past their retention period
/// on the course list, and a person's audit trail (nameless once they are erased).
@Suite struct PrivacyScreenTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]

    /// Snapshot in colour; monochrome keeps the same text and roles, and ASCII draws no box glyphs.
    /// Device ids and placeholder codes are random: the snapshot shows them masked, same width.
    func check(_ d: AppDriver, _ name: String, masks: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        let colour = d.frame()
        var text = SnapshotText.render(colour).replacingOccurrences(of: String(d.store.deviceID.prefix(8)), with: "DEVICE01")
        for mask in masks { text = text.replacingOccurrences(of: mask, with: String(repeating: "#", count: mask.count)) }
        assertSnapshot(text, named: name, sourceLocation: sourceLocation)
        let mono = d.frame(theme: .monochrome)
        #expect(
            mono.lines == colour.lines && SnapshotText.roleLines(mono) == SnapshotText.roleLines(colour),
            sourceLocation: sourceLocation)
        let ascii = d.frame(theme: Theme.monochrome.asciiVariant())
        #expect(ascii.isWellFormed && colour.isWellFormed, sourceLocation: sourceLocation)
        #expect(!ascii.lines.joined().contains("│"), sourceLocation: sourceLocation)
    }

    /// The mini course kept for a year (over by 2026), and the same course taught again in 2025
    /// kept for five years.
    static func retentionDriver(size: Size, options: AppOptions = AppOptions()) throws -> AppDriver {
        let expired = Fixtures.miniCourseYAML.replacingOccurrences(
            of: "late_after_minutes: 15\n",
            with: "late_after_minutes: 15\nretention: 1 year\n")
        let kept = expired.replacingOccurrences(of: "mini-2024", with: "mini-2025").replacingOccurrences(
            of: "2024-05-07", with: "2025-05-07"
        )
        .replacingOccurrences(of: "retention: 1 year", with: "retention: 5 years")
        .replacingOccurrences(of: "title: Mini Course", with: "title: Mini Course 2025")
        .replacingOccurrences(of: "T-00", with: "K-00")  // other people
        let clock = TestClock(Date(timeIntervalSince1970: 1_767_225_600))  // 2026-01-01 00:00 UTC
        return try AppDriver(courses: [expired, kept], options: options, size: size, clock: clock)
    }

    @Test(arguments: sizes)
    func courseListMarksCoursesPastRetention(name: String, size: Size) throws {
        let d = try Self.retentionDriver(size: size)
        let text = d.screenText
        #expect(text.contains("RETAIN"))
        #expect(text.contains("PAST: retention period over — muster purge --expired"))
        let rows = d.frame().lines
        #expect(rows.contains { $0.contains("mini-2024") && $0.contains("PAST") })
        #expect(rows.contains { $0.contains("mini-2025") && $0.contains("5y") && !$0.contains("PAST") })
        check(d, "courses-retention-\(name)")
    }

    @Test func theMarkerGoesOnceNobodyOnTheCourseHasANameLeft() throws {
        let d = try Self.retentionDriver(size: Size(width: 80, height: 24))
        try d.store.privacy.purgeExpired(keepStatistics: true)
        d.send(.coursesLoaded(try d.store.courses.courseSummaries()))
        #expect(!d.screenText.contains("PAST"))
    }

    /// José, after a coordinator corrected his e-mail and he was marked late.
    static func personDriver(size: Size) throws -> AppDriver {
        let clock = TestClock()
        // Seeded here: the trail shows this library's device on the import too.
        let d = try AppDriver(size: size, clock: clock, fresh: true)
        var jose = try d.store.people.person(code: "T-001")
        clock.advance(seconds: 600)
        jose.email = "jnunez@example.org"
        try d.store.people.savePerson(jose)
        clock.advance(seconds: 3600)
        let course = try d.store.courses.course(code: "mini-2024")
        try d.store.attendance.mark(
            session: d.store.courses.session(course: course, key: "am"), person: jose, status: .late, source: .rollcall,
            note: "flight delayed")
        return d
    }

    @Test(arguments: sizes)
    func personViewShowsTheAuditTrail(name: String, size: Size) throws {
        let d = try Self.personDriver(size: size)
        d.press(.char("/"))
        d.type("nunez")
        d.press(.enter)
        d.press(.char("t"))
        guard case .person(let s) = d.state.top else { Issue.record("not on the person view"); return }
        #expect(s.showsAudit && s.details?.audit.count == 4)
        let text = d.screenText
        #expect(text.contains("Audit trail") && text.contains("coordinator") && text.contains("rollcall"))
        #expect(text.contains("› mini-2024 am: late (flight delayed)"))  // the newest, in full
        d.press(.char("k"))
        #expect(d.screenText.contains("› e-mail jose.nunez@example.org → jnunez@example.org"))
        check(d, "person-audit-\(name)")
    }

    @Test func theTrailKeyTogglesAndMovesItsOwnSelection() throws {
        let d = try Self.personDriver(size: Size(width: 80, height: 24))
        d.press(.char("/"))
        d.type("nunez")
        d.press(.enter)
        guard case .person(let courses) = d.state.top else { Issue.record("not on the person view"); return }
        #expect(!courses.showsAudit && d.screenText.contains("ATTENDED"))
        d.press(.char("t"))
        guard case .person(let trail) = d.state.top else { return }
        #expect(trail.showsAudit && trail.auditTable.selection == 3)  // the newest change
        d.press(.char("k"), .char("k"))
        guard case .person(let moved) = d.state.top else { return }
        #expect(moved.auditTable.selection == 1 && moved.table.selection == courses.table.selection)
        d.press(.enter)  // nothing to open in the trail
        #expect(d.effects.last == "bell")
        d.press(.char("t"))
        guard case .person(let back) = d.state.top else { return }
        #expect(!back.showsAudit && d.screenText.contains("ATTENDED"))
        #expect(MusterKeyMap.standard.footerHints(for: d.state.top.keyContexts, ascii: false).contains { $0.label == "trail" })
    }

    @Test(arguments: sizes)
    func anErasedPersonsTrailIsNameless(name: String, size: Size) throws {
        let d = try Self.personDriver(size: size)
        try d.store.privacy.erase(code: "T-001", reason: "request of 2026-11-20", keepStatistics: true)
        let placeholder = try #require(
            try d.store.rosters.roster(courseID: d.store.courses.course(code: "mini-2024").id!)
                .first { $0.person.displayName.isEmpty })
        d.press(.enter, .char("r"))
        // The placeholder sorts first (it has no name left to sort by).
        d.press(.enter, .char("t"))
        let text = d.screenText
        #expect(text.contains("Erased \(placeholder.person.code)") && text.contains("erased: request of 2026-11-20"))
        for secret in ["José", "Núñez", "jose.nunez", "jnunez", "flight delayed"] {
            #expect(!text.contains(secret), "\(secret) on the erased person's trail")
        }
        check(d, "person-audit-erased-\(name)", masks: [placeholder.person.code])
    }
}
