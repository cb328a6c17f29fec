import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Who is the same person: a different e-mail or code is always someone else, a name and country
/// alone only suggest a match, and the summary accounts for every row (issue 14, item 1).
@Suite struct ImportIdentityTests {
    let dir = TemporaryDirectory("identity")

    static let threeJoses = """
        given,family,email,country
        José,García Pérez,jose.garcia@example.org,Mexico
        Jose,GARCIA PEREZ,jgarcia@example.mx,MX
        José,García Pérez,jose.garcia.perez@example.com,Mexico

        """

    @Test func sameNameAndCountryWithDifferentEmailsAreDifferentPeople() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let before = try libraryCounts(store)
        let first = try importCSV(store, Self.threeJoses)
        #expect(first.newPeople.map(\.code) == ["MX-001", "MX-002", "MX-003"])
        #expect(first.possibleDuplicates.isEmpty)  // nobody of that name was in the library
        #expect(first.counts == "new 3 · matched 0 · rejected 0 · skipped 0 = 3 rows; updated 0")
        #expect(try libraryCounts(store)[0] == before[0] + 3)
        let second = try importCSV(store, Self.threeJoses)
        #expect(second.changesNothing, "\(second.counts)")
        #expect(second.counts == "new 0 · matched by e-mail 3 · rejected 0 · skipped 0 = 3 rows; updated 0")
        #expect(try libraryCounts(store)[0] == before[0] + 3)
    }

    @Test func aNameAndCountryAloneIsAPossibleDuplicateNeverAMerge() throws {
        // T-001 José Núñez (PW, jose.nunez@example.org) is on mini-2024, not on palau-mmc-2024.
        let store = try importStore(dir, courses: ["mini-2024", "palau-mmc-2024"])
        let offRoster = try importCSV(store, "given,family,country\nJosé,Núñez,PW\n", course: "palau-mmc-2024")
        #expect(offRoster.matched.isEmpty)
        let newJose = try #require(offRoster.newPeople.first?.code)
        #expect(offRoster.possibleDuplicates.map(\.lookalikes) == [["T-001"]])
        #expect(offRoster.counts.hasPrefix("new 0 · matched 0 · possible duplicates 1 (kept as new people) · rejected 0"))
        // On his own course's roster, a different e-mail is still someone else.
        let otherEmail = try importCSV(store, "given,family,email,country\nJosé,Núñez,jnunez@example.net,PW\n")
        #expect(otherEmail.matched.isEmpty)
        #expect(otherEmail.possibleDuplicates.map(\.lookalikes) == [["T-001", newJose]])
        #expect(try store.people.person(code: "T-001").email == "jose.nunez@example.org")
    }

    @Test func aCodeOrEmailWhoseOtherIdentifierDiffersRejectsTheRow() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let before = try libraryCounts(store)
        let text = """
            code,given,family,email
            T-001,José,Núñez,somebody.else@example.org
            T-099,José,Núñez,jose.nunez@example.org
            T-001,José,Núñez,jose.nunez@example.org

            """
        let preview = try importCSV(store, text, RosterImportOptions(dryRun: true))
        #expect(preview.rejected.map(\.line) == [2, 3])
        #expect(preview.rejected[0].reason.contains("different e-mails are different people"))
        #expect(
            preview.rejected[1].reason
                == "e-mail jose.nunez@example.org is T-001's in the library, the file gives code T-099; correct the code or the e-mail")
        #expect(preview.matched.map(\.code) == ["T-001"])
        #expect(throws: MusterError.self) { try importCSV(store, text) }
        #expect(try libraryCounts(store) == before)
    }

    @Test func theCountsSayWhereEveryRowWent() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try importCSV(
            store,
            """
            code,given,family,email,country
            T-002,小龍,李,,
            ,Someone,Else,jose.nunez@example.org,
            ,Nguyễn Văn,A,,PW
            ,Pia,Ngiraked,pia@example.org,PW
            ,Pia,Ngiraked,pia@example.org,PW
            ,Pia,Ngiraked,pia.two@example.org,PW
            code,given,family,email,country
            T-003,Nguyễn Văn,A,wrong@example.org,PW

            """, RosterImportOptions(dryRun: true))
        #expect(report.rows == 8)
        #expect(report.rowsAccounted == report.rows)
        #expect(
            report.counts
                == "new 2 · matched by code 1 · matched by e-mail 1 · matched by name and country 1 · again in the file 2"
                + " · rejected 0 · skipped 1 = 8 rows; updated 1")
    }

    @Test func twoOnTheRosterWithOneNameMakeANameOnlyRowAmbiguous() throws {
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        // Another Ana Tellei from Palau, with her own e-mail: a second person, on the same roster.
        let other = try importCSV(store, "given,family,email,country\nAna,Tellei,ana.t@example.net,PW\n", course: "palau-mmc-2024")
        #expect(other.possibleDuplicates.map(\.lookalikes) == [["PW-001"]])
        let code = try #require(other.newPeople.first?.code)
        let preview = try importCSV(
            store, "given,family,country\nAna,Tellei,PW\n", course: "palau-mmc-2024", RosterImportOptions(dryRun: true))
        #expect(
            preview.rejected.map(\.line) == [2]
                && preview.rejected.map(\.reason) == [
                    "matches 2 people by name and country (PW-001, \(code)); add an e-mail address or a participant code"
                ])
    }
}
