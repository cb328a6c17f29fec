import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

extension AppDriver {
    var form: FormState? { if case .form(let f) = state.top { return f }; return nil }

    /// Replaces the focused field's text.
    func retype(_ text: String) {
        press(.ctrl("u"))
        type(text)
    }
}

/// The search everywhere, the nominations screen, the forms and deletion, through `update`.
@Suite struct CoordinatorScreensTests {
    @Test func searchEverywhereFindsPeopleInAnyCourseAndOpensThem() throws {
        let d = try AppDriver.shipped()
        d.press(.char("/"))
        guard case .search = d.state.top else { Issue.record("no search screen"); return }
        d.type("renee kes")
        guard case .search(let s) = d.state.top else { return }
        #expect(s.hits.map(\.person.displayName) == ["Renée Kesolei"])
        #expect(s.hits.first?.courses == 1)
        d.press(.enter)
        guard case .person(let p) = d.state.top else { Issue.record("no person"); return }
        #expect(p.details?.history.first?.course.code == "palau-mmc-2024")
        d.press(.char("q"), .escape)
        guard case .courses = d.state.top else { Issue.record("not back at the course list"); return }
    }

    @Test func nominationsListCountriesThenTheirAgencies() throws {
        let d = try AppDriver.rcm()
        d.press(.char("n"))
        guard case .nominations(let n) = d.state.top else { Issue.record("no nominations"); return }
        #expect(n.lines.first?.text() == "Belize 5/5 ✓")
        #expect(d.screenText.contains("11 quotas · 9 full · 0 over · 2 open · places: nominated + confirmed"))
        d.press(.char("j"), .char("E"))  // an agency line: its form
        #expect(d.form?.title == "Edit agency bz-ind")
        d.press(.tab)
        d.retype("Immigration and Nationality Dept.")
        d.press(.enter)
        #expect(d.state.message?.text == "Edited agency bz-ind")
        #expect(try d.store.courses.agencies().first { $0.code == "bz-ind" }?.name == "Immigration and Nationality Dept.")
        d.press(.char("k"), .char("E"))  // a country line: not an agency
        #expect(d.effects.last == "bell")
    }

    /// `c` on the course list: the next run, its code and start proposed; a taken code is
    /// refused on the form; the copy is selected on the list, with its roster when asked.
    @Test func copyingACourseMakesItsNextRun() throws {
        let d = try AppDriver()
        d.press(.char("c"))
        let f = try #require(d.form)
        #expect(f.title == "Copy course mini-2024")
        #expect(f.value("code") == "mini-2025")
        #expect(f.value("startDate") == "2025-05-06")  // a Tuesday, like 7 May 2024
        d.retype("mini-2024")
        d.press(.enter)
        #expect(d.form?.message == "a course 'mini-2024' already exists: choose another code")
        d.retype("mini-2025")
        d.press(.tab, .tab, .char(" "), .enter)
        #expect(d.form == nil)
        guard case .courses(let list) = d.state.top else { Issue.record("not back at the course list"); return }
        #expect(list.selected?.course.code == "mini-2025")
        #expect(d.state.message?.text.hasPrefix("Copied mini-2024 to mini-2025, 2 sessions moved 364 days, ") == true)
        let course = try d.store.courses.course(code: "mini-2025")
        #expect(course.startDate == CalendarDate(year: 2025, month: 5, day: 6))
        let roster = try d.store.rosters.roster(courseID: course.id!)
        #expect(!roster.isEmpty && roster.allSatisfy { $0.enrolment.status == .nominated })
    }

    /// RCM's online course is open from 25 June to 21 August 2020: the overview and the session
    /// list show where it ends, not an afternoon on its first day.
    @Test func aSessionOverSeveralDaysShowsItsRealRange() throws {
        let d = try AppDriver.rcm()
        guard case .overview = d.state.top else { Issue.record("no overview"); return }
        #expect(d.screenText.contains("13:00–21 Aug"))
        #expect(!d.screenText.contains("13:00–18:00"))
        d.press(.char("q"), .char("s"))
        guard case .sessions = d.state.top else { Issue.record("no session list"); return }
        #expect(d.screenText.contains("2020-06-25–2020-08-21"))
        #expect(d.screenText.contains("2020-07-16 10:00–12:00"))
    }

    /// The journey's edit: a session's time, typed in the course's time zone, checked, saved,
    /// shown on the overview, and undone.
    @Test func editingASessionTimeInTheCoursesTimeZone() throws {
        let d = try AppDriver()
        d.press(.enter, .char("j"), .char("e"))
        let f = try #require(d.form)
        #expect(f.title == "Edit session pm")
        #expect(f.value("start") == "2024-05-07 13:00")
        d.press(.tab, .tab, .tab)
        #expect(d.screenText.contains("YYYY-MM-DD HH:MM in Pacific/Palau"))
        d.retype("2024-05-07 25:00")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "start" }?.error?.hasPrefix("not a time") == true)
        d.retype("2024-05-07 14:00")
        d.press(.tab)
        d.retype("2024-05-07 13:30")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "end" }?.error == "ends before it starts")
        d.retype("2024-05-07 17:30")
        d.press(.enter)
        #expect(d.form == nil)
        #expect(d.state.message?.text == "Edited session pm Afternoon")
        #expect(d.screenText.contains("14:00–17:30"))
        d.press(.char("u"))
        #expect(d.screenText.contains("13:00–17:00"))
    }

    @Test func sessionsAreAddedAndDeletedWithAConfirmationButNotWithAttendance() throws {
        let d = try AppDriver()
        d.press(.enter, .char("a"))
        #expect(d.form?.value("key") == "s3")
        d.press(.tab)
        d.type("Evening")
        d.press(.tab, .char(" "))  // kind: the next one
        d.press(.enter)
        #expect(d.state.message?.text == "Added session s3 Evening")
        guard case .overview(let o) = d.state.top else { Issue.record("no overview"); return }
        #expect(o.data?.sessions.count == 3)
        #expect(o.data?.sessions.first { $0.key == "s3" }?.kind == .panel)

        d.press(.char("j"), .char("d"))  // 09:00 like the morning, listed after it
        guard case .confirm(let c) = d.state.top else { Issue.record("no confirmation"); return }
        #expect(c.dialog.message.contains("Delete s3 “Evening”"))
        #expect(c.dialog.defaultButton == "no")
        d.press(.enter)  // No is the default
        #expect(try d.store.courses.sessions(courseID: try d.store.courses.course(code: "mini-2024").id!).count == 3)
        d.press(.char("d"), .char("y"))
        #expect(d.state.message?.text == "Deleted session s3 Evening")

        // With attendance: refused at once, saying why.
        d.press(.char("g"), .enter, .char("p"), .char("q"), .char("g"), .char("d"))
        #expect(d.state.message?.isError == true)
        #expect(d.state.message?.text.contains("attendance log is append-only") == true)
    }

    @Test func addingAPersonToTheRosterAndEditingTheEnrolment() throws {
        let d = try AppDriver()
        d.press(.enter, .char("r"), .char("a"))
        #expect(d.form?.title == "New person on Mini Course")
        d.type("T-009")
        d.press(.tab)
        d.type("Zoë")
        d.press(.tab)
        d.type("Ångström")
        d.press(.tab, .tab)
        d.retype("Narnia")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "country" }?.error == "no country called 'Narnia': type its name or ISO code (GT)")
        d.retype("fiji")
        d.press(.tab)
        d.type("nope")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "agency" }?.error == "no agency called 'nope': type its acronym, name or code")
        d.retype("iom")
        d.press(.enter)
        #expect(d.state.message?.text == "Added T-009 Zoë Ångström")
        #expect(d.rosterCodes.contains("T-009"))

        d.press(.char("/"))
        d.type("angstrom")
        d.press(.enter, .char("e"))
        #expect(d.form?.title == "Enrolment of T-009 Zoë Ångström")
        d.press(.tab, .right)  // status: nominated → confirmed
        d.press(.enter)
        #expect(d.roster?.selected?.enrolment.status == .confirmed)
        d.press(.char("d"), .char("y"))
        #expect(!d.rosterCodes.contains("T-009"))
    }

    @Test func coursesAreAddedFromTheCourseList() throws {
        let d = try AppDriver()
        d.press(.char("a"))
        d.type("new-2025")
        d.press(.tab)
        d.type("A New Course")
        d.press(.tab, .tab)
        d.retype("Europe/Nowhere")
        d.press(.tab)
        d.type("2025-02-30")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "startDate" }?.error == "not a date: use YYYY-MM-DD")
        #expect(d.form?.fields.first { $0.id == "timeZone" }?.error != nil)
        d.retype("2025-02-03")
        d.press(.up)
        d.retype("Europe/Paris")
        d.press(.tab, .tab)
        d.type("2025-02-04")
        d.press(.enter)
        #expect(d.state.message?.text == "Added course new-2025")
        guard case .courses(let list) = d.state.top else { return }
        #expect(list.courses.contains { $0.course.code == "new-2025" })
        d.press(.char("u"))
        #expect(d.state.message?.text == "Undid: added course new-2025")
    }
}
