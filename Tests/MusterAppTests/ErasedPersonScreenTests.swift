import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Someone erased at their request stays on the roster as an anonymous placeholder, listed as
/// "(erased)"; editing it (`E` on the roster, `e` on its person view) says why it cannot be
/// edited instead of opening a form whose blank name could only be refused for the wrong reason
/// (or filled in again).
@Suite struct ErasedPersonScreenTests {
    @Test func editingAnErasedPlaceholderIsRefusedWithItsReason() throws {
        let d = try AppDriver()
        try d.store.privacy.erase(code: "T-001", reason: "asked", keepStatistics: true)
        d.press(.enter, .char("r"))  // the course's overview, then its roster
        guard case .roster = d.state.top else { Issue.record("no roster"); return }
        let row = try #require(d.rosterCodes.firstIndex { $0.hasPrefix("X-") })
        let placeholder = d.rosterCodes[row]
        for _ in 0..<row { d.press(.char("j")) }
        #expect(d.selectedCode == placeholder)
        // Listed as erased, not as a row whose name failed to load.
        let line = try #require(d.screenText.split(separator: "\n").first { $0.contains(placeholder) })
        #expect(line.contains("(erased)"), "\(line)")
        let refusal = "\(placeholder) was erased at their request: an erased record is never edited"
        d.press(.char("E"))
        guard case .roster = d.state.top else { Issue.record("a form opened on the roster"); return }
        #expect(d.state.message == StatusMessage(refusal, isError: true))
        #expect(d.effects.last == "bell")
        d.press(.enter)  // its person view
        guard case .person = d.state.top else { Issue.record("no person view"); return }
        d.press(.char("e"))
        guard case .person = d.state.top else { Issue.record("a form opened on the person view"); return }
        #expect(d.state.message == StatusMessage(refusal, isError: true))
    }
}
