import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// An import that takes a quota over its limit says so in its summary, counted by `QuotaCount`
/// like the nominations screen and the report.
@Suite struct QuotaWarningTests {
    let dir = TemporaryDirectory("quota-warning")

    @Test func anImportThatFillsGuatemalaPastItsQuotaSaysSo() throws {
        let store = try importStore(dir, courses: ["rcm-migration-policies-2020"])
        let course = "rcm-migration-policies-2020"
        let two = """
            given,family,email,country
            Lucía,Ajú Tzoc,lucia.aju@example.gt,Guatemala
            Mario,Xicará Pop,mario.xicara@example.gt,Guatemala
            """
        let report = try importCSV(store, two, course: course)
        #expect(report.applied)
        #expect(
            report.notes.contains("Guatemala: 6 of 5 places taken, over its quota by 1 (places: nominated + confirmed)"), "\(report.notes)")
        // Nothing new over: the same file again adds nobody and says nothing about quotas.
        let again = try importCSV(store, two, course: course)
        #expect(!again.notes.contains { $0.contains("over its quota") }, "\(again.notes)")
        let line = try #require(try store.nominations.quotaLines(courseID: store.courses.course(code: course).id!).first { $0.key == "GT" })
        #expect(line.used == 6 && line.standing == .over)
    }
}
