import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

extension AppDriver {
    var samePerson: SamePersonState? {
        if case .samePerson(let s) = state.top { return s }
        return nil
    }

    var menu: MenuState? {
        if case .menu(let m) = state.top { return m }
        return nil
    }

    /// Fills the new-person form from the code field: code, names, country, e-mail.
    func fillPerson(code: String, given: String, family: String, country: String, email: String) {
        type(code)
        press(.tab)
        type(given)
        press(.tab)
        type(family)
        press(.tab, .tab)  // sex
        press(.ctrl("u"))
        type(country)
        press(.tab, .tab, .tab)  // agency, position
        type(email)
    }
}

/// The roster's people flows (issue 14, items 2b and 4): adding someone already in the library
/// offers them instead of a second person, `A` enrols someone from the library, and a
/// substitute new to the library is added and nominated in one step.
@Suite struct SamePersonFlowTests {
    /// A driver on the mini course with Bilung Ngirmang in the library but on no roster.
    func miniWithBilung() throws -> (AppDriver, Person) {
        let d = try AppDriver()
        let (bilung, _) = try d.store.people.savePerson(
            Person(code: "X-001", givenName: "Bilung", familyName: "Ngirmang", country: "PW", email: "bilung@example.org"))
        d.press(.enter, .char("r"))
        return (d, bilung)
    }

    @Test func addingSomeoneWithAKnownEmailOffersThemAndEnrolsThemWithoutADuplicate() throws {
        let (d, _) = try miniWithBilung()
        let count = try personRows(d)
        d.press(.char("a"))
        d.fillPerson(code: "T-050", given: "Bilung", family: "Ngirmang", country: "PW", email: "BILUNG@Example.org")
        d.press(.enter)
        let choice = try #require(d.samePerson)
        #expect(choice.candidates.map(\.person.code) == ["X-001"])
        #expect(d.screenText.contains("BILUNG@Example.org is X-001 Bilung Ngirmang's e-mail: the same person."))
        d.press(.char("n"))  // the same e-mail: never a second person
        #expect(d.samePerson?.message?.hasPrefix("Not added: X-001 has the e-mail bilung@example.org") == true)
        #expect(d.effects.last == "bell")
        d.press(.escape)  // back to the form, as typed
        #expect(d.form?.value("code") == "T-050")
        #expect(d.form?.value("email") == "BILUNG@Example.org")
        d.press(.enter, .enter)  // offered again; Enter enrols X-001
        #expect(d.state.message?.text == "Enrolled X-001")
        #expect(d.form == nil && d.samePerson == nil)
        #expect(d.rosterCodes.contains("X-001") && !d.rosterCodes.contains("T-050"))
        #expect(try personRows(d) == count)
    }

    @Test func aNamesakeWithAnotherEmailIsAddedOnlyWhenAsked() throws {
        let (d, _) = try miniWithBilung()
        let count = try personRows(d)
        d.press(.char("a"))
        d.fillPerson(code: "T-050", given: "bilung", family: "NGIRMANG", country: "Palau", email: "b.ngirmang@example.net")
        d.press(.enter)
        let choice = try #require(d.samePerson)
        #expect(choice.candidates.first?.sameNameAndCountry == true && choice.emailTaken == nil)
        #expect(d.screenText.contains("bilung NGIRMANG (PW) may be in the library already:"))
        d.press(.char("n"))
        #expect(d.state.message?.text == "Added T-050 bilung NGIRMANG")
        #expect(d.rosterCodes.contains("T-050") && !d.rosterCodes.contains("X-001"))
        #expect(try personRows(d) == count + 1)
    }

    @Test func someoneAlreadyOnTheRosterIsSaidSo() throws {
        let d = try AppDriver()
        d.press(.enter, .char("r"), .char("a"))
        d.fillPerson(code: "T-051", given: "José", family: "Núñez", country: "PW", email: "")
        d.press(.enter)
        #expect(d.samePerson?.candidates.map(\.person.code) == ["T-001"])
        d.press(.enter)
        #expect(d.samePerson?.message == "T-001 José Núñez is already on this roster (confirmed); Esc goes back to the form.")
        d.press(.escape)
        #expect(d.form?.value("givenName") == "José")
    }

    @Test func addingFromTheLibraryEnrolsAsNominatedOnce() throws {
        let (d, _) = try miniWithBilung()
        d.press(.char("A"))
        #expect(d.menu?.purpose == .enrolFromLibrary)
        d.type("ngirm")
        d.press(.enter)
        #expect(d.state.message?.text == "Enrolled X-001")
        let roster = try d.store.rosters.roster(courseID: try d.store.courses.course(code: "mini-2024").id!)
        #expect(roster.first { $0.person.code == "X-001" }?.enrolment.status == .nominated)
        d.press(.char("A"))
        d.type("ngirm")
        d.press(.enter)
        #expect(d.state.message?.text == "X-001 Bilung Ngirmang is already on this roster (nominated)")
        #expect(d.state.message?.isError == true)
    }

    @Test func aSubstituteNewToTheLibraryIsAddedAndNominatedInOneStep() throws {
        let d = try AppDriver()
        d.press(.enter, .char("r"))
        let count = try personRows(d)
        #expect(d.rosterCodes.first == "T-003")  // Nguyễn Văn A, nominated
        d.press(.char("t"), .char("s"))
        let picker = try #require(d.menu)
        #expect(picker.prompt.hasPrefix("Who replaces Nguyễn Văn A? Palau"))
        // Before typing: the country's people not expected here (T-005, substituted), then "New person…".
        #expect(picker.items.map(\.label) == ["Ana Tellei", "New person…"])
        d.press(.end, .enter)
        #expect(d.form?.title == "New person replacing T-003 Nguyễn Văn A")
        #expect(d.form?.value("country") == "PW")
        d.type("T-010")
        d.press(.tab)
        d.type("Iosefa")
        d.press(.tab)
        d.type("Leota")
        d.press(.enter)
        #expect(d.state.message?.text == "T-003 Nguyễn Văn A substituted by T-010 Iosefa Leota (added)")
        #expect(try personRows(d) == count + 1)
        let rows = (0..<(d.roster?.total ?? 0)).compactMap { d.roster?.item(at: $0) }
        #expect(rows.first { $0.person.code == "T-003" }?.enrolment.status == .substituted)
        #expect(rows.first { $0.person.code == "T-010" }?.enrolment.status == .nominated)
        #expect(d.screenText.contains("substituted → T-010"))
        #expect(d.screenText.contains("nominated for T-003"))
        d.press(.char("u"))  // one change: the newcomer goes too
        #expect(try personRows(d) == count)
        #expect(!d.rosterCodes.contains("T-010"))
    }

    @Test func aNewSubstituteAlreadyInTheLibraryIsOfferedAndSubstitutesThemselves() throws {
        let (d, bilung) = try miniWithBilung()
        let count = try personRows(d)
        d.press(.char("t"), .char("s"))  // T-003, the first row
        #expect(d.menu?.items.map(\.label) == ["Ana Tellei", "Bilung Ngirmang", "New person…"])
        d.press(.end, .enter)
        d.type("T-060")
        d.press(.tab)
        d.type("Bilung")
        d.press(.tab)
        d.type("Ngirmang")
        d.press(.enter)
        let course = try d.store.courses.course(code: "mini-2024")
        let nominee = try d.store.people.person(code: "T-003")
        #expect(d.samePerson?.intent == .substitute(personID: nominee.id!, name: "Nguyễn Văn A", courseID: course.id!))
        #expect(d.samePerson?.candidates.map(\.person.id) == [bilung.id])
        d.press(.char("e"))
        #expect(d.state.message?.text == "T-003 Nguyễn Văn A substituted by X-001 Bilung Ngirmang")
        #expect(d.form == nil && d.samePerson == nil)
        #expect(try personRows(d) == count)
        #expect(d.screenText.contains("substituted → X-001"))
    }

    @Test func theSubstitutePickerListsTheNomineesCountryFirst() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"), .char("/"))
        d.type("barrios")
        d.press(.enter, .char("t"), .char("s"))  // GT-002 Héctor Barrios Cux
        #expect(d.menu?.prompt.contains("Guatemala") == true)
        d.type("pena")
        let labels = d.menu?.items.map(\.label) ?? []
        #expect(labels == ["Fernanda Morales Peña", "Luis Manuel Duarte Peña", "Joaquín Peña Ramírez", "New person…"])
    }

    /// Person rows in the library file, counted directly: "no duplicate" means this did not grow.
    func personRows(_ d: AppDriver) throws -> Int {
        try DatabaseQueue(path: d.store.path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? -1 }
    }
}

/// The choice screen and the roster's substitution and position columns, at 80×24, the minimum
/// 60×16 and 120 columns (where position and role show).
@Suite struct SamePersonSnapshotTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]

    func check(_ d: AppDriver, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        _ = d.checkSnapshot(name, asciiFree: ["│", "─", "┌", "┐", "└", "┘", "✓", "▲", "→"], sourceLocation: sourceLocation)
    }

    /// A new "Jose NÚÑEZ" typed on the mini course's roster, with X-001 "José Nuñez" in the
    /// library beside T-001 "José Núñez": the question with two people to choose from.
    static func twoCandidates(_ options: AppOptions = AppOptions(), size: Size) throws -> AppDriver {
        let d = try AppDriver(options: options, size: size)
        try d.store.people.savePerson(
            Person(code: "X-001", givenName: "José", familyName: "Nuñez", country: "PW", email: "pepe@example.org"))
        d.press(.enter, .char("r"), .char("a"))
        d.fillPerson(code: "T-050", given: "Jose", family: "NÚÑEZ", country: "PW", email: "jnunez@example.net")
        d.press(.enter)
        return d
    }

    @Test(arguments: sizes)
    func choice(name: String, size: Size) throws {
        let d = try Self.twoCandidates(size: size)
        #expect(d.samePerson?.candidates.count == 2)
        check(d, "same-person-\(name)")
    }

    @Test(arguments: sizes + [("120x30", Size(width: 120, height: 30))])
    func rosterColumns(name: String, size: Size) throws {
        let d = try AppDriver(size: size)
        var jose = try d.store.people.person(code: "T-001")
        jose.position = "Immigration officer"
        try d.store.people.savePerson(jose)
        d.press(.enter, .char("r"))
        // T-005 was substituted by T-001 (the course file says so).
        check(d, "roster-people-\(name)")
    }
}
