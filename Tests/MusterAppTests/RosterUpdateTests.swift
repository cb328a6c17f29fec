import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import MusterDev
import TerminalUI
import Testing
import TestSupport

extension AppDriver {
    var roster: RosterState? {
        for screen in state.screens.screens.reversed() { if case .roster(let s) = screen { return s } }
        return nil
    }

    /// The codes of the rows the roster has loaded, in display order.
    var rosterCodes: [String] {
        guard let r = roster else { return [] }
        return (0..<r.total).compactMap { r.item(at: $0)?.person.code }
    }

    var selectedCode: String? { roster?.selected?.person.code }

    /// A driver on the RCM programme's course file, opened on its overview.
    static func rcm(size: Size = Size(width: 80, height: 24), language: Language = .en) throws -> AppDriver {
        let yaml = try String(contentsOfFile: Fixtures.coursesDirectory + "/rcm-migration-policies-2020.yaml", encoding: .utf8)
        let d = try AppDriver(courses: [yaml], options: AppOptions(language: language), size: size)
        d.press(.enter)
        return d
    }
}

/// The roster browser's commands: sorting, filtering, searching, paging, the matrix, and the
/// nomination keys, driven through `update` with a real library.
@Suite struct RosterUpdateTests {
    @Test func opensSortedByNameAndSortsAndReversesKeepingThePerson() throws {
        let d = try AppDriver()
        d.press(.enter, .char("r"))
        // By folded family name: "a nguyen van", "nunez jose", "oneil smith mary", "tellei ana", then Han after Latin.
        #expect(d.rosterCodes == ["T-003", "T-001", "T-004", "T-005", "T-002"])
        d.press(.char("j"))
        #expect(d.selectedCode == "T-001")
        d.press(.char("s"))  // by code
        #expect(d.roster?.query?.order == RosterOrder(.code))
        #expect(d.rosterCodes == ["T-001", "T-002", "T-003", "T-004", "T-005"])
        #expect(d.selectedCode == "T-001")
        #expect(d.state.message?.text == "Sorted by code")
        d.press(.char("S"))
        #expect(d.rosterCodes == ["T-005", "T-004", "T-003", "T-002", "T-001"])
        #expect(d.selectedCode == "T-001")
        for _ in 0..<7 { d.press(.char("s")) }  // round the columns back to name
        #expect(d.roster?.query?.order == RosterOrder(.name))
    }

    @Test func filtersCombineShowInTheInfoLineAndEscClears() throws {
        let d = try AppDriver()
        d.press(.enter, .char("r"), .char("f"))
        guard case .menu(let menu) = d.state.top else { Issue.record("no filter menu"); return }
        #expect(menu.items.map(\.label).contains("Nomination status"))
        d.press(.char("s"))  // sex → the values with counts
        guard case .menu(let values) = d.state.top else { Issue.record("no value menu"); return }
        #expect(values.items.map(\.label) == ["Anyone", "female", "male"])
        #expect(values.items.map(\.detail) == ["", "3", "2"])
        d.press(.down, .enter)  // female
        #expect(d.rosterCodes == ["T-003", "T-004", "T-005"])
        d.press(.char("f"), .char("r"))  // role
        d.press(.down, .enter)  // the most frequent: participant
        #expect(d.rosterCodes == ["T-003", "T-005"])
        #expect(d.screenText.contains("filter: sex female · participant (Esc clears)"))
        #expect(d.screenText.contains("2 of 5 people"))
        d.press(.escape)
        #expect(d.rosterCodes.count == 5)
        #expect(d.state.message?.text == "Showing everyone")
    }

    @Test func searchJumpsAsYouTypeAndNFindsTheNextMatch() throws {
        let d = try AppDriver()
        d.press(.enter, .char("r"), .char("/"))
        d.type("nunez")
        #expect(d.selectedCode == "T-001")
        #expect(d.frame().text(row: 23).hasPrefix("/nunez"))
        d.press(.escape)
        #expect(d.selectedCode == "T-003")  // back where the search started
        d.press(.char("/"))
        d.type("T-005")
        d.press(.enter)
        #expect(d.selectedCode == "T-005")
        d.press(.char("n"))  // the only match: wraps to itself
        #expect(d.selectedCode == "T-005")
        d.press(.char("/"))
        d.type("zzz")
        #expect(d.frame().text(row: 23).contains("no match"))
    }

    @Test func enterOpensThePersonWithTheirHistory() throws {
        let d = try AppDriver()
        d.press(.enter, .char("r"), .char("j"), .enter)
        guard case .person(let p) = d.state.top else { Issue.record("no person view"); return }
        #expect(p.details?.person.code == "T-001")
        #expect(p.details?.history.map(\.course.code) == ["mini-2024"])
        #expect(d.screenText.contains("José Núñez · T-001 · male · Palau"))
        d.press(.enter)  // the course from the history
        guard case .overview(let o) = d.state.top else { Issue.record("no overview"); return }
        #expect(o.courseCode == "mini-2024")
    }

    @Test func theMatrixShowsMarksTotalsAndScrolls() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        d.press(.char("p"), .char("l"), .enter)  // T-003 present, T-001 late in the morning…
        d.press(.char("k"), .char("d"))
        d.type("11:00")  // …and T-001 left at 11:00
        d.press(.enter, .char("q"), .char("m"))  // back to the overview, then the matrix
        let m = try #require(d.roster)
        #expect(m.mode == .matrix)
        #expect(m.query?.filter == RosterFilter(rollCallOnly: true))
        #expect(d.rosterCodes == ["T-003", "T-001", "T-002"])
        let am = try #require(m.context?.sessions.first?.id)
        #expect(m.totals[am]?.attending == 2)
        #expect(m.marks(of: try d.store.people.person(code: "T-001").id!)[am] == .late)
        let text = d.screenText
        #expect(text.contains("attending"))
        #expect(m.leftEarly(of: try d.store.people.person(code: "T-001").id!) == [am])
        #expect(text.split(separator: "\n").contains { $0.contains("Núñez") && $0.contains("L½") })  // left early shows
        #expect(d.state.top.keyContexts.first == KeyContext.matrix)
        d.press(.char("l"))
        #expect(d.roster?.columnOffset == 1)
        d.press(.char("h"), .char("h"))
        #expect(d.roster?.columnOffset == 0)
        d.press(.char("m"))
        #expect(d.roster?.mode == .list)

        // The list reads no marks; switching to the matrix reads its pages again, with them.
        d.press(.char("q"), .char("r"))
        let list = try #require(d.roster)
        #expect(list.mode == .list && !list.pages.isEmpty)
        #expect(list.pages.values.allSatisfy { !$0.withMarks })
        d.press(.char("m"))
        let matrix = try #require(d.roster)
        #expect(matrix.mode == .matrix && !matrix.pages.isEmpty)
        #expect(matrix.pages.values.allSatisfy { $0.withMarks })
        let t001 = try d.store.people.person(code: "T-001").id!
        #expect(matrix.marks(of: t001)[am] == .late)
        #expect(matrix.leftEarly(of: t001) == [am])
        #expect(d.screenText.split(separator: "\n").contains { $0.contains("Núñez") && $0.contains("L½") })
    }

    /// Reversing the order puts the selected person at the mirrored row, found without counting,
    /// and the rows around them are the ones the reversed order has there.
    @Test func reversingKeepsThePersonAtTheMirroredRow() throws {
        let d = try AppDriver(courses: [])
        try SyntheticData(store: d.store).generateCourse(SyntheticCourseSpec(code: "syn", people: 700, sessions: 2, seed: 5))
        d.send(.start)
        d.press(.enter, .char("r"))
        for _ in 0..<3 { d.press(.pageDown) }
        let before = try #require(d.roster)
        let row = try #require(before.table.selection), person = try #require(before.selected?.person.id)
        d.press(.char("S"))
        let after = try #require(d.roster)
        let query = try #require(after.query)
        #expect(query.order.descending)
        #expect(after.table.selection == 699 - row)
        #expect(after.selected?.person.id == person)
        let expected = try d.store.rosters.rosterPage(query, offset: 0, limit: 700)
        for index in max(0, 699 - row - 20)..<min(700, 699 - row + 20) {
            #expect(after.item(at: index)?.person.id == expected[index].person.id, "row \(index)")
        }
    }

    /// A roster far larger than a page: only pages near the selection are held, and moving to
    /// the end fetches the last page and nothing in between.
    @Test func largeRostersPageFromTheDatabase() throws {
        let d = try AppDriver(courses: [])
        try SyntheticData(store: d.store).generateCourse(SyntheticCourseSpec(code: "syn", people: 2_000, sessions: 3, seed: 11))
        d.send(.start)
        d.press(.enter, .char("r"))
        var r = try #require(d.roster)
        #expect(r.total == 2_000)
        #expect(r.pages.keys.sorted() == [0])
        d.press(.char("G"))
        r = try #require(d.roster)
        #expect(r.table.selection == 1_999)
        #expect(r.item(at: 1_999) != nil)
        #expect(r.pages.count <= 2 * 3 + 1)
        #expect(!r.pages.keys.contains(10))
        #expect(d.screenText.contains("2000/2000"))
        for _ in 0..<30 { d.press(.pageUp) }
        r = try #require(d.roster)
        #expect(r.selected != nil)
        #expect(r.pages.count <= 7)
        d.press(.char("f"), .char("c"))  // country: the most frequent first
        d.press(.down, .enter)
        r = try #require(d.roster)
        #expect(r.total < 2_000 && r.total > 0)
        #expect(r.query?.filter.country != nil)
    }

    @Test func confirmingAndSubstitutingFromTheRosterChangeTheQuotaLineAndUndo() throws {
        let d = try AppDriver.rcm()
        d.press(.char("n"))  // nominations
        guard case .nominations(let n) = d.state.top else { Issue.record("no nominations"); return }
        let gt = try #require(n.lines.firstIndex { $0.key == "GT" && $0.scope == .country })
        for _ in 0..<gt { d.press(.char("j")) }
        d.press(.enter)  // roster of Guatemala's participants
        #expect(d.rosterCodes == ["GT-002", "GT-003", "GT-004", "GT-005", "GT-001"])
        #expect(d.screenText.contains("Guatemala 4/5 · 3 confirmed · 1 nominated · 1 declined"))
        d.press(.char("j"), .char("j"), .char("c"))  // GT-004 confirmed
        #expect(d.state.message?.text == "GT-004 Byron Coyoy Ajú: nominated → confirmed")
        #expect(d.screenText.contains("Guatemala 4/5 · 4 confirmed · 1 declined"))
        #expect(d.selectedCode == "GT-004")
        d.press(.char("c"))
        #expect(d.effects.last == "bell")  // already confirmed

        d.press(.char("g"), .char("t"), .char("s"))  // GT-002: substituted by…
        guard case .menu(let picker) = d.state.top else { Issue.record("no picker"); return }
        #expect(picker.purpose == .substitute(personID: try d.store.people.person(code: "GT-002").id!))
        d.type("joaquin pena")  // MX-006, waitlisted
        d.press(.enter)
        #expect(d.state.message?.text.contains("substituted by MX-006") == true)
        let replaced = try #require(d.rosterCodes.firstIndex(of: "GT-002"))
        d.press(.char("g"))
        for _ in 0..<replaced { d.press(.char("j")) }
        d.press(.enter)  // GT-002's person view says who replaced them
        #expect(d.screenText.contains("RCM Migration Policies 2020: substituted by MX-006 Joaquín Peña Ramírez"))
        d.press(.char("q"))
        #expect(d.screenText.contains("Guatemala 3/5 · 3 confirmed · 1 declined · 1 substituted"))
        d.press(.char("u"))
        #expect(d.state.message?.text.hasPrefix("Undid: GT-002") == true)
        #expect(d.screenText.contains("Guatemala 4/5 · 4 confirmed · 1 declined"))
        d.press(.char("u"), .char("u"))
        #expect(d.screenText.contains("Guatemala 4/5 · 3 confirmed · 1 nominated · 1 declined"))
        #expect(d.state.message?.text == "Nothing to undo: no change made in this run")
    }

    @Test func aWalkInIsMergedIntoAnExistingPerson() throws {
        let d = try AppDriver()
        let course = try d.store.courses.course(code: "mini-2024")
        try d.store.people.savePerson(Person(code: "W-1", givenName: "Jose", familyName: "Nunez"), enrolIn: course.id!, status: .walkIn)
        d.press(.enter, .char("r"), .char("/"))
        d.type("W-1")
        d.press(.enter, .char("M"))
        d.type("T-001")
        d.press(.enter)
        #expect(d.state.message?.text == "Walk-in W-1 Jose Nunez merged into T-001 José Núñez")
        #expect(!d.rosterCodes.contains("W-1"))
        d.press(.char("u"))
        #expect(d.rosterCodes.contains("W-1"))
        d.press(.char("g"), .char("M"))  // not a walk-in: another record is merged into theirs
        guard case .menu(let picker) = d.state.top else { Issue.record("no picker"); return }
        #expect(picker.purpose == .mergePerson(keepID: try d.store.people.person(code: d.selectedCode ?? "").id!))
    }

    @Test func aWalkInsPersonViewNamesWhoTheyMayBe() throws {
        let d = try AppDriver()
        let course = try d.store.courses.course(code: "mini-2024")
        try d.store.people.savePerson(
            Person(code: "W-1", givenName: "José", familyName: "Núñez", country: "PW"), enrolIn: course.id!, status: .walkIn)
        d.press(.enter, .char("r"), .char("/"))
        d.type("W-1")
        d.press(.enter, .enter)
        #expect(d.screenText.contains("Walk-in awaiting review; likely the same as T-001 José Núñez"), "\(d.screenText)")
    }
}
