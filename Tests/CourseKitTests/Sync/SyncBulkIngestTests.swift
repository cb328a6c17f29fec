@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// A sync bundle big beside the library keeps the derived roster tables set-wise while it is
/// taken in, and rebuilds every course's rows after it (`SyncAPI.importBundle`,
/// `DerivedRoster`). Held to what the per-row triggers leave: a library with marks takes a
/// bundle of the same course grown by 600 people in several roles, statuses, countries and
/// agencies, some of them marked, and afterwards keeps its tables right through the restored
/// triggers.
@Suite struct SyncBulkIngestTests {
    let bulk = ImportBulkTests()
    let files = CourseFileBulkTests()

    /// A bundle of every record of a library holding the mini course, 600 more people and marks
    /// on some of them.
    func bundle(_ dir: TemporaryDirectory) throws -> String {
        let source = try bulk.markedStore(dir)
        try source.courses.importCourse(try files.file(source), upkeep: .perRow)
        let course = try source.courses.course(code: "mini-2024")
        let am = try source.courses.session(course: course, key: "am")
        for code in ["N-0001", "N-0002", "N-0300"] {
            try source.attendance.mark(session: am, person: source.people.person(code: code), status: .present, source: .kiosk)
        }
        let path = dir.file("all.muster-sync")
        try source.syncExport(to: path, courses: [], all: true, sinceLast: nil, passphrase: nil)
        return path
    }

    func take(_ path: String, into store: CourseStore, upkeep: DerivedUpkeep) throws -> SyncImportSummary {
        try store.importBundle(reader: try BundleReader(path: path, passphrase: nil), shown: path, dryRun: false, upkeep: upkeep)
    }

    @Test(arguments: [DerivedUpkeep.setWise, .automatic])
    func setWiseLeavesWhatTheTriggersLeave(upkeep: DerivedUpkeep) throws {
        let sourceDir = TemporaryDirectory("source")
        let path = try bundle(sourceDir)
        let slowDir = TemporaryDirectory("per-row"), fastDir = TemporaryDirectory("set-wise")
        let slow = try bulk.markedStore(slowDir), fast = try bulk.markedStore(fastDir)
        let schemaBefore = try bulk.schema(fast)
        let slowSummary = try take(path, into: slow, upkeep: .perRow)
        let fastSummary = try take(path, into: fast, upkeep: upkeep)
        #expect(fastSummary.addedTotal == slowSummary.addedTotal && fastSummary.addedTotal > 600)
        let rows = try bulk.derived(fast)
        #expect(rows == (try bulk.derived(slow)))
        #expect(rows.filter { $0.contains("N-0") }.count == 600)
        #expect(try bulk.schema(fast) == schemaBefore, "the suspended triggers are back, word for word")
        // The restored triggers keep the tables from here on.
        try bulk.markAfter(slow)
        try bulk.markAfter(fast)
        #expect(try bulk.derived(fast) == bulk.derived(slow))
    }
}
