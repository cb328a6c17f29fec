import CourseKit
import Foundation
import Testing
import TestSupport

/// Reports on the shipped Palau and RCM courses, with figures counted by hand from the course files.
@Suite struct ReportTests {
    let dir = TemporaryDirectory("report")

    /// Palau: the 27 expected participants present at all six sessions, except PW-002 absent from
    /// the core d3-pm, PW-003 absent both d2 sessions, PW-004 late on d1-am, PW-005 excused on d2-pm.
    /// PW-028 is a walk-in: completes, but awaits review before a certificate.
    func palau() throws -> CourseFacts {
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        let course = try store.courses.course(code: "palau-mmc-2024")
        let exceptions: [String: [String: AttendanceStatus]] = [
            "PW-002": ["d3-pm": .absent], "PW-003": ["d2-am": .absent, "d2-pm": .absent],
            "PW-004": ["d1-am": .late], "PW-005": ["d2-pm": .excused],
        ]
        for session in try store.courses.sessions(courseID: course.id!) {
            for e in try store.rosters.roster(courseID: course.id!, expectedOnly: true) where e.enrolment.role == .participant {
                let status = exceptions[e.person.code]?[session.key] ?? .present
                try store.attendance.mark(session: session, person: e.person, status: status, source: .rollcall)
            }
        }
        return try CourseFacts.load(store, code: "palau-mmc-2024")
    }

    @Test func palauNominations() throws {
        let report = CourseReport.build(try palau(), by: [])
        let t = try #require(report.table("Nominations"))
        #expect(
            t.rows == [
                ["Confirmed", "26", "87%", "yes"], ["Declined", "1", "3%", "no"], ["Substituted", "1", "3%", "no"],
                ["Waitlisted", "1", "3%", "no"], ["Walk-in", "1", "3%", "yes"], ["Total", "30", "100%", "27 expected"],
            ])
        #expect(report.table("Nominations against quotas") == nil)
        #expect(report.summary.contains("Staff (not counted below): 2 facilitators"))
        #expect(report.summary.contains("Completion rule: 80% of sessions present or late (5 of 6) and every core session (d1-am, d3-pm)"))
    }

    @Test func palauAttendanceAndCompletion() throws {
        let report = CourseReport.build(try palau(), by: [])
        let sessions = try #require(report.table("Attendance per session"))
        #expect(sessions.row("d1-am")?[1...7] == ["Tue 7 May 09:00", "26", "1", "0", "0", "0", "100%"])
        #expect(sessions.row("d2-pm")?[2...7] == ["25", "0", "1", "1", "0", "93%"])
        #expect(sessions.row("d3-pm")?[2...7] == ["26", "0", "0", "1", "0", "96%"])
        #expect(sessions.notes[0] == "Of 27 expected trainees. Overall: 158 of 162 person-sessions attended (98%).")
        let completion = try #require(report.table("Completion and certificates"))
        #expect(
            completion.rows == [
                ["Expected trainees", "27", "100%"], ["Attended at least one session", "27", "100%"],
                ["Completed", "25", "93%"], ["Eligible for a certificate", "24", "89%"],
                ["Completed, walk-in awaiting review", "1", "4%"],
            ])
    }

    @Test func palauBySex() throws {
        let t = try #require(CourseReport.build(try palau(), by: [.sex]).table("By sex"))
        #expect(t.header == ["SEX", "NOMINATED", "EXPECTED", "SHARE", "ATTENDANCE", "COMPLETED", "COMPLETION", "CERTIFICATES"])
        #expect(
            t.rows == [
                ["Female", "15", "15", "56%", "98%", "14", "93%", "13"],
                ["Male", "14", "11", "41%", "97%", "10", "91%", "10"],
                ["Not disclosed", "1", "1", "4%", "100%", "1", "100%", "1"],
                ["Total", "30", "27", "100%", "98%", "25", "93%", "24"],
            ])
    }

    @Test func palauCertificatesAndWideExport() throws {
        let facts = try palau()
        let eligible = Certificates.eligible(facts)
        #expect(eligible.count == 24)
        #expect(!eligible.map(\.code).contains("PW-002") && !eligible.map(\.code).contains("PW-028"))
        #expect(eligible.first { $0.code == "PW-005" }.map { ($0.attended, $0.sessions) } ?? (0, 0) == (5, 6))
        let header = WideAttendanceExport.columns(facts)
        #expect(header[8...13] == ["d1-am", "d1-pm", "d2-am", "d2-pm", "d3-am", "d3-pm"])
        let rows = Dictionary(uniqueKeysWithValues: WideAttendanceExport.rows(facts).map { ($0[0], $0) })
        #expect(rows["PW-002"]?[8...] == ["P", "P", "P", "P", "P", "A", "5", "6", "83.3", "no", "d3-pm"])
        #expect(rows["PW-004"]?[8...] == ["L", "P", "P", "P", "P", "P", "6", "6", "100.0", "yes", ""])
        #expect(rows["PW-010"]?[7...] == ["declined", "", "", "", "", "", "", "0", "6", "0.0", "no", "d1-am d3-pm"])
    }

    func rcm() throws -> CourseFacts {
        let store = try importStore(dir, courses: ["rcm-migration-policies-2020"])
        return try CourseFacts.load(store, code: "rcm-migration-policies-2020")
    }

    @Test func rcmQuotasFiveOfficialsPerCountry() throws {
        let t = try #require(CourseReport.build(try rcm(), by: []).table("Nominations against quotas"))
        #expect(t.header == ["COUNTRY", "PLACES", "FILLED", "NOTE", "OF WHICH"])
        #expect(t.rows.count == 11)
        // GT-005 declined: her place is free; GT-004 is still only nominated but holds one.
        #expect(t.row("Guatemala") == ["Guatemala", "4/5", "80%", "1 open", "3 confirmed · 1 nominated · 1 declined"])
        #expect(t.row("Nicaragua") == ["Nicaragua", "4/5", "80%", "1 open", "4 confirmed"])
        #expect(t.row("Costa Rica") == ["Costa Rica", "5/5", "100%", "full", "5 confirmed · 1 substituted"])  // CR-004 by CR-006
        #expect(t.row("Mexico") == ["Mexico", "5/5", "100%", "full", "5 confirmed · 1 waitlisted"])  // MX-006 waitlisted
        #expect(t.row("United States") == ["United States", "5/5", "100%", "full", "4 confirmed · 1 nominated"])
    }

    @Test func rcmBySexAndRole() throws {
        let report = CourseReport.build(try rcm(), by: [.sex, .role])
        let sex = try #require(report.table("By sex"))
        #expect(
            sex.rows.map { Array($0[0...3]) } == [
                ["Female", "36", "34", "55%"], ["Male", "30", "26", "42%"],
                ["Not disclosed", "2", "2", "3%"], ["Total", "68", "62", "100%"],
            ])
        let role = try #require(report.table("By role"))
        #expect(role.rows.map { Array($0[0...2]) } == [["Participant", "63", "57"], ["Observer", "5", "5"], ["Total", "68", "62"]])
        #expect(sex.row("Total")?[4...] == ["0%", "0", "0%", "0"])  // no attendance recorded yet
    }

    @Test func periodReportAcrossCourses() throws {
        let store = try importStore(dir, courses: ["palau-mmc-2024", "rcm-migration-policies-2020", "webinar-2024"])
        let facts = try store.courses.courses().map { try CourseFacts.load(store, code: $0.code) }
        let all = PeriodReport.build(facts, from: nil, to: nil, by: [.sex])
        let courses = try #require(all.table("Courses"))
        #expect(courses.rows.map(\.[0]) == ["rcm-migration-policies-2020", "palau-mmc-2024", "webinar-2024", "Total"])
        #expect(courses.row("palau-mmc-2024")?[1...4] == ["7–9 May 2024", "6", "27", "56%"])
        #expect(courses.row("Total")?[3] == "93")  // 62 + 27 + 4
        #expect(all.table("By sex")?.row("Total")?[1...2] == ["102", "93"])  // 68 + 30 + 4 nominated
        let y2024 = PeriodReport.build(facts, from: CalendarDate(iso: "2024-01-01"), to: CalendarDate(iso: "2024-05-31"), by: [])
        #expect(y2024.table("Courses")?.rows.map(\.[0]) == ["palau-mmc-2024"])
        #expect(y2024.title == "Courses from 2024-01-01 to 2024-05-31")
    }

    @Test func markdownAndCSVEscapeWhatTheyMust() throws {
        let table = ReportTable(
            title: "By agency", header: ["AGENCY", "N"], rows: [["A|B *x* <b>", "1"], ["=cmd()", "2"]], numeric: [1])
        let report = Report(title: "T_1", summary: ["s"], tables: [table])
        #expect(report.markdown().contains("| A\\|B \\*x\\* \\<b\\> | 1 |"))
        #expect(report.markdown().contains("|:---|---:|"))
        #expect(report.markdown().hasPrefix("# T\\_1\n"))
        // Names that a Markdown viewer would turn into a link, strike-through, an entity or a
        // mail link stay text (issue 21, item 8).
        let names = ReportTable(
            title: "People", header: ["NAME"],
            rows: [["[Ana](http://evil.example)"], ["~~Tellei~~"], ["AT&amp;T"], ["ana@x.org"], ["![x](y)"]],
            numeric: [])
        let md = Report(title: "t", summary: [], tables: [names]).markdown()
        for escaped in [#"\[Ana\](http://evil.example)"#, #"\~\~Tellei\~\~"#, #"AT\&amp;T"#, #"ana\@x.org"#, #"\!\[x\](y)"#] {
            #expect(md.contains("| \(escaped) |"), "\(md)")
        }
        #expect(report.csv().contains("'=cmd(),2\r\n"))
        #expect(report.csv(bom: true).hasPrefix("\u{FEFF}T_1\r\n"))
    }
}
