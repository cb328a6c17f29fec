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
@Suite struct SyncConvergenceTests {
    /// `SYNC_SEED` (or `MUSTER_TEST_SEED`) alone, else three fresh seeds.
    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["SYNC_SEED"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let parsed = text.lowercased().hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
            guard let parsed else { fatalError("SYNC_SEED=\(text) is not a decimal or 0x-hex UInt64") }
            return [parsed]
        }
        return SeededRandom.environmentSeed.map { [$0] } ?? (0..<3).map { _ in SeededRandom.freshSeed() }
    }

    static var steps: Int { ProcessInfo.processInfo.environment["SYNC_STEPS"].flatMap { Int($0) } ?? 100 }
    static var inMemory: Bool { ProcessInfo.processInfo.environment["SYNC_TRANSPORT"] == "records" }

    /// One case per seed, so the seeds run side by side and each failure names its own.
    @Test(arguments: seeds) func devicesConvergeOnTheOracle(seed: UInt64) throws {
        var run = try SyncRun(seed: seed)
        print("SyncConvergence: \(run.replay)")
        do {
            let began = Date()
            try run.play(steps: Self.steps)
            let played = Date()
            try run.finish()
            print(
                "SyncConvergence: \(run.replay): steps \(Int(played.timeIntervalSince(began) * 1000)) ms, "
                    + "end \(Int(Date().timeIntervalSince(played) * 1000)) ms")
        } catch {
            Issue.record(error, Comment(rawValue: "\(run.replay)\n\(run.lastSteps)\nevery step: \((try? run.writeLog()) ?? "-")"))
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

/// A bundle written by a device: a file (`syncExport`), or with `SYNC_TRANSPORT=records` the
/// records such a file would carry, handed over in memory (`syncRecords`/`syncTake`, the layer
/// below the file), which tells a fault of the merge from a fault of the file.
struct SyncBundle {
    let path: String
    let from: String
    let step: Int
    let scope: String
    var records: [SyncRecord]? = nil
    var origin = ""
}

/// A run: the devices, the bundles written so far, and a log of the steps for the failure message.
struct SyncRun {
    /// The course files the devices start from: two of `courses/`, small ones, which every step
    /// works on so edits collide (each file's records travel in every bundle of everything, and
    /// taking them in is most of a run's time).
    static let courseFiles = ["palau-mmc-2024", "pacific-migrant-protection-2023"]
    static var busyCourses: [String] { courseFiles }
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
    /// Milliseconds spent per kind of call, printed at the end: where a slow run goes.
    var spent: [String: Int] = [:]
    /// Set for issue 16's rerun: devices exchange live (over HTTP) where they swapped bundle files.
    var live: (any LiveLinks)?

    /// Runs `body`, adding its time to `spent[what]`.
    mutating func timed<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
        let began = Date()
        defer { spent[what, default: 0] += Int(Date().timeIntervalSince(began) * 1000) }
        return try body()
    }

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
                case 62..<100 where live != nil: try liveExchange(device, step)
                case 62..<72: try export(device, step)
                case 72..<96: try deliver(step)
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
        log[log.count - 1] += " → \(field == "email" ? person.email : field == "position" ? person.position : person.country)"
        let (_, change) = try timed("local writes") { try device.store.people.savePerson(person) }
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
        let keep = chance(50)
        log.append("step \(step) \(device.name): erase \(entry.person.code)\(keep ? ", keeping sex and country" : "")")
        try device.store.privacy.erase(code: entry.person.code, reason: "asked to be forgotten", keepStatistics: keep)
        counts["erasures", default: 0] += 1
    }

    // MARK: - Exchanges

    /// A device writes a bundle (one busy course, or everything) and hands it to every other
    /// device's inbox.
    mutating func export(_ device: SyncDevice, _ step: Int, everything: Bool = false) throws {
        let all = everything || chance(30)
        let courses = all ? [] : [pick(Self.busyCourses)!]
        let path = dir.file("b\(bundles.count)-\(device.name).bundle")
        var bundle = SyncBundle(path: path, from: device.name, step: step, scope: all ? "--all" : courses[0])
        if SyncConvergenceTests.inMemory {
            bundle.records = try timed("export") { try device.store.syncRecords(courses: all ? nil : courses) }
            bundle.origin = try device.store.syncOrigin()
        } else {
            try timed("export") { _ = try device.store.syncExport(to: path, courses: courses, all: all, sinceLast: nil, passphrase: nil) }
        }
        if all { try expectCarriesEveryEvent(bundle, of: device) }
        let index = bundles.count
        bundles.append(bundle)
        for other in devices where other !== device { other.pending.append(index) }
        log.append("step \(step) \(device.name): export b\(index) \(bundle.scope)")
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

    /// Live: one device calls another's server; one exchange in five is cut after a few
    /// requests (the network dropped), which must leave both libraries whole.
    mutating func liveExchange(_ device: SyncDevice, _ step: Int) throws {
        guard let live, let server = pick(devices.filter { $0 !== device }) else { return }
        let cut: Int? = chance(20) ? 1 + Int(rng.next() % 6) : nil
        do {
            let result = try timed("exchange") { try live.exchange(device, with: server, cutAfter: cut) }
            log.append("step \(step) \(device.name) with \(server.name): \(result.line)")
            counts["exchanges", default: 0] += 1
            counts["imports", default: 0] += 1
        } catch let error as MusterError where cut != nil {
            log.append("step \(step) \(device.name) with \(server.name): cut after \(cut!) requests: \(error)")
            counts["cut exchanges", default: 0] += 1
        }
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
        let before = again ? try timed("digest") { try device.store.syncDigest() } : nil
        let summary = try timed("import") { try Self.take(bundle, into: device.store) }
        let conflicts = summary.newConflicts.count
        log.append(
            "step \(step) \(device.name): import b\(index) from \(bundle.from)\(again ? " again" : ""): "
                + "added \(summary.addedTotal), skipped \(summary.skipped), refused \(summary.refused.count), "
                + "waiting \(summary.waiting), new conflicts \(conflicts)")
        #expect(summary.refused.isEmpty, "step \(step): \(device.name) refused records of b\(index): \(summary.refused)")
        if let before {
            #expect(
                summary.alreadyImported || SyncConvergenceTests.inMemory,
                "step \(step): \(device.name) imported b\(index) twice without 'already imported'")
            #expect(summary.addedTotal == 0, "step \(step): the second import of b\(index) on \(device.name) added \(summary.added)")
            #expect(try device.store.syncDigest() == before, "step \(step): the second import of b\(index) changed \(device.name)'s digest")
            counts["duplicates", default: 0] += 1
        } else {
            counts["imports", default: 0] += 1
        }
        device.imported.insert(index)
    }

    // MARK: - The end

    /// Everyone exports all they hold (the final bundles). One device, the hub, takes in the
    /// others' final bundles and exports all it then holds; every other device takes that in.
    /// Each also takes up to two older bundles still waiting or lost for it, all in random
    /// order. (Every device importing every final bundle proves no more and costs n² imports.)
    /// Then the digests, the conflicts and the files, against an oracle that took the final
    /// bundles in one process, so the hub's path and the oracle's meet only at the end.
    mutating func finish() throws {
        var finals: [Int] = []
        for device in devices {
            device.clock.advance(seconds: 60)
            try export(device, -1, everything: true)
            finals.append(bundles.count - 1)
        }
        let hub = pick(devices)!
        if let live {
            // Live: everyone calls the hub twice round (the second round brings what the hub
            // took in from the others after each one's first call); nothing is cut now.
            log.append("end: \(hub.name) is the hub, live")
            for _ in 0..<2 {
                for device in devices where device !== hub {
                    let result = try timed("exchange") { try live.exchange(device, with: hub, cutAfter: nil) }
                    log.append("end: \(device.name) with \(hub.name): \(result.line)")
                }
            }
            return try compare(finals: finals)
        }
        func older(_ device: SyncDevice) -> [Int] {
            var old = Array(Set(device.pending + device.lost).subtracting(device.imported)).sorted()
            old.shuffle(using: &rng)
            device.pending = []
            device.lost = []
            return Array(old.prefix(2))
        }
        var inbox = older(hub) + finals.filter { bundles[$0].from != hub.name }
        inbox.shuffle(using: &rng)
        log.append("end: \(hub.name) is the hub")
        for index in inbox { try importBundle(index, into: hub, step: -1) }
        hub.clock.advance(seconds: 60)
        try export(hub, -1, everything: true)
        let everything = bundles.count - 1
        for device in devices where device !== hub {
            var inbox = older(device) + [everything]
            inbox.shuffle(using: &rng)
            for index in inbox { try importBundle(index, into: device, step: -1) }
        }
        try compare(finals: finals)
    }

    /// Every device's digest, conflicts and file against the oracle's.
    mutating func compare(finals: [Int]) throws {
        let oracle = try oracle(finals: finals)
        let want = try oracle.syncDigest()
        let wantConflicts = try oracle.syncConflicts(course: nil)
        log.append("oracle: digest \(want.prefix(12)), \(wantConflicts.count) open conflicts")
        counts["open conflicts at the end"] = wantConflicts.count
        for device in devices {
            let digest = try timed("digest") { try device.store.syncDigest() }
            let conflicts = try device.store.syncConflicts(course: nil)
            if digest != want {
                Issue.record(
                    """
                    \(device.name) ends with digest \(digest.prefix(12)), the oracle \(want.prefix(12)): \(replay)
                    \(try SyncStateDump.diff(device.store.path, against: oracle.path))
                    every step: \(try writeLog())
                    """)
            }
            if conflicts.count != wantConflicts.count {
                let show = { (list: [SyncConflict]) in
                    list.map { c in
                        "\(c.id) \(c.label) \(c.field): "
                            + c.candidates.map { "\($0.value) from \($0.originLabel)\($0.isWinner ? " (winner)" : "")" }.joined(
                                separator: " | ")
                    }.joined(separator: "; ")
                }
                Issue.record(
                    """
                    \(device.name) has \(conflicts.count) open conflicts, the oracle \(wantConflicts.count): \(replay)
                      \(device.name): \(show(conflicts))
                      oracle: \(show(wantConflicts))
                    """)
            }
            #expect(try Self.integrity(device.store.path) == "ok", "\(device.name)'s file: \(replay)")
        }
        #expect(try Self.integrity(oracle.path) == "ok", "the oracle's file: \(replay)")
        // The run did what it claims to.
        #expect(counts["marks", default: 0] > 0 && counts["imports", default: 0] > 0, "\(counts): \(replay)")
        print("SyncConvergence: \(replay): \(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print(
            "SyncConvergence: \(replay): ms in \(spent.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    }

    /// A device's bundle of everything carries every attendance event the device holds: an
    /// event left out can never reach the others. (Checked on the records, or the file's lines.)
    func expectCarriesEveryEvent(_ bundle: SyncBundle, of device: SyncDevice) throws {
        let held = try DatabaseQueue(path: device.store.path).read { db in try String.fetchAll(db, sql: "SELECT id FROM attendance_event") }
        let carried: String
        if let records = bundle.records {
            carried = records.map(\.id).joined(separator: "\n")
        } else {
            carried = String(decoding: try Data(contentsOf: URL(fileURLWithPath: bundle.path)), as: UTF8.self)
        }
        let missing = held.filter { !carried.contains($0) }

        #expect(
            missing.isEmpty,
            "\(device.name)'s bundle of everything leaves out \(missing.count) of its \(held.count) events, e.g. \(missing.prefix(3)): \(replay)"
        )
    }

    /// Writes every step of the run to a file that outlives the run's folder; returns its path.
    func writeLog() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sync-convergence-\(String(seed, radix: 16)).log").path
        try log.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A fresh library seeded like the devices that imports every final bundle in one process.
    /// Its clock is behind every device's, so its own seeding can't be the latest word on a field.
    mutating func oracle(finals: [Int]) throws -> CourseStore {
        let clock = TestClock(Self.start.addingTimeInterval(-3 * 86_400))
        let store = try CourseStore(path: dir.file("oracle.sqlite"), actor: "oracle", clock: clock.function)
        try SyncDevice.seed(store, courses: Self.courseFiles)
        let finals = finals.shuffled(using: &rng)
        let summaries =
            SyncConvergenceTests.inMemory
            ? try finals.map { try Self.take(bundles[$0], into: store) }
            : try store.syncImport(paths: finals.map { bundles[$0].path }, dryRun: false, passphrase: nil)
        for (index, summary) in zip(finals, summaries) {
            log.append(
                "oracle: import b\(index) from \(bundles[index].from): added \(summary.addedTotal), skipped \(summary.skipped), "
                    + "refused \(summary.refused.count), waiting \(summary.waiting), new conflicts \(summary.newConflicts.count)")
            if !summary.refused.isEmpty { Issue.record("the oracle refused records of b\(index): \(summary.refused): \(replay)") }
        }
        return store
    }

    /// Imports one bundle, from its file or its records.
    static func take(_ bundle: SyncBundle, into store: CourseStore) throws -> SyncImportSummary {
        if let records = bundle.records {
            return try store.syncTake(records, from: bundle.origin, label: bundle.from, publicKey: nil)
        }
        let summaries = try store.syncImport(paths: [bundle.path], dryRun: false, passphrase: nil)
        return try #require(summaries.first, "no summary for \(bundle.path)")
    }

    static func integrity(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }
}

/// How a live run's devices reach each other (HTTP in `SyncConvergenceLiveTests`).
protocol LiveLinks {
    /// `client` exchanges with `server`'s live endpoint; with `cutAfter`, the connection drops
    /// after that many requests and the exchange throws.
    func exchange(_ client: SyncDevice, with server: SyncDevice, cutAfter: Int?) throws -> SyncExchangeResult
}
