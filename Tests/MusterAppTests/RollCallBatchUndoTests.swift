import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// `u` after `P` takes back the whole batch, not one person of it (issue 13, item 7).
@Suite struct RollCallBatchUndoTests {
    @Test func undoAfterMarkAllPresentUndoesTheWholeBatchAndSaysHowMany() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        d.press(.char("x"))  // T-003 absent, on its own
        d.press(.char("P"), .char("y"))
        #expect(try d.storedMark("T-001") == .present)
        #expect(try d.storedMark("T-002") == .present)
        #expect(d.rollCall?.undoStack.count == 2)  // the single mark, then the batch as one step

        d.press(.char("u"))
        #expect(d.state.message?.text == "Undid 2 marks")
        #expect(try d.storedMark("T-001") == nil)
        #expect(try d.storedMark("T-002") == nil)
        #expect(try d.storedMark("T-003") == .absent)
        #expect(d.rollCall?.countsText == "1/3 marked · 0 present")

        d.press(.char("u"))  // then the single mark before it
        #expect(try d.storedMark("T-003") == nil)
        #expect(d.state.message?.text == "Undid Nguyễn Văn A; now no mark")
    }
}
