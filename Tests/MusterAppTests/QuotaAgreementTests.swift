import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The nominations screen and `muster report` count quotas with one function (`QuotaCount`):
/// for every shipped course, and after random nomination changes, they say the same of every quota.
@Suite struct QuotaAgreementTests {
    static var courseFiles: [String] {
        let dir = Fixtures.coursesDirectory
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The report's "PLACES" cell of each quota, in the course's quota order.
    func reportPlaces(_ store: CourseStore, _ code: String) throws -> [String] {
        let facts = try CourseFacts.load(store, code: code)
        let report = CourseReport.build(facts, by: [])
        guard let table = report.tables.first(where: { $0.title == "Nominations against quotas" }) else { return [] }
        return table.rows.map { $0[1] }
    }

    /// What the nominations screen shows for each quota, in the same order.
    func screenPlaces(_ d: AppDriver, _ code: String) throws -> [String] {
        guard case .nominations(let n) = d.state.top else {
            Issue.record("no nominations screen")
            return []
        }
        let facts = try CourseFacts.load(d.store, code: code)
        return facts.quotas.map { q in
            n.lines.first { $0.scope == q.scope && $0.key == q.key }.map { "\($0.used)/\($0.limit ?? 0)" } ?? "0/\(q.limit)"
        }
    }

    @Test(arguments: courseFiles)
    func screenAndReportAgreeOnEveryShippedCourse(file: String) throws {
        let yaml = try String(contentsOfFile: Fixtures.coursesDirectory + "/" + file, encoding: .utf8)
        let d = try AppDriver(courses: [yaml])
        let code = try #require(try d.store.courses.courses().first?.code)
        d.press(.enter, .char("n"))
        #expect(try screenPlaces(d, code) == reportPlaces(d.store, code))
    }

    /// RCM with an agency quota added, then nominations moved at random: after each move the
    /// screen (reloaded) and the report still agree, and every quota's count is the number of
    /// participants nominated or confirmed in its group.
    @Test(.seeded) func theyStillAgreeAfterRandomNominationChanges() throws {
        var random = SeededRandom()
        let yaml = try String(contentsOfFile: Fixtures.coursesDirectory + "/rcm-migration-policies-2020.yaml", encoding: .utf8)
            .replacingOccurrences(of: "quotas:\n", with: "quotas:\n- scope: agency\n  key: gt-segeplan\n  limit: 1\n")
        let d = try AppDriver(courses: [yaml])
        let code = "rcm-migration-policies-2020"
        let course = try d.store.courses.course(code: code)
        let statuses: [NominationStatus] = [.nominated, .confirmed, .declined, .withdrawn, .waitlisted]
        for _ in 0..<12 {
            let roster = try d.store.rosters.roster(courseID: course.id!).filter { $0.enrolment.role == .participant }
            let entry = roster[Int(random.next() % UInt64(roster.count))]
            let to = statuses[Int(random.next() % UInt64(statuses.count))]
            if to != entry.enrolment.status {
                try d.store.nominations.setNominationStatus(courseID: course.id!, personID: entry.person.id!, to: to)
            }
            d.press(.enter, .char("n"))
            let facts = try CourseFacts.load(d.store, code: code)
            let expected = facts.quotas.map { q -> String in
                let inGroup = facts.roster.filter { e in
                    guard QuotaCount.takesPlace(role: e.enrolment.role, status: e.enrolment.status) else { return false }
                    switch q.scope {
                    case .country: return e.person.country == q.key
                    case .agency:
                        return (e.person.agencyID ?? e.enrolment.nominatedBy).flatMap { facts.agencies[$0]?.code } == q.key
                    }
                }
                return "\(inGroup.count)/\(q.limit)"
            }
            #expect(try screenPlaces(d, code) == expected, random.replay)
            #expect(try reportPlaces(d.store, code) == expected, random.replay)
            d.press(.char("q"), .char("q"))
        }
    }

    /// After quota edits on the screen, the screen and `muster report` count alike.
    @Test func screenAndReportAgreeAfterATUIQuotaEdit() throws {
        let d = try AppDriver.rcm()
        d.press(.char("n"))
        d.selectQuotaLine(.country, "GT")
        d.press(.char("e"))
        d.focusField("limit")
        d.retype("3")
        d.press(.enter)
        d.press(.char("a"), .right, .tab)
        d.type("gt-segeplan")
        d.press(.tab)  // the code is exact: nothing to accept, on to the places
        d.type("1")
        d.press(.enter)
        d.press(.char("q"), .char("n"))
        let code = "rcm-migration-policies-2020"
        let screen = try screenPlaces(d, code)
        #expect(screen.count == 12)
        #expect(screen == (try reportPlaces(d.store, code)))
        #expect(screen.contains("4/3"))
    }
}
