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
            report.quotaWarnings.map { $0.text(in: .en) } == ["Guatemala now 6 of 5 places, over its quota by 1 (nominated + confirmed)"],
            "\(report.quotaWarnings)")
        // Nothing new over: the same file again adds nobody and says nothing about quotas.
        let again = try importCSV(store, two, course: course)
        #expect(!again.notes.contains { $0.contains("over its quota") }, "\(again.notes)")
        let line = try #require(try store.nominations.quotaLines(courseID: store.courses.course(code: course).id!).first { $0.key == "GT" })
        #expect(line.used == 6 && line.standing == .over)
    }

    /// A person edited outside any course (the person view) can move a quota too: moving two
    /// Belizeans to Guatemala fills it, then takes it over, and the second edit says so.
    @Test func aCountryEditedOnThePersonViewWarnsForTheCoursesTheyAreOn() throws {
        let store = try importStore(dir, courses: ["rcm-migration-policies-2020"])
        let course = try store.courses.course(code: "rcm-migration-policies-2020").id!
        func guatemala() throws -> QuotaLine {
            try #require(try store.nominations.quotaLines(courseID: course).first { $0.key == "GT" })
        }
        let start = try guatemala().used
        #expect(start == 4)
        var first = try store.people.person(code: "BZ-005")
        first.country = "GT"
        let (_, filled) = try store.people.savePerson(first)
        #expect(filled.quotaWarnings.isEmpty, "\(filled.quotaWarnings)")
        var second = try store.people.person(code: "BZ-003")
        second.country = "GT"
        let (_, over) = try store.people.savePerson(second)
        #expect(over.quotaWarnings.map { $0.text(in: .en) } == ["Guatemala now 6 of 5 places, over its quota by 1 (nominated + confirmed)"])
        #expect(
            over.quotaWarnings.map { $0.text(in: .es) }
                == ["Guatemala: ahora 6 de 5 plazas, 1 por encima de su cupo (nominadas + confirmadas)"])
        #expect(try guatemala().used == 6)
    }

    /// The one wording of a quota gone over: more places taken, or a lower limit, say it; a
    /// change that leaves the excess as it was, or lessens it, does not.
    @Test func newlyOverWordsMorePlacesTakenAndALowerLimitAlike() {
        func line(_ used: Int, of limit: Int?) -> QuotaLine {
            QuotaLine(scope: .country, key: "HN", country: "HN", label: "Honduras", limit: limit, counts: [.confirmed: used])
        }
        let warning = ["Honduras now 6 of 5 places, over its quota by 1 (nominated + confirmed)"]
        func said(_ summaries: [ChangeSummary]) -> [String] { summaries.map { $0.text(in: .en) } }
        #expect(said(QuotaCount.newlyOver(before: [line(5, of: 5)], after: [line(6, of: 5)])) == warning)
        #expect(said(QuotaCount.newlyOver(before: [line(6, of: 6)], after: [line(6, of: 5)])) == warning)
        #expect(said(QuotaCount.newlyOver(before: [line(6, of: nil)], after: [line(6, of: 5)])) == warning)
        #expect(said(QuotaCount.newlyOver(before: [], after: [line(6, of: 5)])) == warning)
        #expect(QuotaCount.newlyOver(before: [line(7, of: 5)], after: [line(6, of: 5)]).isEmpty)
        #expect(QuotaCount.newlyOver(before: [line(6, of: 5)], after: [line(6, of: 5)]).isEmpty)
        #expect(QuotaCount.newlyOver(before: [line(6, of: 4)], after: [line(6, of: 5)]).isEmpty)
        #expect(QuotaCount.newlyOver(before: [line(4, of: 5)], after: [line(5, of: 5)]).isEmpty)
    }

    /// A quota edited through the store: one logged change that warns when the new limit is
    /// already exceeded, refuses an unknown group or a second quota for one, and undoes.
    @Test func aQuotaIsSavedLoggedWarnedAboutAndUndone() throws {
        let store = try importStore(dir, courses: ["rcm-migration-policies-2020"])
        let course = try store.courses.course(code: "rcm-migration-policies-2020")
        let gt = Quota(scope: .country, key: "GT", limit: 5)
        let lowered = try store.nominations.saveQuota(courseID: course.id!, Quota(scope: .country, key: "GT", limit: 3), replacing: gt)
        #expect(lowered.summary == "quota of Guatemala: 5 → 3 places")
        #expect(
            lowered.quotaWarnings.map { $0.text(in: .en) } == ["Guatemala now 4 of 3 places, over its quota by 1 (nominated + confirmed)"])
        #expect(try store.nominations.quotas(courseID: course.id!).first { $0.key == "GT" }?.limit == 3)
        #expect(throws: ValidationFailure(field: "key", key: "quota.exists", .country("BZ"))) {
            try store.nominations.saveQuota(courseID: course.id!, Quota(scope: .country, key: "BZ", limit: 2))
        }
        #expect(throws: ValidationFailure(field: "key", key: "quota.noAgency", .text("nowhere"))) {
            try store.nominations.saveQuota(courseID: course.id!, Quota(scope: .agency, key: "nowhere", limit: 2))
        }
        let added = try store.nominations.saveQuota(courseID: course.id!, Quota(scope: .agency, key: "gt-segeplan", limit: 9))
        #expect(added.quotaWarnings.isEmpty)
        #expect(try store.nominations.quotas(courseID: course.id!).last == Quota(scope: .agency, key: "gt-segeplan", limit: 9))
        try store.changeLog.undoChange(id: added.id)
        try store.changeLog.undoChange(id: lowered.id)
        #expect(try store.nominations.quotas(courseID: course.id!).count == 11)
        #expect(try store.nominations.quotas(courseID: course.id!).first { $0.key == "GT" }?.limit == 5)
        let removed = try store.nominations.deleteQuota(courseID: course.id!, scope: .country, key: "GT")
        #expect(try store.nominations.quotas(courseID: course.id!).contains { $0.key == "GT" } == false)
        try store.changeLog.undoChange(id: removed.id)
        #expect(try store.nominations.quotas(courseID: course.id!).map(\.key).prefix(7) == ["BZ", "CA", "CR", "DO", "SV", "GT", "HN"])
    }
}
