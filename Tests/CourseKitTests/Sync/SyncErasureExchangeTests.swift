import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// What the convergence test found about erasures, each as the smallest exchange that shows it,
/// so a fix is checked without a seed.
@Suite struct SyncErasureExchangeTests {
    struct Device {
        let store: CourseStore
        init(_ dir: TemporaryDirectory, _ name: String, _ clock: TestClock) throws {
            store = try CourseStore(path: dir.file("\(name).sqlite"), actor: name, clock: clock.function)
            try store.courses.importCourse(CourseFileCodec.read(path: Fixtures.coursesDirectory + "/pacific-migrant-protection-2023.yaml"))
        }

        /// Hands everything this library holds to `other`, below the bundle file (the merge alone).
        func send(to other: Device) throws {
            _ = try other.store.syncTake(
                try store.syncRecords(courses: nil), from: try store.syncOrigin(), label: store.actor, publicKey: nil)
        }
    }

    /// A library where someone was erased can still write a bundle, of a course or of everything
    /// (seed 0x5d5f869c72903278 stopped at "its header's counts differ from its records").
    @Test(arguments: [false, true]) func aLibraryWithAnErasureExports(keepStatistics: Bool) throws {
        let dir = TemporaryDirectory("sync-erasure")
        let a = try Device(dir, "a", TestClock())
        try a.store.privacy.erase(code: "VU-002", reason: "asked to be forgotten", keepStatistics: keepStatistics)
        try a.store.syncExport(
            to: dir.file("course.bundle"), courses: ["pacific-migrant-protection-2023"], all: false, sinceLast: nil, passphrase: nil)
        try a.store.syncExport(to: dir.file("all.bundle"), courses: [], all: true, sinceLast: nil, passphrase: nil)
    }

    /// B changes a person's country; A, not having seen it, erases them keeping sex and country
    /// for statistics. After both exchange (records handed over directly, so the bundle file is
    /// not in the way), both show the same (seed 0xbafe9be83bda34c5: the
    /// device that made the edit kept its country, every other device and the oracle had none).
    @Test func anEditBeforeAnErasureEndsTheSameOnBothSides() throws {
        let dir = TemporaryDirectory("sync-erasure")
        let clock = TestClock()
        let a = try Device(dir, "a", clock), b = try Device(dir, "b", clock)
        var person = try b.store.people.person(code: "VU-002")
        person.country = "MX"
        clock.advance(seconds: 60)
        try b.store.people.savePerson(person)
        clock.advance(seconds: 60)
        try a.store.privacy.erase(code: "VU-002", reason: "asked to be forgotten", keepStatistics: true)
        try a.send(to: b)
        try b.send(to: a)
        #expect(try a.store.syncDigest() == b.store.syncDigest())
        let onA = try SyncStateDump.lines(a.store.path), onB = try SyncStateDump.lines(b.store.path)
        #expect(Set(onA).symmetricDifference(onB).isEmpty, "A only: \(Set(onA).subtracting(onB)); B only: \(Set(onB).subtracting(onA))")
    }
}
