import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Whom a person about to be added may already be (issue 14, item 2b): the same e-mail in any
/// case is the same person and is never added twice; the same name and country is offered but
/// may be a namesake; a substitute new to the library is added and nominated in one change.
@Suite struct SamePersonTests {
    let dir = TemporaryDirectory("same-person")

    @Test func theSameEmailInAnotherCaseIsTheSamePersonAndIsNotAddedTwice() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let typed = Person(code: "T-099", givenName: "Pepe", familyName: "Otro", country: "PW", email: "JOSE.Nunez@Example.ORG")
        let found = try store.people.samePerson(as: typed)
        #expect(found.map(\.person.code) == ["T-001"])
        #expect(found.first?.sameEmail == true && found.first?.sameNameAndCountry == false)
        #expect(found.first?.agency?.code == "pw-bim")
        #expect(found.first?.courses.map(\.code) == ["mini-2024"])
        #expect(found.first?.courses.map(\.status) == [.confirmed])
        let before = try libraryCounts(store)
        #expect(throws: ValidationFailure.self) { try store.people.savePerson(typed) }
        do {
            try store.people.savePerson(typed)
        } catch let failure as ValidationFailure {
            #expect(failure.field == "email")
            #expect(failure.message == "T-001 José Núñez has this e-mail: the same person, already in the library")
        }
        #expect(try libraryCounts(store) == before)
    }

    @Test func theSameNameAndCountryIsOfferedButANamesakeMayBeAdded() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        // Case, accents and word order do not count ("NUNEZ Jose"), as in an import.
        let namesake = Person(code: "T-098", givenName: "NUNEZ", familyName: "Jose", country: "PW", email: "another.jose@example.org")
        let found = try store.people.samePerson(as: namesake)
        #expect(found.map(\.person.code) == ["T-001"])
        #expect(found.first?.sameEmail == false && found.first?.sameNameAndCountry == true)
        let (saved, _) = try store.people.savePerson(namesake)
        #expect(saved.code == "T-098")
        // Elsewhere the same name is someone else: not offered.
        let abroad = Person(code: "T-097", givenName: "José", familyName: "Núñez", country: "GT")
        #expect(try store.people.samePerson(as: abroad).isEmpty)
        // Nothing alike: nobody.
        #expect(try store.people.samePerson(as: Person(code: "T-096", givenName: "Zoë", familyName: "Ångström", country: "PW")).isEmpty)
    }

    @Test func threeJosesAreAllOfferedAndTheEmailMatchComesFirst() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        _ = try importCSV(store, ImportIdentityTests.threeJoses)  // MX-001, MX-002, MX-003
        let fourth = Person(code: "MX-104", givenName: "José", familyName: "García Pérez", country: "MX", email: "jose@example.net")
        let namesakes = try store.people.samePerson(as: fourth)
        #expect(namesakes.map(\.person.code) == ["MX-001", "MX-002", "MX-003"])
        #expect(namesakes.allSatisfy { $0.sameNameAndCountry && !$0.sameEmail })
        let again = Person(code: "MX-105", givenName: "Jose", familyName: "Garcia Perez", country: "MX", email: "JGarcia@Example.MX")
        let found = try store.people.samePerson(as: again)
        #expect(found.map(\.person.code) == ["MX-002", "MX-001", "MX-003"])
        #expect(found.map(\.sameEmail) == [true, false, false])
        #expect(found.allSatisfy { $0.sameNameAndCountry })
    }

    @Test func aNewSubstituteIsAddedAndNominatedInOneChangeThatUndoesWhole() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let course = try store.courses.course(code: "mini-2024")
        let ana = try store.people.person(code: "T-003")
        let before = try libraryCounts(store)
        let newcomer = Person(code: "T-010", givenName: "Iosefa", familyName: "Leota", country: "PW", email: "iosefa@example.org")
        let (saved, change) = try store.nominations.substitute(courseID: course.id!, personID: ana.id!, byNew: newcomer)
        #expect(change.summary == "T-003 Nguyễn Văn A substituted by T-010 Iosefa Leota (added)")
        let roster = try store.rosters.roster(courseID: course.id!)
        #expect(roster.first { $0.person.code == "T-003" }?.enrolment.status == .substituted)
        #expect(roster.first { $0.person.code == "T-003" }?.enrolment.substitutedBy == saved.id)
        #expect(roster.first { $0.person.code == "T-010" }?.enrolment.status == .nominated)
        #expect(try libraryCounts(store)[0] == before[0] + 1)
        // The roster browser's rows say who replaced whom.
        let page = try store.rosters.rosterPage(RosterQuery(courseID: course.id!), offset: 0, limit: 50)
        #expect(page.first { $0.person.code == "T-003" }?.substitutedByCode == "T-010")
        #expect(page.first { $0.person.code == "T-010" }?.substituteForCode == "T-003")
        #expect(page.first { $0.person.code == "T-001" }?.substituteForCode == "T-005")
        #expect(page.first { $0.person.code == "T-002" }?.substituteForCode == nil)
        try store.changeLog.undoChange(id: change.id)
        #expect(try libraryCounts(store)[0] == before[0])
        #expect(try store.rosters.roster(courseID: course.id!).first { $0.person.code == "T-003" }?.enrolment.status == .nominated)
        // Someone whose e-mail is in the library already is not a new person.
        let twin = Person(code: "T-011", givenName: "Pepe", familyName: "Otro", email: "jose.nunez@example.org")
        #expect(throws: ValidationFailure.self) { try store.nominations.substitute(courseID: course.id!, personID: ana.id!, byNew: twin) }
        #expect(try libraryCounts(store)[0] == before[0])
    }

    @Test func suggestionsAreTheCountrysPeopleNotExpectedOnTheRosterAgencyFirst() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let course = try store.courses.course(code: "mini-2024")
        let iom = try #require(try store.courses.agencies().first { $0.code == "iom" })
        let (outside, _) = try store.people.savePerson(Person(code: "T-020", givenName: "Bilung", familyName: "Ngirmang", country: "PW"))
        let (iomPerson, _) = try store.people.savePerson(
            Person(code: "T-021", givenName: "Zita", familyName: "Remengesau", country: "PW", agencyID: iom.id))
        // T-005 (substituted) is not expected in the room: they may come back as a substitute.
        let suggested = try store.people.suggestions(country: "PW", agencyID: iom.id, courseID: course.id!).map(\.code)
        #expect(suggested == [iomPerson.code, outside.code, "T-005"])
    }
}
