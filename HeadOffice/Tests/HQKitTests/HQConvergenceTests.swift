import CourseKit
import Foundation
import Testing
import TestSupport

@testable import HQKit

/// Issue 17's proof: the bundles of several simulated devices (marks, undos, roster edits,
/// nomination changes, walk-ins, new people, an erasure; clocks hours apart; bundles relayed
/// between devices), each ingested twice and in a random order, give the head office the same
/// records, byte for byte, as the SQLite oracle (a fresh library that imported every bundle).
/// A library pulled from the head office has the oracle's synced state (`syncDigest`), and
/// `muster-hq report` gives `muster report --all`'s figures on it. A second head office fed in
/// another order agrees too. Two fresh seeds a run (each run of CI explores new ones; more with
/// `MUSTER_TEST_SEED` in a loop). Replay a seed with `MUSTER_TEST_SEED=0x… scripts/test-hq`.
@Suite(.enabled(if: HQTestServer.configured, "needs MUSTER_HQ_URL: scripts/test-hq starts a PostgreSQL")) struct HQConvergenceTests {
    static let courses = ["palau-mmc-2024", "pacific-migrant-protection-2023", "rcm-migration-policies-2020"]
    static var seeds: [UInt64] { SeededRandom.environmentSeed.map { [$0] } ?? (0..<2).map { _ in SeededRandom.freshSeed() } }

    @Test(arguments: seeds) func ingestInAnyOrderEqualsTheOracle(seed: UInt64) async throws {
        print("HQConvergence: MUSTER_TEST_SEED=0x\(String(seed, radix: 16))")
        var rng = SeededRandom(seed: seed)
        let dir = TemporaryDirectory("muster-hq")
        let bundles = try Devices.play(seed: seed, rng: &rng, dir: dir)
        let oracle = try CourseStore(path: dir.file("oracle.sqlite"), actor: "oracle")
        for summary in try oracle.syncImport(paths: bundles, dryRun: false, passphrase: nil) {
            #expect(summary.refused.isEmpty, "the oracle refused records: \(summary.refused) (seed 0x\(String(seed, radix: 16)))")
        }
        let dimensions = ReportDimension.allCases
        let expectedReport = PeriodReport.build(
            try oracle.courses.courses().map { try CourseFacts.load(oracle, code: $0.code) }, from: nil, to: nil, by: dimensions)
        let expectedRecords = try oracle.syncRecordsDigest()
        let expectedState = try oracle.syncDigest()
        var reports: [Report] = []
        for round in 0..<2 {
            let order = (bundles + bundles).shuffled(using: &rng)
            try await HQTestServer.withDatabase { db in
                for path in order { _ = try await HQIngest.ingest(db, path: path, passphrase: nil) }
                let note = "seed 0x\(String(seed, radix: 16)), round \(round)"
                #expect(try await db.recordsDigest() == expectedRecords, "records differ from the oracle's (\(note))")
                let report = try await HQReport.build(db, from: nil, to: nil, by: dimensions)
                #expect(report == expectedReport, "the head office's report differs from the oracle's (\(note))")
                reports.append(report)
                if round == 0 {
                    let pulled = dir.file("pulled.sqlite")
                    _ = try await HQPull.pull(db, scope: HQPullScope(), to: pulled, actor: "hq")
                    let library = try CourseStore(path: pulled, actor: "hq")
                    #expect(try library.syncDigest() == expectedState, "the pulled library differs from the oracle (\(note))")
                    let pulledReport = PeriodReport.build(
                        try library.courses.courses().map { try CourseFacts.load(library, code: $0.code) }, from: nil, to: nil,
                        by: dimensions)
                    #expect(pulledReport == report, "muster report --all on the pulled library differs (\(note))")
                }
            }
        }
        #expect(reports.count == 2 && reports[0] == reports[1])
    }
}

/// Devices working on their own, exchanging some bundles, each ending with a bundle of all it holds.
enum Devices {
    static let start = Date(timeIntervalSince1970: 1_715_036_400)  // 2024-05-07 08:00 Palau

    static func play(seed: UInt64, rng: inout SeededRandom, dir: TemporaryDirectory) throws -> [String] {
        let count = 2 + Int(rng.next() % 3)
        var clocks: [TestClock] = []
        var stores: [CourseStore] = []
        for i in 0..<count {
            // Clocks up to six hours apart.
            let clock = TestClock(start.addingTimeInterval(Double(Int(rng.next() % 43_200)) - 21_600))
            let store = try CourseStore(path: dir.file("device\(i).sqlite"), actor: "device\(i)", clock: clock.function)
            try HQTestServer.seed(store, courses: HQConvergenceTests.courses)
            clocks.append(clock)
            stores.append(store)
        }
        var bundles: [String] = []
        var erased = false
        func pick<T>(_ items: [T], _ rng: inout SeededRandom) -> T? { items.isEmpty ? nil : items[Int(rng.next() % UInt64(items.count))] }
        for step in 0..<70 {
            let d = Int(rng.next() % UInt64(count))
            let store = stores[d]
            clocks[d].advance(seconds: Double(30 + rng.next() % 600))
            let course = try store.courses.course(code: pick(HQConvergenceTests.courses, &rng)!)
            let sessions = try store.courses.sessions(courseID: course.id!)
            let roster = try store.rosters.roster(courseID: course.id!)
            guard let session = pick(sessions, &rng), let entry = pick(roster, &rng) else { continue }
            do {
                switch rng.next() % 100 {
                case 0..<40:
                    if rng.next() % 4 == 0 {
                        _ = try store.kiosk.checkIn(sessionID: session.id!, personID: entry.person.id!)
                    } else {
                        try store.attendance.mark(
                            session: session, person: entry.person, status: pick([.present, .late, .absent, .excused], &rng)!,
                            source: pick([.rollcall, .kiosk, .cli], &rng)!)
                    }
                case 40..<48:
                    try store.attendance.undo(session: session, person: entry.person, source: .rollcall)
                case 48..<58:
                    var person = entry.person
                    if rng.next() % 2 == 0 {
                        person.country = pick(["PW", "FJ", "TO", "MX"], &rng)!
                    } else {
                        person.sex = pick([.female, .male], &rng)!
                    }
                    _ = try store.people.savePerson(person)
                case 58..<66:
                    _ = try store.nominations.setNominationStatus(
                        courseID: course.id!, personID: entry.person.id!, to: pick([.nominated, .confirmed, .declined, .waitlisted], &rng)!)
                case 66..<72:
                    _ = try store.attendance.markWalkIn(
                        session: session, givenName: pick(["Ana", "José", "李"], &rng)!, familyName: "Walk\(rng.next() % 1000)",
                        country: "PW", status: .present)
                case 72..<74 where !erased:
                    erased = true
                    _ = try store.privacy.erase(code: entry.person.code, reason: "asked", keepStatistics: rng.next() % 2 == 0)
                case 74..<88:
                    let path = dir.file("b\(bundles.count)-d\(d)-s\(step).bundle")
                    _ = try store.syncExport(to: path, courses: [course.code], all: rng.next() % 2 == 0, sinceLast: nil, passphrase: nil)
                    bundles.append(path)
                default:
                    // A device takes another's bundle, so later bundles relay records.
                    if let path = pick(bundles, &rng) { _ = try store.syncImport(paths: [path], dryRun: false, passphrase: nil) }
                }
            } catch let error as MusterError {
                // Refusals a user would meet (an undo with nothing to undo, a status not allowed) are part of the run.
                _ = error
            }
        }
        for (d, store) in stores.enumerated() {
            let path = dir.file("final-d\(d).bundle")
            _ = try store.syncExport(to: path, courses: [], all: true, sinceLast: nil, passphrase: nil)
            bundles.append(path)
        }
        return bundles
    }
}
