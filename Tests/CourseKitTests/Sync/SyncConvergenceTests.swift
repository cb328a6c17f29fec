import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 15's first proof: devices that mark, undo, edit rosters, take walk-ins and erase on
/// their own, with clocks a day apart, and swap bundles in any order (duplicated, lost, re-sent),
/// all end with the same library, and it is the library of one process that took in every record.
///
/// Each run: 2–5 devices, each a library file seeded from `courses/`, each with its own clock
/// (skewed up to a day either way, moving as it works). Random steps on random devices, through
/// the store's public calls only. At the end every device exports everything it holds, every
/// device imports everyone's final bundle, and each `syncDigest()` must equal an oracle's: a
/// fresh library seeded the same way that imported all final bundles in one process. Open
/// conflicts must be as many everywhere, and every file must pass `integrity_check`.
///
/// The seed is printed; replay one with
/// `SYNC_SEED=0x… swift test --filter SyncConvergenceTests` (`SYNC_STEPS` changes the length).
@Suite(.serialized) struct SyncConvergenceTests {
    /// `SYNC_SEED` (or `MUSTER_TEST_SEED`) alone, else three fresh seeds.
    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["SYNC_SEED"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let parsed = text.lowercased().hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
            guard let parsed else { fatalError("SYNC_SEED=\(text) is not a decimal or 0x-hex UInt64") }
            return [parsed]
        }
        return SeededRandom.environmentSeed.map { [$0] } ?? (0..<3).map { _ in SeededRandom.freshSeed() }
    }

    static var steps: Int { ProcessInfo.processInfo.environment["SYNC_STEPS"].flatMap { Int($0) } ?? 160 }

    @Test func devicesConvergeOnTheOracle() throws {
        for seed in Self.seeds {
            var run = try SyncRun(seed: seed)
            print("SyncConvergence: \(run.replay)")
            do {
                try run.play(steps: Self.steps)
                try run.finish()
            } catch {
                Issue.record(error, Comment(rawValue: "\(run.replay)\n\(run.lastSteps)"))
            }
        }
    }
}

/// One simulated device: its library file, its clock, and what it has taken in.
final class SyncDevice {
    let name: String
    let clock: TestClock
    let store: CourseStore
    /// Bundles handed to this device and not yet imported, by index into `SyncRun.bundles`.
    var pending: [Int] = []
    /// Bundles lost on the way here; a later step re-sends one.
    var lost: [Int] = []
    /// Bundles imported (at least once).
    var imported: Set<Int> = []
    /// Change-log entries of this device's roster edits, for undoing one.
    var edits: [Int64] = []

    init(name: String, path: String, clock: TestClock, courses: [String]) throws {
        self.name = name
        self.clock = clock
        store = try CourseStore(path: path, actor: name, clock: clock.function)
        try SyncDevice.seed(store, courses: courses)
    }

    /// The same course files every device (and the oracle) starts from, so they agree on the
    /// global ids of what the files define.
    static func seed(_ store: CourseStore, courses: [String]) throws {
        for code in courses {
            try store.courses.importCourse(CourseFileCodec.read(path: "\(Fixtures.coursesDirectory)/\(code).yaml"))
        }
    }
}

/// A bundle written by a device.
struct SyncBundle {
    let path: String
    let from: String
    let step: Int
    let scope: String
}

/// A run: the devices, the bundles written so far, and a log of the steps for the failure message.
struct SyncRun {
    /// The course files the devices start from (three of `courses/`, the small ones: seeding is
    /// most of a short run's time); the steps work on the first two, so edits collide.
    static let courseFiles = ["palau-mmc-2024", "pacific-migrant-protection-2023", "saint-lucia-migration-policy-2025"]
    static let busyCourses = ["palau-mmc-2024", "pacific-migrant-protection-2023"]
    /// 2024-05-08 09:00 in Palau: inside the Palau course.
    static let start = Date(timeIntervalSince1970: 1_715_126_400)

    let seed: UInt64
    var rng: SeededRandom
    let dir = TemporaryDirectory("sync-convergence")
    var devices: [SyncDevice] = []
    var bundles: [SyncBundle] = []
    var log: [String] = []
    var erased = false
    var counts: [String: Int] = [:]

    init(seed: UInt64) throws {
        self.seed = seed
        rng = SeededRandom(seed: seed)
        let n = 2 + Int(rng.next() % 4)
        for i in 0..<n {
            let skew = Double(Int64(rng.next() % 172_800_001) - 86_400_000) / 1000  // ±1 day, in ms
            let clock = TestClock(Self.start.addingTimeInterval(skew))
            devices.append(try SyncDevice(name: "dev\(i)", path: dir.file("dev\(i).sqlite"), clock: clock, courses: Self.courseFiles))
            log.append("dev\(i): clock skewed \(Int(skew)) s")
        }
    }

    var replay: String {
        let hex = "0x" + String(seed, radix: 16)
        return "seed \(hex), \(devices.count) devices: replay with SYNC_SEED=\(hex) swift test --filter SyncConvergenceTests"
    }

    /// The last steps taken, newest last: where to start looking when the digests differ.
    var lastSteps: String { "last steps:\n  " + log.suffix(40).joined(separator: "\n  ") }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int(rng.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

    mutating func play(steps: Int) throws {
        for step in 0..<steps {
            let d = Int(rng.next() % UInt64(devices.count))
            let device = devices[d]
            device.clock.advance(seconds: Double(1 + rng.next() % 600))
            let roll = rng.next() % 100
            do {
                switch roll {
                case 0..<30: try mark(device, step)
                case 30..<37: try undoMark(device, step)
                case 37..<45: try editPerson(device, step)
                case 45..<50: try setStatus(device, step)
                case 50..<53: try undoEdit(device, step)
                case 53..<57: try walkIn(device, step)
                case 57..<60: try newPerson(device, step)
                case 60..<62: try erase(device, step)
                case 62..<77: try export(device, step)
                case 77..<96: try deliver(step)
                default: try resend(step)
                }
            } catch let error where SyncRun.isRefusal(error) {
                // A step the library refuses (nothing to undo, an edit undone already, a person
                // erased here): a user would see the message; the run goes on.
                counts["refused", default: 0] += 1
                log.append("step \(step) \(device.name): refused: \(error)")
            }
        }
    }

    /// A refusal a user could meet; a database failure is not one, nor anything sync throws.
    static func isRefusal(_ error: Error) -> Bool {
        if error is ValidationFailure { return true }
        guard let error = error as? MusterError else { return false }
        switch error {
        case .database, .unreadable, .databaseLocked, .diskFull, .readOnly: return false
        default: return true
        }
    }

    // MARK: - What a device does on its own

    mutating func busyCourse(_ device: SyncDevice) throws -> (Course, [Session], [RosterEntry]) {
        let course = try device.store.courses.course(code: pick(Self.busyCourses)!)
        return (course, try device.store.courses.sessions(courseID: course.id!), try device.store.rosters.roster(courseID: course.id!))
    }

    mutating func mark(_ device: SyncDevice, _ step: Int) throws {
        let (course, sessions, roster) = try busyCourse(device)
        guard let session = pick(sessions), let entry = pick(roster) else { return }
        let who = "\(entry.person.code) in \(course.code)/\(session.key)"
        if chance(25) {
            let result = try device.store.kiosk.checkIn(sessionID: session.id!, personID: entry.person.id!)
            log.append("step \(step) \(device.name): kiosk check-in \(who): \(result)")
        } else {
            let status = pick([AttendanceStatus.present, .late, .absent, .excused])!
            let source = pick([EventSource.rollcall, .rollcall, .kiosk, .cli])!
            try device.store.attendance.mark(session: session, person: entry.person, status: status, source: source)
            log.append("step \(step) \(device.name): mark \(status) from \(source) \(who)")
        }
        counts["marks", default: 0] += 1
    }

    mutating func undoMark(_ device: SyncDevice, _ step: Int) throws {
        let (course, sessions, roster) = try busyCourse(device)
        guard let session = pick(sessions), let entry = pick(roster) else { return }
        let source = pick([EventSource.rollcall, .cli])!
        log.append("step \(step) \(device.name): undo latest of \(entry.person.code) in \(course.code)/\(session.key)")
        try device.store.attendance.undo(session: session, person: entry.person, source: source)
        counts["undos", default: 0] += 1
    }

    mutating func editPerson(_ device: SyncDevice, _ step: Int) throws {
        let (_, _, roster) = try busyCourse(device)
        guard var person = pick(roster)?.person else { return }
        let field: String
        switch rng.next() % 3 {
        case 0:
            field = "email"
            person.email = "p\(rng.next() % 10_000)@example.org"
        case 1:
            field = "position"
            person.position = pick(["Officer", "Director", "Analyst", "Inspector", "Adviser"])! + " \(rng.next() % 100)"
        default:
            field = "country"
            person.country = pick(["PW", "FJ", "WS", "TO", "LC", "MX"])!
        }
        log.append("step \(step) \(device.name): edit \(person.code) \(field)")
        let (_, change) = try device.store.people.savePerson(person)
        device.edits.append(change.id)
        counts["edits", default: 0] += 1
    }

    mutating func setStatus(_ device: SyncDevice, _ step: Int) throws {
        let (course, _, roster) = try busyCourse(device)
        guard let entry = pick(roster) else { return }
        let status = pick([NominationStatus.nominated, .confirmed, .declined, .withdrawn, .waitlisted])!
        log.append("step \(step) \(device.name): \(entry.person.code) in \(course.code) → \(status)")
        let change = try device.store.nominations.setNominationStatus(courseID: course.id!, personID: entry.person.id!, to: status)
        device.edits.append(change.id)
        counts["statuses", default: 0] += 1
    }

    mutating func undoEdit(_ device: SyncDevice, _ step: Int) throws {
        guard let id = pick(device.edits) else { return }
        log.append("step \(step) \(device.name): undo change \(id)")
        try device.store.changeLog.undoChange(id: id)
        counts["edit undos", default: 0] += 1
    }

    mutating func walkIn(_ device: SyncDevice, _ step: Int) throws {
        let (course, sessions, _) = try busyCourse(device)
        guard let session = pick(sessions) else { return }
        let given = pick(["Ana", "Kelvin", "Dilmei", "José", "Lucía"])!, family = "Walk\(rng.next() % 1000)"
        if chance(50) {
            let (match, result) = try device.store.kiosk.registerWalkIn(
                courseID: course.id!, sessionID: session.id!, givenName: given, familyName: family, agency: "", country: "Palau")
            log.append("step \(step) \(device.name): kiosk walk-in \(given) \(family) (#\(match.personID)) \(result)")
        } else {
            let (person, _) = try device.store.attendance.markWalkIn(
                session: session, givenName: given, familyName: family, country: "PW", status: pick([.present, .late])!)
            log.append("step \(step) \(device.name): paper walk-in \(person.code) in \(course.code)/\(session.key)")
        }
        counts["walk-ins", default: 0] += 1
    }

    mutating func newPerson(_ device: SyncDevice, _ step: Int) throws {
        let (course, _, _) = try busyCourse(device)
        let country = pick(["PW", "FJ", "WS"])!
        let code = try device.store.people.proposedCode(country: country)
        let person = Person(
            code: code, givenName: pick(["Maria", "Joseph", "Renée", "Ismael"])!, familyName: "New\(rng.next() % 1000)",
            sex: .female, country: country, email: "new\(rng.next() % 100_000)@example.org")
        log.append("step \(step) \(device.name): new person \(code) enrolled in \(course.code)")
        try device.store.people.savePerson(person, enrolIn: course.id!, status: .confirmed)
        counts["new people", default: 0] += 1
    }

    mutating func erase(_ device: SyncDevice, _ step: Int) throws {
        guard !erased else { return }
        let (_, _, roster) = try busyCourse(device)
        guard let entry = pick(roster) else { return }
        erased = true
        log.append("step \(step) \(device.name): erase \(entry.person.code)")
        try device.store.privacy.erase(code: entry.person.code, reason: "asked to be forgotten", keepStatistics: chance(50))
        counts["erasures", default: 0] += 1
    }

    // MARK: - Exchanges

    /// A device writes a bundle (one busy course, or everything) and hands it to every other
    /// device's inbox.
    mutating func export(_ device: SyncDevice, _ step: Int) throws {
        let all = chance(40)
        let courses = all ? [] : [pick(Self.busyCourses)!]
        let path = dir.file("b\(bundles.count)-\(device.name).bundle")
        let summary = try device.store.syncExport(to: path, courses: courses, all: all, sinceLast: nil, passphrase: nil)
        let index = bundles.count
        bundles.append(SyncBundle(path: path, from: device.name, step: step, scope: all ? "--all" : courses[0]))
        for other in devices where other !== device { other.pending.append(index) }
        log.append("step \(step) \(device.name): export b\(index) \(all ? "--all" : courses[0]): \(summary.records) records")
        counts["exports", default: 0] += 1
    }

    /// One bundle from some device's inbox: lost on the way (10 %), imported, and sometimes
    /// imported again at once, which must add nothing and change nothing.
    mutating func deliver(_ step: Int) throws {
        let waiting = devices.filter { !$0.pending.isEmpty }
        guard let device = pick(waiting) else { return }
        let slot = Int(rng.next() % UInt64(device.pending.count))
        let index = device.pending.remove(at: slot)
        if chance(10) {
            device.lost.append(index)
            log.append("step \(step) \(device.name): b\(index) lost on the way")
            return
        }
        try importBundle(index, into: device, step: step)
        if chance(15) { try importBundle(index, into: device, step: step) }
    }

    /// A bundle lost earlier arrives after all.
    mutating func resend(_ step: Int) throws {
        let waiting = devices.filter { !$0.lost.isEmpty }
        guard let device = pick(waiting) else { return }
        let index = device.lost.remove(at: Int(rng.next() % UInt64(device.lost.count)))
        log.append("step \(step) \(device.name): b\(index) re-sent")
        try importBundle(index, into: device, step: step)
    }

    /// Imports a bundle. A second import of the same bundle must say so, add nothing and leave
    /// the digest as it was: that is checked here, at the step, not only at the end.
    mutating func importBundle(_ index: Int, into device: SyncDevice, step: Int) throws {
        let bundle = bundles[index]
        let again = device.imported.contains(index)
        let before = again ? try device.store.syncDigest() : nil
        let summaries = try device.store.syncImport(paths: [bundle.path], dryRun: false, passphrase: nil)
        let summary = try #require(summaries.first, "no summary for b\(index)")
        let conflicts = summary.newConflicts.count
        log.append(
            "step \(step) \(device.name): import b\(index) from \(bundle.from)\(again ? " again" : ""): "
                + "added \(summary.addedTotal), skipped \(summary.skipped), refused \(summary.refused.count), "
                + "waiting \(summary.waiting), new conflicts \(conflicts)")
        #expect(summary.refused.isEmpty, "step \(step): \(device.name) refused records of b\(index): \(summary.refused)")
        if let before {
            #expect(summary.alreadyImported, "step \(step): \(device.name) imported b\(index) twice without 'already imported'")
            #expect(summary.addedTotal == 0, "step \(step): the second import of b\(index) on \(device.name) added \(summary.added)")
            #expect(try device.store.syncDigest() == before, "step \(step): the second import of b\(index) changed \(device.name)'s digest")
            counts["duplicates", default: 0] += 1
        } else {
            counts["imports", default: 0] += 1
        }
        device.imported.insert(index)
    }

    // MARK: - The end

    /// Everyone exports all they hold; everyone imports everyone's final bundle (and anything
    /// still waiting or lost, in random order); then the digests, the conflicts and the files.
    mutating func finish() throws {
        var finals: [Int] = []
        for device in devices {
            device.clock.advance(seconds: 60)
            try export(device, Int.max)
            finals.append(bundles.count - 1)
        }
        for device in devices {
            var rest = Array(Set(device.pending + device.lost + finals).subtracting(device.imported))
            rest.removeAll { bundles[$0].from == device.name }
            rest.shuffle(using: &rng)
            device.pending = []
            device.lost = []
            for index in rest { try importBundle(index, into: device, step: Int.max) }
        }
        let oracle = try oracle(finals: finals)
        let want = try oracle.syncDigest()
        let wantConflicts = try oracle.syncConflicts(course: nil).count
        log.append("oracle: digest \(want.prefix(12)), \(wantConflicts) open conflicts")
        for device in devices {
            let digest = try device.store.syncDigest()
            let conflicts = try device.store.syncConflicts(course: nil).count
            #expect(
                digest == want,
                "\(device.name) ends with digest \(digest.prefix(12)), the oracle \(want.prefix(12)): \(replay)\n\(lastSteps)")
            #expect(
                conflicts == wantConflicts,
                "\(device.name) has \(conflicts) open conflicts, the oracle \(wantConflicts): \(replay)")
            #expect(try Self.integrity(device.store.path) == "ok", "\(device.name)'s file: \(replay)")
        }
        #expect(try Self.integrity(oracle.path) == "ok", "the oracle's file: \(replay)")
        // The run did what it claims to.
        #expect(counts["marks", default: 0] > 0 && counts["imports", default: 0] > 0, "\(counts): \(replay)")
        print("SyncConvergence: \(replay): \(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    }

    /// A fresh library seeded like the devices that imports every final bundle in one process.
    /// Its clock is behind every device's, so its own seeding can't be the latest word on a field.
    mutating func oracle(finals: [Int]) throws -> CourseStore {
        let clock = TestClock(Self.start.addingTimeInterval(-3 * 86_400))
        let store = try CourseStore(path: dir.file("oracle.sqlite"), actor: "oracle", clock: clock.function)
        try SyncDevice.seed(store, courses: Self.courseFiles)
        let paths = finals.map { bundles[$0].path }.shuffled(using: &rng)
        let summaries = try store.syncImport(paths: paths, dryRun: false, passphrase: nil)
        for summary in summaries where !summary.refused.isEmpty {
            Issue.record("the oracle refused records of \(summary.path): \(summary.refused): \(replay)")
        }
        return store
    }

    static func integrity(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }
}
