import CourseKit
import Foundation
import MusterApp
import MusterDev
import TerminalUI
import Testing
import TestSupport

/// The course list reads attendance rates for the courses near the rows on screen, not for
/// every course: on a library of 1,000 courses that read took half a second after the first
/// frame, with the app waiting on it. Moving down the list reads the rates it comes to.
@Suite struct CourseListRatesTests {
    /// 120 courses of 2 sessions with marks, generated once per test process.
    static let library = LibraryTemplates.Extra(name: "rates-120") { store in
        _ = try SyntheticData(store: store).generateLibrary(
            SyntheticLibrarySpec(people: 150, courses: 120, sessions: 2, events: 600, bigCourse: "syn-big", seed: 5))
    }

    /// The list's first frame needs its first screenfuls: they are read alone (the whole list
    /// of 1,000 courses took 18–27 ms), then the whole list, in the same order.
    @Test func theFirstLoadReadsTheHeadThenTheWholeList() throws {
        let d = try AppDriver(courses: [], extra: Self.library)
        let all = try d.store.courses.courseSummaries()
        #expect(all.count == 120)
        #expect(try d.store.courses.courseSummaries(first: 50) == Array(all.prefix(50)))
        #expect(try d.store.courses.courseSummaries(first: 0).isEmpty)
        let list = try #require(d.courseList)
        #expect(list.courses.map(\.course.code) == all.map(\.course.code))
        d.press(.char("G"))
        // A head arriving after the whole list changes nothing.
        d.send(.courseListHeadLoaded(Array(all.prefix(3))))
        #expect(d.courseList?.courses.count == 120)
        #expect(d.courseList?.selected?.course.code == all.last?.course.code)
    }

    @Test func ratesAreReadForTheRowsNearTheScreen() throws {
        let d = try AppDriver(courses: [], extra: Self.library)
        let list = try #require(d.courseList)
        #expect(list.courses.count == 120)
        let shown = list.courses.filter { list.showsRate($0) }
        // A screen of rows and a screen below it: far fewer than every course.
        #expect(shown.count >= 20 && shown.count <= 2 * 24 + 24, "\(shown.count) rates read")
        #expect(!list.showsRate(list.courses[list.courses.count - 1]))
        // Each rate read is the course's own total, as reading them all gives.
        let ids = list.courses.compactMap(\.course.id)
        let all = try d.store.courses.attendanceTotals(courseIDs: ids)
        for s in shown { #expect(s.marks == (all[s.course.id!] ?? SessionMarkTotals()), "\(s.course.code)") }
        #expect(shown.contains { $0.marks.marked > 0 })

        d.press(.char("G"))
        let end = try #require(d.courseList)
        let last = end.courses[end.courses.count - 1]
        #expect(end.showsRate(last))
        #expect(last.marks == (all[last.course.id!] ?? SessionMarkTotals()))
        #expect(end.courses.filter { end.showsRate($0) }.count < end.courses.count)
    }
}
