import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Matching people already known, dry runs, idempotence and all-or-nothing.
@Suite struct ImportMatchingTests {
    let dir = TemporaryDirectory("match")

    @Test func composedAndDecomposedNamesAreOnePerson() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try importCSV(store, "given,family,country\nJose\u{301},NU\u{301}N\u{303}EZ,Palau\n")
        #expect(report.newPeople.isEmpty)
        #expect(report.matched.map(\.code) == ["T-001"])
        #expect(report.matched[0].by == .name)
    }

    @Test func matchOrderIsCodeThenEmailThenName() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try importCSV(
            store,
            """
            code,name,email,country
            T-004,Someone Else,jose.nunez@example.org,PW
            ,Whoever,Jose.Nunez@Example.org ,
            ,"Tellei, Ana",,PW
            ,Ana Tellei,,
            """)
        #expect(report.matched.map(\.code) == ["T-004", "T-001", "T-005"])
        #expect(report.matched.map(\.by) == [.code, .email, .name])
        #expect(report.newPeople.isEmpty)  // line 5: Ana Tellei without a country, found on the roster
    }

    @Test func ambiguousNameIsRejectedAndTheImportRefused() throws {
        // Two Ana Tellei from Palau on the Palau course's roster: PW-001, and one another import
        // added with her own e-mail (a different e-mail is a different person).
        let store = try importStore(dir, courses: ["palau-mmc-2024", "mini-2024"])
        let second = try importCSV(store, "given,family,email,country\nAna,Tellei,ana.t@example.net,PW\n", course: "palau-mmc-2024")
        let code = try #require(second.newPeople.first?.code)
        let before = try libraryCounts(store)
        let text = "given,family,country\nNew,Person,PW\nAna,Tellei,PW\n"
        let preview = try importCSV(store, text, course: "palau-mmc-2024", RosterImportOptions(dryRun: true))
        #expect(
            preview.rejected.map(\.line) == [3]
                && preview.rejected.map(\.reason) == [
                    "matches 2 people by name and country (PW-001, \(code)); add an e-mail address or a participant code"
                ])
        #expect(preview.newPeople.count == 1)
        let error = try #require(throws: MusterError.self) { try importCSV(store, text, course: "palau-mmc-2024") }
        #expect(error.description.hasPrefix("list.csv: 1 row rejected (line 3: matches 2 people"))
        #expect(error.description.contains("nothing was imported"))
        #expect(try libraryCounts(store) == before)
        let partial = try importCSV(store, text, course: "palau-mmc-2024", RosterImportOptions(skipRejected: true))
        #expect(partial.applied && partial.newPeople.count == 1 && partial.rejected.count == 1)
    }

    @Test func dryRunWritesNothingAndPredictsTheRealRun() throws {
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        let before = try libraryCounts(store)
        let path = ImportFixtures.roster("moodle-palau.txt")
        var preview = try store.rosterImporter.importRoster(
            path: path, course: "palau-mmc-2024", options: RosterImportOptions(dryRun: true))
        #expect(try libraryCounts(store) == before)
        #expect(!preview.applied)
        #expect(preview.counts == "new 1 · matched by e-mail 2 · rejected 0 · skipped 0 = 3 rows; updated 0")
        let real = try store.rosterImporter.importRoster(path: path, course: "palau-mmc-2024")
        preview.applied = true
        #expect(real == preview)
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        for (file, course) in [
            ("moodle-palau.txt", "palau-mmc-2024"), ("indico-registrants.csv", "mini-2024"),
            ("zoom-vs1.csv", "webinar-2024"), ("pretix-checkin.csv", "palau-mmc-2024"),
            ("google-forms.csv", "webinar-2024"), ("eventbrite.csv", "webinar-2024"),
        ] {
            let dir = TemporaryDirectory("twice")
            let store = try importStore(dir, courses: [course])
            let first = try store.rosterImporter.importRoster(path: ImportFixtures.roster(file), course: course)
            #expect(!first.changesNothing, "\(file)")
            let counts = try libraryCounts(store)
            let marks = try markLines(store, course: course)
            let second = try store.rosterImporter.importRoster(path: ImportFixtures.roster(file), course: course)
            #expect(second.changesNothing, "\(file): \(second.counts)")
            #expect(second.eventsAlreadyRecorded == first.eventsAdded, "\(file)")
            #expect(second.matched.count == first.matched.count + first.newPeople.count, "\(file)")
            #expect(try libraryCounts(store) == counts, "\(file)")
            #expect(try markLines(store, course: course) == marks, "\(file)")
        }
    }

    @Test func aLaterCorrectionBeatsTheImportAndAReimportDoesNotUndoIt() throws {
        let clock = TestClock()
        let store = try importStore(dir, courses: ["webinar-2024"], clock: clock)
        try store.rosterImporter.importRoster(path: ImportFixtures.roster("zoom-vs1.csv"), course: "webinar-2024")
        clock.advance(seconds: 60)
        let course = try store.courses.course(code: "webinar-2024")
        let vs1 = try store.courses.session(course: course, key: "vs1")
        try store.attendance.mark(session: vs1, person: store.people.person(code: "GT-101"), status: .excused, source: .rollcall)
        try store.rosterImporter.importRoster(path: ImportFixtures.roster("zoom-vs1.csv"), course: "webinar-2024")
        #expect(try markLines(store, course: "webinar-2024").contains("vs1 GT-101 excused"))
    }

    @Test func namesAreSanitisedAndFormulasImportAsText() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try importCSV(
            store,
            """
            given,family,email,phone
            "Ana\u{1B}]0;pwned\u{7}\u{202E}","Bad\r\u{8}Name",evil@example.org,'+680 555 0100
            "=HYPERLINK(""http://x.example"",""Click"")",@SUM(A1),formula@example.org,-2+3

            """)
        #expect(report.newPeople.count == 2)
        let evil = try entry(store, course: "mini-2024", person: report.newPeople[0].code).person
        #expect(evil.givenName == "Ana")
        #expect(evil.familyName == "Bad Name")
        #expect(evil.phone == "+680 555 0100")  // the writer's neutralising apostrophe is taken off again
        let formula = try entry(store, course: "mini-2024", person: report.newPeople[1].code).person
        #expect(formula.givenName == "=HYPERLINK(\"http://x.example\",\"Click\")")
        let csv = CSVWriter().line([formula.givenName, formula.familyName, formula.phone])
        #expect(csv == "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Click\"\")\",'@SUM(A1),'-2+3\r\n")
    }

    @Test func newPeopleKeepTheirCodesAndGetFreeOnes() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try importCSV(
            store,
            """
            code,given,family,country
            ZZ-9,Zed,Zulu,PW
            ,Pia,Ngiraked,PW
            ,Pia,Ngiraked,PW
            ,Mono,,
            """)
        #expect(report.newPeople.map(\.code) == ["ZZ-9", "PW-001", "P-001"])  // line 4 is line 3's person again
        #expect(try store.people.person(code: "P-001").familyName == "")
    }

    @Test func aRepeatedHeaderIsSkippedNotImported() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try importCSV(store, "given,family\nAna,Obak\ngiven,family\nBo,Obak\n")
        #expect(report.newPeople.map(\.name) == ["Ana Obak", "Bo Obak"])
        #expect(report.skipped == [RowProblem(line: 3, RowReason("headerAgain"))])
        #expect(report.skipped.map(\.reason) == ["the header again"])
    }

    @Test func unknownCourseAndMapErrors() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        #expect(throws: MusterError.unknownCourse("nope")) { try importCSV(store, "name\nA B\n", course: "nope") }
        let e = try #require(throws: MusterError.self) {
            try importCSV(store, "name\nA B\n", RosterImportOptions(mappings: ["Nom": .name]))
        }
        #expect(e.description == "list.csv: --map: no column 'Nom' in the header (name)")
        let f = try #require(throws: MusterError.self) {
            try importCSV(store, "name\nA B\n", RosterImportOptions(format: .zoom, mappings: ["name": .name]))
        }
        #expect(f.description == "--map works with --format generic (or auto), not zoom")
        let g = try #require(throws: MusterError.self) { try importCSV(store, "colour,size\nred,9\n") }
        #expect(g.description.hasPrefix("list.csv: not a roster Muster recognises"))
    }
}
