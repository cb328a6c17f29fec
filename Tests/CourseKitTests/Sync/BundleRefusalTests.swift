import CourseKit
import Crypto
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 15: a bundle that is truncated, has a bit flipped, was re-signed by another key, needs
/// a passphrase it was not given (or a wrong one), or is empty, is refused whole with a one-line
/// message naming the file, and the library that refused it is as it was: same digest, same
/// imports in its ledger, `integrity_check` ok. A bundle imported twice adds nothing the second time.
///
/// Offsets are drawn from the test's seed; replay with `MUSTER_TEST_SEED=0x… swift test --filter BundleRefusalTests`.
@Suite struct BundleRefusalTests {
    /// Library A with marks, an edit and a walk-in, and its bundle of everything; library B seeded
    /// from the same course file, untouched.
    struct Pair {
        let dir = TemporaryDirectory("bundle-refusal")
        let a: CourseStore
        let b: CourseStore
        let bundle: String

        init(passphrase: String? = nil) throws {
            let clock = TestClock()
            a = try CourseStore(path: dir.file("a.sqlite"), actor: "ana", clock: clock.function)
            b = try CourseStore(path: dir.file("b.sqlite"), actor: "ben", clock: clock.function)
            for store in [a, b] {
                try store.courses.importCourse(CourseFileCodec.read(path: Fixtures.coursesDirectory + "/palau-mmc-2024.yaml"))
            }
            let course = try a.courses.course(code: "palau-mmc-2024")
            let sessions = try a.courses.sessions(courseID: course.id!)
            let roster = try a.rosters.roster(courseID: course.id!)
            for (i, entry) in roster.prefix(12).enumerated() {
                clock.advance(seconds: 30)
                try a.attendance.mark(
                    session: sessions[i % 2], person: entry.person, status: i % 3 == 0 ? .late : .present, source: .rollcall)
            }
            try a.attendance.undo(session: sessions[0], person: roster[0].person, source: .rollcall)
            var edited = roster[1].person
            edited.email = "edited@example.org"
            try a.people.savePerson(edited)
            _ = try a.attendance.markWalkIn(
                session: sessions[1], givenName: "Dilmei", familyName: "Olkeriil", country: "PW", status: .present)
            bundle = dir.file("a-all.bundle")
            try a.syncExport(to: bundle, courses: [], all: true, sinceLast: nil, passphrase: passphrase)
        }

        /// B's state as a test compares it: digest, imports in its ledger, integrity.
        func state() throws -> (digest: String, imports: Int, integrity: String?) {
            let imports = try b.syncStatus().transfers.filter { $0.direction == "import" }.count
            let integrity = try DatabaseQueue(path: b.path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            return (try b.syncDigest(), imports, integrity)
        }

        /// Writes `data` as a bundle named `name` and checks B refuses it whole: one line naming
        /// the file, nothing changed.
        func expectRefused(
            _ data: Data, name: String, passphrase: String? = nil, _ what: String,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let path = dir.file(name)
            FileManager.default.createFile(atPath: path, contents: data)
            let before = try state()
            var message = ""
            do {
                let summaries = try b.syncImport(paths: [path], dryRun: false, passphrase: passphrase)
                Issue.record("\(what): imported, not refused: \(summaries)", sourceLocation: sourceLocation)
            } catch {
                message = "\(error)"
            }
            if !message.isEmpty {
                #expect(!message.contains("\n"), "\(what): the message is more than one line: \(message)", sourceLocation: sourceLocation)
                #expect(message.contains(name), "\(what): the message does not name \(name): \(message)", sourceLocation: sourceLocation)
                #expect(!message.contains("not built yet"), "\(what): \(message)", sourceLocation: sourceLocation)
            }
            let after = try state()
            #expect(after.digest == before.digest, "\(what): B's digest changed", sourceLocation: sourceLocation)
            #expect(after.imports == before.imports, "\(what): B's ledger gained an import", sourceLocation: sourceLocation)
            #expect(after.integrity == "ok", "\(what): integrity \(after.integrity ?? "nil")", sourceLocation: sourceLocation)
        }

        /// After the refusals, the real bundle still goes in and B then holds what A holds.
        func expectCleanImport(passphrase: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let summary = try #require(try b.syncImport(paths: [bundle], dryRun: false, passphrase: passphrase).first)
            #expect(
                !summary.alreadyImported && summary.addedTotal > 0 && summary.refused.isEmpty, "\(summary)", sourceLocation: sourceLocation)
            #expect(try b.syncDigest() == a.syncDigest(), "B after the clean import differs from A", sourceLocation: sourceLocation)
        }
    }

    @Test(.seeded) func truncatedBundlesAreRefused() throws {
        let pair = try Pair()
        var rng = SeededRandom()
        let data = try Data(contentsOf: URL(fileURLWithPath: pair.bundle))
        // Random cuts, plus the ones a careless reader would accept: at each line end (whole
        // records, no trailer), and the trailer without its newline.
        let lineEnds = data.indices.filter { data[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }.dropLast()
        var cuts = Set((0..<12).map { _ in 1 + Int(rng.next() % UInt64(data.count - 1)) })
        cuts.formUnion(lineEnds.suffix(3))
        for cut in cuts.sorted() {
            try pair.expectRefused(data.prefix(cut), name: "cut-\(cut).bundle", "cut at \(cut) of \(data.count) bytes, \(rng.replayText)")
        }
        try pair.expectCleanImport()
    }

    @Test(.seeded) func bitFlippedBundlesAreRefused() throws {
        let pair = try Pair()
        var rng = SeededRandom()
        let data = try Data(contentsOf: URL(fileURLWithPath: pair.bundle))
        let trailerStart = data.count - (try BundleResigner.parts(data).trailer.utf8.count) - 1
        // Most flips in the signed body; some in the header and the trailer, which must not be trusted either.
        var offsets = (0..<16).map { _ in Int(rng.next() % UInt64(trailerStart)) }
        offsets += (0..<4).map { _ in Int(rng.next() % UInt64(min(200, trailerStart))) }
        offsets += (0..<4).map { _ in trailerStart + Int(rng.next() % UInt64(data.count - trailerStart)) }
        for offset in offsets {
            let bit = UInt8(1) << UInt8(rng.next() % 8)
            var flipped = data
            flipped[offset] ^= bit
            try pair.expectRefused(
                flipped, name: "flip-\(offset)-\(bit).bundle",
                "bit \(bit) of byte \(offset) (\(data.count) bytes, trailer from \(trailerStart)) flipped, \(rng.replayText)")
        }
        try pair.expectCleanImport()
    }

    @Test func bundlesResignedByAnotherKeyAreRefused() throws {
        let pair = try Pair()
        let data = try Data(contentsOf: URL(fileURLWithPath: pair.bundle))
        let forger = Curve25519.Signing.PrivateKey()
        // A valid signature, but not by the key the header names.
        try pair.expectRefused(try BundleResigner.resign(data, with: forger), name: "resigned.bundle", "re-signed by another key")
        // The header's key swapped for the forger's too: the origin id (a hash of the real key) no longer matches.
        try pair.expectRefused(
            try BundleResigner.resign(data, with: forger, claimKey: true), name: "resigned-claimed.bundle",
            "re-signed, the header claiming the other key")
        try pair.expectCleanImport()
    }

    @Test func encryptedBundlesNeedTheirPassphrase() throws {
        let pair = try Pair(passphrase: "correct horse battery staple")
        let data = try Data(contentsOf: URL(fileURLWithPath: pair.bundle))
        #expect(!String(decoding: data, as: UTF8.self).contains("Olkeriil"), "a name is readable in the encrypted bundle")
        try pair.expectRefused(data, name: "wrong.bundle", passphrase: "incorrect horse", "wrong passphrase")
        try pair.expectRefused(data, name: "none.bundle", passphrase: nil, "no passphrase for an encrypted bundle")
        try pair.expectRefused(
            data.prefix(data.count / 2), name: "half.bundle", passphrase: "correct horse battery staple", "half an encrypted bundle")
        try pair.expectCleanImport(passphrase: "correct horse battery staple")
    }

    @Test func emptyAndNonBundleFilesAreRefused() throws {
        let pair = try Pair()
        try pair.expectRefused(Data(), name: "empty.bundle", "an empty file")
        try pair.expectRefused(Data("\n".utf8), name: "newline.bundle", "a file of one newline")
        try pair.expectRefused(Data("code,name\nPW-001,Ana\n".utf8), name: "roster.csv", "a CSV")
        try pair.expectCleanImport()
    }

    @Test func aBundleImportedTwiceAddsNothingTheSecondTime() throws {
        let pair = try Pair()
        try pair.expectCleanImport()
        let before = try pair.state()
        let again = try #require(try pair.b.syncImport(paths: [pair.bundle], dryRun: false, passphrase: nil).first)
        #expect(again.alreadyImported)
        #expect(again.addedTotal == 0 && again.refused.isEmpty, "\(again)")
        let after = try pair.state()
        #expect(after.digest == before.digest)
        #expect(after.integrity == "ok")
        // The same bundle under another name is still the same bundle.
        let copy = pair.dir.file("copy.bundle")
        try FileManager.default.copyItem(atPath: pair.bundle, toPath: copy)
        let renamed = try #require(try pair.b.syncImport(paths: [copy], dryRun: false, passphrase: nil).first)
        #expect(renamed.alreadyImported && renamed.addedTotal == 0, "\(renamed)")
        #expect(try pair.b.syncDigest() == before.digest)
    }

    @Test func aDryRunChangesNothing() throws {
        let pair = try Pair()
        let before = try pair.state()
        let preview = try #require(try pair.b.syncImport(paths: [pair.bundle], dryRun: true, passphrase: nil).first)
        #expect(preview.dryRun && preview.addedTotal > 0, "\(preview)")
        let after = try pair.state()
        #expect(after.digest == before.digest && after.imports == before.imports)
        try pair.expectCleanImport()
    }
}
