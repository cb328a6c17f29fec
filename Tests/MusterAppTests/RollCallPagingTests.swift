import CourseKit
import Foundation
import MusterApp
import MusterDev
import TerminalUI
import Testing
import TestSupport

/// A roll call far larger than a screen holds only the pages near the selection, and every key
/// (moving, marking under a filter, searching, marking everyone, undoing) keeps its rows, its
/// counts and the library in step.
@Suite struct RollCallPagingTests {
    /// Generated once per test process and copied for each test (`LibraryTemplates`).
    static let syntheticCourse = LibraryTemplates.Extra(name: "syn-1000") { store in
        try SyntheticData(store: store).generateCourse(
            SyntheticCourseSpec(code: "syn", people: 1_000, sessions: 2, markedShare: 0, seed: 11))
    }

    func driver() throws -> (AppDriver, expected: [RosterListEntry]) {
        let d = try AppDriver(courses: [], extra: Self.syntheticCourse)
        let course = try d.store.courses.course(code: "syn")
        let session = try #require(try d.store.courses.currentOrNextSession(courseID: course.id!))
        let expected = try d.store.rosters.rosterPage(
            .rollCall(courseID: course.id!, sessionID: session.id!, filter: .all), offset: 0, limit: Int.max)
        d.press(.enter, .enter)  // the course, then its session's roll call
        return (d, expected)
    }

    @Test func onlyThePagesNearTheSelectionAreHeld() throws {
        let (d, expected) = try driver()
        var r = try #require(d.rollCall)
        #expect(r.total == expected.count && expected.count > 500)
        #expect(r.pages.keys.sorted() == [0])
        #expect(r.selectedPerson?.person.id == expected[0].person.id)
        d.press(.char("G"))
        r = try #require(d.rollCall)
        #expect(r.table.selection == expected.count - 1)
        #expect(r.selectedPerson?.person.id == expected.last?.person.id)
        #expect(r.pages.count <= 2 * 3 + 1)
        #expect(d.screenText.contains("\(expected.count)/\(expected.count)"))  // the position, ungrouped
        for _ in 0..<30 { d.press(.pageUp) }
        r = try #require(d.rollCall)
        #expect(r.selectedPerson != nil)
        #expect(r.pages.count <= 7)
    }

    @Test func markingUnderTheUnmarkedFilterBringsTheNextPersonUp() throws {
        let (d, expected) = try driver()
        let n = expected.count, all = Language.en.number(n)
        d.press(.char("G"), .char("p"))  // the last row: present, and nowhere further to go
        #expect(try d.storedMark(expected[n - 1].person.code) == .present)
        #expect(d.rollCall?.countsText == "1/\(all) marked · 1 present")
        d.press(.char("g"), .char("f"), .char("u"))
        #expect(d.rollCall?.total == n - 1)
        #expect(d.rollCall?.selectedPerson?.person.id == expected[0].person.id)
        d.press(.char("p"), .char("x"), .char("p"))
        #expect(try d.storedMark(expected[0].person.code) == .present)
        #expect(try d.storedMark(expected[1].person.code) == .absent)
        #expect(try d.storedMark(expected[2].person.code) == .present)
        #expect(d.rollCall?.total == n - 4)
        #expect(d.rollCall?.selectedPerson?.person.id == expected[3].person.id)
        #expect(d.rollCall?.countsText == "4/\(all) marked · 3 present")
        // Undone, the person is unmarked again and back in the filter, selected.
        d.press(.char("u"))
        #expect(try d.storedMark(expected[2].person.code) == nil)
        #expect(d.rollCall?.total == n - 3)
        #expect(d.rollCall?.selectedPerson?.person.id == expected[2].person.id)
        #expect(d.state.message?.text == "Undid \(expected[2].person.displayName); now no mark")
    }

    @Test func searchFindsSomeoneFarDownTheList() throws {
        let (d, expected) = try driver()
        let target = expected[600].person
        d.press(.char("/"))
        d.type(target.familyName)
        let r = try #require(d.rollCall)
        let found = try #require(r.selectedPerson)
        #expect(found.person.familyName == target.familyName)
        #expect(r.search?.found == true)
        d.press(.enter)
        #expect(d.rollCall?.search == nil)
        #expect(d.rollCall?.lastQuery == target.familyName)
    }

    @Test func everyoneUnmarkedIsMarkedPresentAndOneUndoTakesItBack() throws {
        let (d, expected) = try driver()
        let n = expected.count, all = Language.en.number(n)
        d.press(.char("x"))
        d.press(.char("P"))
        guard case .confirm(let c) = d.state.top else { Issue.record("no confirmation"); return }
        #expect(c.dialog.message.contains("Mark \(Language.en.number(n - 1)) unmarked participants present"))
        d.press(.char("y"))
        #expect(d.rollCall?.countsText == "\(all)/\(all) marked · \(Language.en.number(n - 1)) present")
        #expect(try d.storedMark(expected[0].person.code) == .absent)
        #expect(try d.storedMark(expected[n - 1].person.code) == .present)
        d.press(.char("u"))
        #expect(d.rollCall?.countsText == "1/\(all) marked · 0 present")
        #expect(try d.storedMark(expected[n - 1].person.code) == nil)
    }
}
