import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// The number read off a printed sheet is that row of that sheet (issue 13, item 6): staff rows
/// included, codes still taken as codes, an old sheet noticed, walk-ins from the blank lines.
@Suite struct SheetEntryRowsTests {
    var entry: (AppDriver) -> SheetEntryState? {
        { d in if case .sheetEntry(let e) = d.state.top { e } else { nil } }
    }

    func enter(_ d: AppDriver, _ line: String) {
        d.type(line)
        d.press(.enter)
    }

    /// The sheet `muster sheet` prints for the morning, from the library as it is now.
    func printed(_ d: AppDriver) throws -> SignInSheet {
        let facts = try CourseFacts.load(d.store, code: "mini-2024")
        return SignInSheet.build(facts, session: try d.store.courses.session(course: facts.course, key: "am"))
    }

    @Test func everyPrintedRowNumberMarksThePersonPrintedOnThatRow() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        let sheet = try printed(d)
        #expect(sheet.lines.map(\.code) == ["T-003", "T-001", "T-004", "T-002"])  // the facilitator is row 3
        d.press(.char("#"))
        #expect(entry(d)?.field.text == sheet.sheetID)  // today's id, filled in
        #expect(d.screenText.contains("(today's: Sheet \(sheet.sheetID))"))
        d.press(.enter)
        for line in sheet.lines {
            d.type("\(line.number) p")
            #expect(d.screenText.contains("\(line.number) "), "echoes the row")
            #expect(d.screenText.contains("(\(line.code)) — present? Enter to keep"))
            d.press(.enter)
            #expect(entry(d)?.problem == nil)
            #expect(entry(d)?.log.last?.code == line.code)
        }
        let session = try #require(d.rollCall?.data?.session)
        let marks = try d.store.attendance.marks(sessionID: session.id!)
        for line in sheet.lines {
            #expect(marks[try d.store.people.person(code: line.code).id!]?.source == .paper, "row \(line.number) is \(line.code)")
        }
    }

    @Test func codesAreStillCodes() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        d.press(.char("#"), .enter)
        enter(d, "T-004 p")  // the facilitator, by code
        enter(d, "t-002 x")
        let session = try #require(d.rollCall?.data?.session)
        let marks = try d.store.attendance.marks(sessionID: session.id!)
        #expect(marks[try d.store.people.person(code: "T-004").id!]?.status == .present)
        #expect(try d.storedMark("T-002") == .absent)
    }

    @Test func aSheetPrintedBeforeTheRosterChangedRefusesRowNumbersButTakesCodes() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        let old = try printed(d)
        // Someone new on the roster after printing, sorted second: every later row moves down one.
        let course = try d.store.courses.course(code: "mini-2024")
        try d.store.people.savePerson(
            Person(code: "T-009", givenName: "Abel", familyName: "Aaron", country: "PW"), enrolIn: course.id!, status: .confirmed)
        d.press(.char("q"), .enter)  // back to the overview, and the roll call again
        let now = try printed(d).sheetID
        #expect(now != old.sheetID)
        d.press(.char("#"))
        d.press(.ctrl("u"))
        d.type(old.sheetID)
        d.press(.enter)
        #expect(d.screenText.contains("Sheet \(old.sheetID) is not today's (\(now))"))
        enter(d, "2 p")
        #expect(entry(d)?.problem == "Row numbers are refused on an old sheet — type the code printed on row 2")
        #expect(try d.store.attendance.eventCount() == 0)
        d.press(.ctrl("u"))
        enter(d, "T-001 p")
        #expect(try d.storedMark("T-001") == .present)
    }

    @Test func aWalkInFromABlankLineIsEnrolledAndMarkedFromPaper() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        d.press(.char("#"), .enter)
        enter(d, "+ Ana Maria, Atlantis p")
        #expect(entry(d)?.problem == "“Atlantis” is not a country: write it like Palau or PW")
        d.press(.ctrl("u"))
        d.type("+ Ana Maria, Palau p")
        #expect(d.screenText.contains("New walk-in Ana MARIA, Palau — present? Enter to keep"))
        d.press(.enter)
        let code = try #require(try d.store.people.search("Ana Maria").first { $0.code.hasPrefix("W-") }?.code)
        #expect(code.hasSuffix("-0001"))  // W-<four hex digits of the library's origin>-0001
        let walkIn = try d.store.people.person(code: code)
        #expect(walkIn.givenName == "Ana" && walkIn.familyName == "Maria" && walkIn.country == "PW")
        let course = try d.store.courses.course(code: "mini-2024")
        let enrolment = try #require(try d.store.rosters.roster(courseID: course.id!).first { $0.person.id == walkIn.id })
        #expect(enrolment.enrolment.status == .walkIn)
        let session = try #require(d.rollCall?.data?.session)
        let mark = try #require(try d.store.attendance.marks(sessionID: session.id!)[walkIn.id!])
        #expect(mark.status == .present && mark.source == .paper)
        #expect(d.rollCall?.loadedRows.contains { $0.person.code == code } == true)  // the roll call reloaded
        #expect(entry(d)?.log.last?.code == code)
        enter(d, "2 p")  // the paper's numbering did not move under the walk-in
        #expect(try d.storedMark("T-001") == .present)
    }
}
