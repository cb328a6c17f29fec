import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// The printed sheet's rows and its id (issue 13, item 6): one order for paper and entry, an id
/// that moves exactly when the rows would be renumbered.
@Suite struct SignInSheetOrderTests {
    @Test func theSheetListsStaffInTheOneOrderAndPrintsItsID() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let facts = try CourseFacts.load(store, code: "mini-2024")
        let am = try store.courses.session(course: facts.course, key: "am")
        let sheet = SignInSheet.build(facts, session: am)
        #expect(sheet.lines.map(\.code) == SignInSheet.order(facts.roster).map(\.person.code))
        #expect(sheet.lines.map(\.code) == ["T-003", "T-001", "T-004", "T-002"])  // T-005 substituted: not expected
        #expect(sheet.rows[2][2] == "O'Neil-Smith, Mary (facilitator)")
        #expect(sheet.heading[3].hasPrefix("Sheet \(sheet.sheetID) — "))
        #expect(sheet.html().contains("Sheet \(sheet.sheetID)"))
        #expect(sheet.sheetID.count == 4 && sheet.sheetID.allSatisfy(\.isHexDigit))
    }

    @Test func theIDIsStableAndChangesWithTheSessionOrTheRows() {
        let codes = ["T-003", "T-001", "T-004", "T-002"]
        let id = SignInSheet.sheetID(sessionKey: "am", codes: codes)
        #expect(SignInSheet.sheetID(sessionKey: "am", codes: codes) == id)
        #expect(SignInSheet.sheetID(sessionKey: "pm", codes: codes) != id)
        #expect(SignInSheet.sheetID(sessionKey: "am", codes: ["T-001", "T-003", "T-004", "T-002"]) != id)
        #expect(SignInSheet.sheetID(sessionKey: "am", codes: codes + ["W-0001"]) != id)
        // FNV-1a, not Swift's per-process seeded Hasher: the same sheet gets this id everywhere.
        #expect(id == "73DB")
    }
}
