import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// A status message belongs to the screen it was said on: a cancelled dialog's "Not saved"
/// stays for the screen beneath, and goes when another screen opens or that screen closes.
@Suite struct StatusMessageTests {
    @Test func aCancelledFormsNoteDoesNotFollowOntoTheNextScreen() throws {
        let d = try AppDriver()
        d.press(.char("e"), .escape)
        #expect(d.state.message?.text == "Not saved")  // said for the course list beneath the form
        #expect(d.screenText.contains("Not saved"))
        d.press(.enter)  // the course's overview opens
        guard case .overview = d.state.top else { Issue.record("no overview"); return }
        #expect(d.state.message == nil)
        #expect(!d.screenText.contains("Not saved"))
        d.press(.enter)  // and its roll call
        #expect(d.rollCall != nil)
        #expect(!d.screenText.contains("Not saved"))
    }

    @Test func aScreensMessageGoesWithIt() throws {
        let d = try AppDriver.rcm()
        d.press(.char("r"))  // the roster
        guard case .roster = d.state.top else { Issue.record("no roster"); return }
        let byron = try #require(d.rosterCodes.firstIndex(of: "GT-004"))  // nominated
        for _ in 0..<byron { d.press(.char("j")) }
        d.press(.char("c"))
        let said = try #require(d.state.message?.text)
        #expect(d.state.message?.isError == false)
        #expect(said.contains("→ confirmed"))
        d.press(.char("q"))  // back to the overview: the roster's message does not stand there
        guard case .overview = d.state.top else { Issue.record("not back on the overview"); return }
        #expect(d.state.message == nil)
        #expect(!d.screenText.contains(said))
    }

    @Test func aSavedFormsMessageShowsOnTheScreenItWasFor() throws {
        let d = try AppDriver.rcm()
        d.press(.char("E"))  // the course's form, over the overview
        #expect(d.form != nil)
        d.press(.enter)
        #expect(d.form == nil)
        #expect(d.state.message?.text.hasPrefix("Edited course") == true || d.state.message?.text.hasPrefix("Nothing") == true)
    }
}
