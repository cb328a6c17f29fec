import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// `s` on the course list: every session of every course in time order; Enter takes its roll call.
@Suite struct SessionListTests {
    @Test func listsEverySessionInTimeOrderAndOpensItsRollCall() throws {
        let d = try AppDriver.shipped()
        d.press(.char("s"))
        guard case .sessions(let s) = d.state.top else {
            Issue.record("no session list")
            return
        }
        let starts = s.rows.map(\.session.start)
        #expect(starts == starts.sorted())
        #expect(Set(s.rows.map(\.course.code)).count == 5)
        #expect(d.screenText.contains("Muster › Sessions"))
        // It opens on the next session by the driver's clock (2024-05-07 08:00 in Palau): Palau's first.
        let now = TestClock()()
        #expect(s.table.selection == s.rows.firstIndex { $0.session.end > now })
        #expect(s.selected?.course.code == "palau-mmc-2024")
        #expect(s.selected?.session.key == "d1-am")
        d.press(.char("g"), .enter)
        let first = s.rows[0]
        #expect(d.rollCall?.courseCode == first.course.code)
        #expect(d.rollCall?.data?.session.key == first.session.key)
        d.press(.char("q"))
        guard case .sessions = d.state.top else {
            Issue.record("q did not go back to the session list")
            return
        }
    }

    @Test func showsLoadingThenNothingForAnEmptyLibrary() throws {
        let d = try AppDriver(courses: [])
        d.press(.char("s"))
        #expect(d.screenText.contains("No sessions in any course yet"))
    }
}

/// The session list as drawn: 80×24 and the minimum size, colour, monochrome and ASCII.
@Suite struct SessionListSnapshotTests {
    @Test(arguments: [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))])
    func sessionList(name: String, size: Size) throws {
        let d = try AppDriver.shipped(size: size)
        d.press(.char("s"))
        d.checkSnapshot("sessions-\(name)", asciiFree: ["›", "…"])
    }
}
