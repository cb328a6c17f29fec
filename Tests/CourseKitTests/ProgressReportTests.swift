@testable import CourseKit
import Foundation
import LibraryTestSupport
import Synchronization
import Testing
import TestSupport

/// What the library's long work tells a progress line: each stage counted one by one from 1 to
/// its total, in the order the work happens, and the work's result the same as without a listener.
@Suite struct ProgressReportTests {
    /// Every report heard, in order.
    final class Heard: Sendable {
        private let reports = Mutex<[WorkProgress]>([])
        var reporter: ProgressReporter { ProgressReporter { [self] p in reports.withLock { $0.append(p) } } }
        var all: [WorkProgress] { reports.withLock { $0 } }

        /// The stages in the order first heard.
        var stages: [String] {
            all.map(\.stage).reduce(into: []) { if $0.last != $1 { $0.append($1) } }
        }

        /// One stage's reports: counts 1, 2, … without a gap, totals that never shrink, and the
        /// last count at the last total (a sync recording's later rounds make its total grow).
        func expectCounted(_ stage: String, total expected: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
            let heard = all.filter { $0.stage == stage }
            #expect(!heard.isEmpty, "no \(stage) reports", sourceLocation: sourceLocation)
            #expect(heard.map(\.done).elementsEqual(1...max(1, heard.count)), "\(stage): counts skip", sourceLocation: sourceLocation)
            let totals = heard.compactMap(\.total)
            #expect(totals.count == heard.count && totals == totals.sorted(), "\(stage): totals", sourceLocation: sourceLocation)
            #expect(heard.last?.done == heard.last?.total, sourceLocation: sourceLocation)
            if let expected { #expect(heard.last?.total == expected, sourceLocation: sourceLocation) }
        }
    }

    @Test func aRosterImportCountsItsRowsThroughMatchingWritingAndRecording() throws {
        let dir = TemporaryDirectory("progress")
        let store = try importStore(dir, courses: ["mini-2024"])
        let heard = Heard()
        var options = RosterImportOptions()
        options.progress = heard.reporter
        let report = try store.rosterImporter.importRoster(
            data: Data(ImportBulkTests.roster.utf8), name: "big.csv", course: "mini-2024", options: options)
        #expect(heard.stages == ["matching", "writing", "recording for sync"])
        heard.expectCounted("matching", total: report.rows)
        heard.expectCounted("writing")
        heard.expectCounted("recording for sync")

        // The same file into a twin library without a listener: the same outcome.
        let twinDir = TemporaryDirectory("progress-twin")
        let twin = try importStore(twinDir, courses: ["mini-2024"])
        let silent = try twin.rosterImporter.importRoster(data: Data(ImportBulkTests.roster.utf8), name: "big.csv", course: "mini-2024")
        #expect(report.counts == silent.counts)
        #expect(try libraryCounts(store) == libraryCounts(twin))
    }

    @Test func aDryRunCountsOnlyItsMatching() throws {
        let dir = TemporaryDirectory("progress")
        let store = try importStore(dir, courses: ["mini-2024"])
        let heard = Heard()
        var options = RosterImportOptions(dryRun: true)
        options.progress = heard.reporter
        try store.rosterImporter.importRoster(
            data: Data(ImportBulkTests.roster.utf8), name: "big.csv", course: "mini-2024", options: options)
        #expect(heard.stages == ["matching"])
    }

    @Test func aCourseFileCountsItsPeopleAndEnrolments() throws {
        let dir = TemporaryDirectory("progress")
        let store = try CourseStore(path: dir.file("lib.sqlite"), actor: "tester", clock: TestClock().function)
        let file = try CourseFileCodec.read(path: "\(Fixtures.coursesDirectory)/palau-mmc-2024.yaml")
        let heard = Heard()
        try store.courses.importCourse(file, progress: heard.reporter)
        #expect(heard.stages == ["people", "enrolments", "recording for sync"])
        heard.expectCounted("people", total: file.participants?.count)
        heard.expectCounted("enrolments", total: file.participants?.count)
    }

    @Test func aSyncBundleCountsItsRecordsOutAndIn() throws {
        let dir = TemporaryDirectory("progress")
        let a = try importStore(dir, courses: ["mini-2024"])
        let bundle = dir.file("a.bundle")
        let out = Heard()
        let summary = try a.syncExport(to: bundle, courses: [], all: true, sinceLast: nil, passphrase: nil, progress: out.reporter)
        #expect(out.stages == ["writing"])
        out.expectCounted("writing", total: summary.records)

        let b = try CourseStore(path: dir.file("b.sqlite"), actor: "other", clock: TestClock().function)
        let into = Heard()
        try b.syncImport(paths: [bundle], dryRun: false, passphrase: nil, progress: into.reporter)
        #expect(into.stages.first == "merging")
        into.expectCounted("merging", total: summary.records)
        #expect(try a.syncDigest() == b.syncDigest())
    }

    @Test func aPurgeCountsThePeopleItErasesRecordsThemThenRewritesTheFile() throws {
        let dir = TemporaryDirectory("progress")
        let store = try importStore(dir, courses: ["mini-2024"])
        let heard = Heard()
        let summary = try store.privacy.purge(
            endedBefore: CalendarDate(year: 2026, month: 1, day: 1), keepStatistics: false, progress: heard.reporter)
        #expect(summary.people > 1)
        #expect(heard.stages == ["erasing", "recording for sync", "rewriting the library file"])
        heard.expectCounted("recording for sync")
        heard.expectCounted("erasing", total: summary.people)
    }
}
