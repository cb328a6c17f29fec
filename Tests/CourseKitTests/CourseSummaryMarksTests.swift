import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// The course list's attendance rate counts what the overview counts: the marks of the people
/// the roll call expects, summed over the sessions, facilitators and cleared marks left out.
@Suite struct CourseSummaryMarksTests {
    @Test func theSummaryAddsUpTheOverviewsTotals() throws {
        let dir = TemporaryDirectory()
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am")
        let pm = try store.courses.session(course: course, key: "pm")
        func mark(_ session: Session, _ code: String, _ status: AttendanceStatus) throws {
            _ = try store.attendance.mark(session: session, person: store.people.person(code: code), status: status, source: .rollcall)
        }
        #expect(try store.courses.attendanceTotals(courseIDs: [course.id!])[course.id!] == nil)
        try mark(am, "T-001", .present)
        try mark(am, "T-002", .late)
        try mark(am, "T-003", .absent)
        try mark(am, "T-004", .present)  // the facilitator: not in the roll call
        try mark(pm, "T-001", .excused)
        try mark(pm, "T-002", .present)
        try mark(pm, "T-002", .cleared)  // cleared: no longer a mark
        let marks = try #require(store.courses.attendanceTotals(courseIDs: [course.id!])[course.id!])
        let totals = try store.attendance.markTotals(
            RosterQuery(courseID: course.id!, filter: RosterFilter(rollCallOnly: true)))
        let summed = totals.values.reduce(SessionMarkTotals()) {
            SessionMarkTotals(
                present: $0.present + $1.present, late: $0.late + $1.late, excused: $0.excused + $1.excused,
                absent: $0.absent + $1.absent)
        }
        #expect(marks == summed)
        #expect(marks == SessionMarkTotals(present: 1, late: 1, excused: 1, absent: 1))
        #expect(marks.attending == 2 && marks.marked == 4)
    }
}
