import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

extension AppDriver {
    var nominations: NominationsState? { if case .nominations(let n) = state.top { return n }; return nil }

    /// Moves the nominations screen's selection to the line of `key`.
    func selectQuotaLine(_ scope: QuotaScope, _ key: String) {
        press(.char("g"))
        guard let i = nominations?.lines.firstIndex(where: { $0.scope == scope && $0.key == key }) else { return }
        for _ in 0..<i { press(.char("j")) }
    }

    func quotas(_ code: String = "rcm-migration-policies-2020") throws -> [Quota] {
        try store.nominations.quotas(courseID: store.courses.course(code: code).id!)
    }
}

/// What a coordinator sets on the screens (issue 14): quotas on the nominations screen, with a
/// warning the moment an edit takes one over its limit; a course's programme, organiser,
/// funder and retention; a session's modality and time zone.
@Suite struct QuotaEditingTests {
    @Test func loweringAQuotaBelowItsCountWarnsAtOnceAndUndoes() throws {
        let d = try AppDriver.rcm()
        d.press(.char("n"))
        d.selectQuotaLine(.country, "BZ")
        d.press(.char("e"))
        let form = try #require(d.form)
        #expect(form.title == "Edit quota of Belize")
        #expect(form.value("scope") == "country" && form.value("key") == "BZ" && form.value("limit") == "5")
        d.focusField("limit")
        d.retype("4")
        d.press(.enter)
        #expect(d.form == nil)
        #expect(
            d.state.message
                == StatusMessage(
                    "Belize now 5 of 4 places, over its quota by 1 (nominated + confirmed) · Quota of Belize: 5 → 4 places", isError: true))
        #expect(d.effects.last == "bell")
        #expect(try d.quotas().first { $0.key == "BZ" }?.limit == 4)
        #expect(d.nominations?.lines.first { $0.key == "BZ" }?.standing == .over)
        #expect(d.screenText.contains("5/4 !"))
        d.press(.char("u"))
        #expect(d.state.message?.text == "Undid: quota of Belize: 5 → 4 places")
        #expect(try d.quotas().first { $0.key == "BZ" }?.limit == 5)
        // Raising it again says nothing about quotas.
        d.press(.char("e"))
        d.focusField("limit")
        d.retype("6")
        d.press(.enter)
        #expect(d.state.message == StatusMessage("Quota of Belize: 5 → 6 places"))
    }

    @Test func anAgencyQuotaIsAddedWithCompletionThenRemoved() throws {
        let d = try AppDriver.rcm()
        d.press(.char("n"), .char("a"))
        #expect(d.form?.title == "New quota on RCM Migration Policies 2020")
        d.press(.right)  // scope: agency
        #expect(d.form?.value("scope") == "agency")
        d.press(.tab)
        d.type("segep")
        #expect(d.form?.completion?.accepts == "gt-segeplan")
        #expect(d.screenText.contains("→ SEGEPLAN"))
        d.press(.tab)  // accepts, stays
        #expect(d.form?.value("key") == "gt-segeplan")
        #expect(d.form?.fields[d.form!.focus].id == "key")
        d.press(.tab)
        d.type("1")
        d.press(.enter)
        #expect(try d.quotas().last == Quota(scope: .agency, key: "gt-segeplan", limit: 1))
        let line = try #require(d.nominations?.lines.first { $0.scope == .agency && $0.key == "gt-segeplan" })
        #expect(line.limit == 1)
        if line.used > 1 {
            #expect(d.state.message?.text.hasPrefix("SEGEPLAN now \(line.used) of 1 places, over its quota by \(line.used - 1)") == true)
        }
        d.selectQuotaLine(.agency, "gt-segeplan")
        d.press(.char("d"))
        guard case .confirm = d.state.top else { Issue.record("no question before removing"); return }
        d.press(.char("y"))
        #expect(try d.quotas().contains { $0.scope == .agency } == false)
        #expect(d.state.message?.text == "Removed the quota of SEGEPLAN (1 place)")
    }

    @Test func aSecondQuotaForACountryAndBadPlacesAreRefusedBesideTheirFields() throws {
        let d = try AppDriver.rcm()
        d.press(.char("n"), .char("a"), .tab)
        d.type("Belize")
        d.press(.tab)
        d.type("-2")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "limit" }?.error == "a whole number of places, 0 or more")
        d.focusField("limit")
        d.retype("3")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "key" }?.error == "Belize already has a quota: edit that one (e on its line)")
        #expect(try d.quotas().count == 11)
        d.press(.escape, .char("y"))
        #expect(d.form == nil)
    }

    /// The library's refusal beside its field in the screen's language: Belize in Spanish, and
    /// the sentence from the `Errors` table's Spanish.
    @Test func aSecondQuotaIsRefusedInSpanish() throws {
        let d = try AppDriver.rcm(language: .es)
        d.press(.char("n"), .char("a"), .tab)
        d.type("Belice")
        d.press(.tab)
        d.type("3")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "key" }?.error == "Belice ya tiene un cupo: edite ese (e en su línea)")
    }

    @Test func confirmingOrEnrollingPastAQuotaWarnsWhenItHappens() throws {
        let d = try AppDriver.rcm()
        let course = try d.store.courses.course(code: "rcm-migration-policies-2020")
        try d.store.nominations.saveQuota(
            courseID: course.id!, Quota(scope: .country, key: "GT", limit: 4), replacing: Quota(scope: .country, key: "GT", limit: 5))
        d.press(.char("n"))
        d.selectQuotaLine(.country, "GT")
        d.press(.enter)  // Guatemala's roster: one of them declined
        let declined = try #require(
            try d.store.rosters.roster(courseID: course.id!).first { $0.person.country == "GT" && $0.enrolment.status == .declined })
        for _ in 0..<6 where d.selectedCode != declined.person.code { d.press(.char("j")) }
        d.press(.char("c"))
        #expect(d.state.message?.isError == true, "\(String(describing: d.state.message)) \(d.selectedCode ?? "")")
        #expect(
            d.state.message?.text.hasPrefix(
                "Guatemala now 5 of 4 places, over its quota by 1 (nominated + confirmed) · \(declined.person.code)") == true)
        d.press(.char("u"))
        #expect(d.state.message?.text.hasPrefix("Undid:") == true)
        // The enrolment form's status says it too.
        d.press(.char("e"))
        d.focusField("status")
        for _ in 0..<10 where d.form?.value("status") != "nominated" { d.press(.right) }
        d.press(.enter)
        #expect(d.state.message?.text.hasPrefix("Guatemala now 5 of 4 places") == true)
        // So does adding a person from Guatemala to the roster.
        d.press(.char("u"), .char("a"))
        d.focusField("givenName")
        d.retype("José")
        d.focusField("familyName")
        d.retype("Ñúñez O'Neil-Smith")
        d.focusField("country")
        d.retype("Guatemala")
        d.press(.tab, .enter)
        #expect(d.form == nil, "\(d.form?.fields.compactMap(\.error) ?? [])")
        #expect(d.state.message?.text.hasPrefix("Guatemala now 5 of 4 places, over its quota by 1 (nominated + confirmed) · ") == true)
    }
}

@Suite struct CourseAndSessionSettingsTests {
    /// The overview shows a course's programme, organiser and funder where its line has room.
    @Test func theOverviewShowsProgrammeOrganiserAndFunderWhenWide() throws {
        let d = try AppDriver(size: Size(width: 200, height: 24))
        let course = try d.store.courses.course(code: "mini-2024")
        var c = course
        c.programme = "Migración Ordenada"; c.organiser = "OIM"; c.funder = "Fondo Ñandú"
        try d.store.courses.saveCourse(c)
        d.press(.enter)
        #expect(d.screenText.contains(" · Migración Ordenada · by OIM · funded by Fondo Ñandú"))
        d.send(.resized(Size(width: 80, height: 24)))  // room for two of them, each whole
        #expect(d.screenText.contains("Mini Course · 7 May 2024 · 3 expected · Migración Ordenada · by OIM "))
        #expect(!d.screenText.contains("funded by"))
    }

    @Test func programmeOrganiserFunderAndRetentionAreEditedAndExported() throws {
        let d = try AppDriver()
        d.press(.char("e"))  // the course's form
        d.focusField("retention")
        d.retype("5 yrs")
        d.press(.enter)
        #expect(
            d.form?.fields.first { $0.id == "retention" }?.error
                == "retention '5 yrs': the unit must be years, months or days, e.g. '5 years', '18 months' or '90 days'")
        d.retype("18 months")
        d.focusField("programme")
        d.retype("Migración Ordenada")
        d.focusField("organiser")
        d.retype("OIM — Oficina Regional")
        d.focusField("funder")
        d.retype("Fondo Ñandú")
        d.press(.enter)
        #expect(d.form == nil, "\(d.form?.fields.compactMap(\.error) ?? [])")
        let course = try d.store.courses.course(code: "mini-2024")
        #expect(course.programme == "Migración Ordenada" && course.organiser == "OIM — Oficina Regional" && course.funder == "Fondo Ñandú")
        #expect(course.retention == RetentionPeriod(count: 18, unit: .months))
        // The course file export carries them (read back, so quoting does not matter).
        let yaml = try d.store.courses.exportCourse(code: "mini-2024")
        let file = try CourseFileCodec.decode(Data(yaml.utf8), path: "export.yaml")
        #expect(file.programme == "Migración Ordenada" && file.organiser == "OIM — Oficina Regional" && file.funder == "Fondo Ñandú")
        #expect(file.retention == "18 months")
        // And so does `muster export course`, the real binary on the same library.
        let cli = try MusterBinary.run(["export", "course", "mini-2024", "--db", d.dir.file("lib.sqlite")], home: d.dir.path)
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(cli.stdout.contains("programme: Migración Ordenada") && cli.stdout.contains("retention: 18 months"), "\(cli.stdout)")
        // Opening the form again shows them, and emptying retention removes the rule.
        d.press(.char("e"))
        #expect(d.form?.value("retention") == "18 months" && d.form?.value("funder") == "Fondo Ñandú")
        d.focusField("retention")
        d.retype("")
        d.press(.enter)
        #expect(try d.store.courses.course(code: "mini-2024").retention == nil)
    }

    @Test func aSessionsModalityAndZoneAreSetAndItsTimesReadInThatZone() throws {
        let d = try AppDriver()
        d.press(.enter, .char("j"), .char("e"))  // the afternoon session
        d.focusField("modality")
        for _ in 0..<5 where d.form?.value("modality") != "online" { d.press(.right) }
        d.focusField("timeZone")
        d.type("Mars/Olympus")
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "timeZone" }?.error?.hasPrefix("unknown time zone 'Mars/Olympus'") == true)
        d.retype("America/New_York")
        d.focusField("start")
        d.retype("2024-03-10 02:30")  // the clocks skip it in New York
        d.press(.enter)
        #expect(d.form?.fields.first { $0.id == "start" }?.error?.contains("does not exist in America/New_York") == true)
        d.retype("2024-05-07 13:00")
        d.press(.enter)
        #expect(d.form == nil, "\(d.form?.fields.compactMap(\.error) ?? [])")
        let course = try d.store.courses.course(code: "mini-2024")
        let session = try #require(try d.store.courses.sessions(courseID: course.id!).first { $0.key == "pm" })
        #expect(session.modality == .online && session.timeZone == "America/New_York")
        #expect(session.start == (try LocalTime.read("2024-05-07 13:00", in: TimeZone(identifier: "America/New_York")!)))
        // The list shows the modality, and a zone column since this session's differs.
        d.press(.char("q"), .char("s"))
        guard case .sessions = d.state.top else { Issue.record("no session list"); return }
        #expect(d.screenText.contains("ZONE"))
        #expect(d.screenText.contains("America/New_York"))
        #expect(d.screenText.contains("online"))
        // Emptying the zone gives the session back the course's; the ZONE column goes.
        d.press(.char("q"), .enter, .char("j"), .char("e"))
        d.focusField("timeZone")
        #expect(d.form?.value("timeZone") == "America/New_York")
        d.retype("")
        d.press(.enter)
        d.press(.char("q"), .char("s"))
        #expect(!d.screenText.contains("ZONE"))
    }
}

/// Completion in country and agency fields, Ctrl-C on a form, every error at once.
@Suite struct FormCompletionTests {
    @Test func aCountryCompletesOnTabOrRightAtTheEnd() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"), .char("a"))
        d.focusField("country")
        d.retype("hondu")
        #expect(d.form?.completion?.accepts == "Honduras")
        #expect(d.screenText.contains("→ Honduras (HN) · Tab accepts"))
        d.press(.left, .right)  // → inside the text moves the cursor
        #expect(d.form?.value("country") == "hondu")
        d.press(.right)  // → at the end accepts
        #expect(d.form?.value("country") == "Honduras")
        #expect(d.screenText.contains("= Honduras (HN)"))
        d.press(.tab)  // nothing more to accept: the next field
        #expect(d.form?.fields[d.form!.focus].id == "agency")
        d.press(.backTab)
        d.retype("gua")
        #expect(d.form?.completion?.accepts == nil)
        #expect(d.screenText.contains("could be Guadeloupe (GP), Guam (GU), Guatemala (GT)"))
        d.press(.tab)  // several: Tab moves on, the text stays
        #expect(d.form?.fields[d.form!.focus].id == "agency")
        d.type("zzz")
        #expect(d.screenText.contains("no agency matches"))
    }

    @Test func everyErrorShowsAtOnceBesideItsField() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"), .char("a"))
        d.focusField("country")
        d.retype("Atlantis")
        d.focusField("agency")
        d.retype("Nowhere Agency")
        d.press(.enter)
        let errors = Dictionary(uniqueKeysWithValues: (d.form?.fields ?? []).compactMap { f in f.error.map { (f.id, $0) } })
        #expect(errors["country"] == "no country called 'Atlantis': type its name or ISO code (GT)")
        #expect(errors["agency"] == "no agency called 'Nowhere Agency': type its acronym, name or code")
    }

    /// A new person's code is proposed from the country (the next free one, as an import
    /// gives it), follows the country while untouched, and is never typed over.
    @Test func aNewPersonsCodeIsProposedFromTheCountry() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"), .char("a"), .tab)
        let course = try d.store.courses.course(code: "rcm-migration-policies-2020")
        let first = ParticipantCodes.code(prefix: ParticipantCodes.prefix(country: course.country), number: 1)
        #expect(d.form?.value("code").isEmpty == false)
        #expect(d.form?.value("code") == (try d.store.people.proposedCode(country: course.country)))
        #expect(course.country.isEmpty ? d.form?.value("code") == first : true)
        d.press(.escape)  // a proposed code is not typing: closes without asking
        #expect(d.form == nil)
        d.press(.char("a"))
        d.focusField("country")
        d.retype("Guatemala")
        d.press(.tab)
        #expect(d.form?.value("code") == "GT-006")  // GT-001…GT-005 are on the roster
        d.focusField("code")
        d.retype("GT-042")
        d.focusField("country")
        d.retype("Honduras")
        d.press(.tab)
        #expect(d.form?.value("code") == "GT-042")
    }

    @Test func ctrlCOnAChangedFormAsksLikeEsc() throws {
        let d = try AppDriver()
        #expect(d.program.interrupted(in: d.state) == nil)  // the course list: Ctrl-C quits
        d.press(.char("e"))
        #expect(d.program.interrupted(in: d.state) == nil)  // nothing typed: quits too
        d.press(.tab)
        d.retype("A title typed with care")
        let action = try #require(d.program.interrupted(in: d.state))
        d.send(action)
        guard case .confirm = d.state.top else { Issue.record("no question before discarding"); return }
        d.press(.char("n"))
        #expect(d.form?.value("title") == "A title typed with care")
    }
}

/// The new forms and lists as drawn at 80×24.
@Suite struct SettingsSnapshotTests {
    @Test func quotaFormWithACompletion() throws {
        let d = try AppDriver.rcm()
        d.press(.char("n"), .char("a"), .tab)
        d.type("hond")
        d.checkSnapshot("quota-form-completion", asciiFree: ["│", "─", "┌", "┐", "└", "┘", "→", "›"])
    }

    @Test func nominationsAfterAQuotaEdit() throws {
        let d = try AppDriver.rcm()
        d.press(.char("n"))
        d.selectQuotaLine(.country, "BZ")
        d.press(.char("e"))
        d.focusField("limit")
        d.retype("4")
        d.press(.enter)
        d.checkSnapshot("nominations-over-warning", asciiFree: ["│", "─", "✓", "›", "…"])
    }

    @Test func sessionListWithModalityAndAZone() throws {
        let d = try AppDriver()
        let course = try d.store.courses.course(code: "mini-2024")
        var session = try #require(try d.store.courses.sessions(courseID: course.id!).first { $0.key == "pm" })
        session.timeZone = "Asia/Tokyo"
        session.modality = .hybrid
        try d.store.courses.saveSession(session)
        d.press(.char("s"))
        d.checkSnapshot("sessions-zone", asciiFree: ["›", "…"])
    }
}
