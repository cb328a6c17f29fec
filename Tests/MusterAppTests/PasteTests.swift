import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Issue 13, item 8: a paste goes into a text field, cleaned, and never becomes commands or
/// confirms anything; where no field has the focus it is dropped.
@Suite struct PasteTests {
    @Test func aPasteIntoTheKioskSearchFillsItAndItsNewlineChoosesNobody() throws {
        let k = try KioskDriver()
        k.press(.paste("José\r\n"))
        #expect(k.state.query.text == "José")
        #expect(k.state.phase == .welcome)  // the pasted newline did not choose the first match
        #expect(k.state.matches.map(\.givenName) == ["José"])
        k.press(.enter)
        guard case .confirm = k.state.phase else { Issue.record("Enter did not choose"); return }
        k.press(.paste("y\n"))  // a paste never answers "Is this you?"
        guard case .confirm = k.state.phase else { Issue.record("the paste confirmed"); return }
        #expect(try k.store.attendance.eventCount() == 0)
    }

    @Test func aPasteIntoThePINFieldIsTypedButNotSent() throws {
        let k = try KioskDriver()
        k.press(.function(10))
        k.press(.paste(KioskDriver.pin + "\r"))
        guard case .pin(let field) = k.state.phase else { Issue.record("left the PIN screen"); return }
        #expect(field.text == KioskDriver.pin)
        #expect(!k.quit)
        k.press(.enter)
        #expect(k.quit)
    }

    @Test func aPasteOnTheRollCallMarksNobodyAndOpensNothing() throws {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"))
        let screens = d.state.screens.count
        d.press(.paste("pxPe\n#f?"))
        #expect(try d.storedMark("T-003") == nil)
        #expect(try d.store.attendance.eventCount() == 0)
        #expect(d.state.screens.count == screens)
        #expect(d.state.message?.text == "Paste ignored — no text field here")
        // In the search line the same paste is text: cleaned, one line, Enter not pressed.
        d.press(.char("/"))
        d.press(.paste("Nguy\nễn"))
        #expect(d.screenText.contains("Nguyễn"))
        #expect(try d.store.attendance.eventCount() == 0)
    }
}
