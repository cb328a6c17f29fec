import Crypto
import Foundation
import Testing
import TestSupport

@testable import CourseKit

/// The sync bundle file on its own: what is written reads back the same, and every damaged,
/// cut, tampered or wrongly unlocked file is refused whole with one line naming it.
@Suite struct BundleFileTests {
    let dir = TemporaryDirectory("bundle")
    static let key = try! OriginKey(rawPrivateKey: Data(repeating: 7, count: 32))
    static let otherKey = try! OriginKey(rawPrivateKey: Data(repeating: 9, count: 32))
    static let passphrase = "correct horse José ✓"

    // MARK: - Fixtures

    /// `count` records of `key`'s origin, seqs 1…count, of every kind, with names in several scripts.
    static func records(_ count: Int, key: OriginKey = key) -> [SyncRecord] {
        let names = ["José Ñúñez", "李小龍", "محمد‌رضا", "Ana", "O'Brien \"Bo\" / 10\\20"]
        return (1...max(1, count)).prefix(count).map { n in
            let seq = Int64(n)
            let id = String(format: "00000000-0000-4000-8000-%012llx", n)
            let gid = String(format: "11111111-0000-4000-8000-%012llx", n % 97)
            let name = names[n % names.count]
            switch n % 4 {
            case 0:
                return SyncRecord(
                    id: id, origin: key.origin, seq: seq, hlc: seq << 16, kind: .put, entity: "person", gid: gid,
                    fields: ["given_name": .text(name), "_exists": .int(1), "score": .real(0.25), "phone": .null],
                    prev: ["given_name": [String(format: "00000000-0000-4000-8000-%012llx", max(1, n - 4))]])
            case 1:
                return SyncRecord(id: id, origin: key.origin, seq: seq, hlc: 0, kind: .erase, entity: "person", gid: gid)
            case 2:
                return SyncRecord(
                    id: id, origin: key.origin, seq: seq, hlc: seq << 16, kind: .redacted, entity: "person", gid: gid,
                    hash: String(repeating: "ab", count: 32))
            default:
                return SyncRecord(
                    id: id, origin: key.origin, seq: seq, hlc: (1_780_000_000_000 + seq) << 16, kind: .event,
                    entity: "attendance_event", gid: id,
                    fields: [
                        "session": .text(gid), "person": .text(gid), "status": .text("present"),
                        "actor": .text(name), "note": .text("\(name) came late\u{1B}[2J"), "recorded_ms": .int(1_780_000_000_000),
                    ])
            }
        }
    }

    static func header(for records: [SyncRecord], key: OriginKey = key) -> SyncBundleHeader {
        var tally = BundleTally()
        records.forEach { tally.add($0) }
        return SyncBundleHeader(
            key: key, label: "kiosk-door (ana)", schema: "v12-people-codes", createdMs: 1_780_000_000_000,
            courses: ["mini-2024"], tally: tally)
    }

    /// Writes `records` to a new file in the test's folder and returns its path.
    func written(_ records: [SyncRecord], passphrase: String? = nil, name: String = "day.bundle") throws -> String {
        let path = dir.file(name)
        try BundleFile.write(header: Self.header(for: records), records: records, key: Self.key, to: path, passphrase: passphrase)
        return path
    }

    func readBack(_ path: String, passphrase: String? = nil) throws -> (BundleReader, [SyncRecord]) {
        let reader = try BundleReader(path: path, passphrase: passphrase)
        var records: [SyncRecord] = []
        try reader.forEachRecord { records.append($0) }
        return (reader, records)
    }

    /// The one-line refusal of the file at `path`, or nil when it was accepted.
    func refusal(_ path: String, passphrase: String? = nil) -> String? {
        do {
            _ = try readBack(path, passphrase: passphrase)
            return nil
        } catch let MusterError.invalid(message) {
            return message
        } catch {
            return "not MusterError.invalid: \(error)"
        }
    }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func save(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = dir.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Lines (without newlines) plus a trailer computed and signed by `key`, as a file: a bundle
    /// whoever holds `key` could have written, whatever the lines say.
    func signed(_ lines: [Data], by key: OriginKey, count: Int? = nil, name: String) throws -> String {
        var body = Data()
        for line in lines { body.append(line + [0x0A]) }
        let digest = Data(SHA256.hash(data: body))
        let trailer = BundleTrailer(
            count: count ?? lines.count - 1, sha256: lowerHex(digest), signature: try key.sign(digest).base64EncodedString())
        return try save(Array(body + trailer.line), name)
    }

    func lines(_ path: String) throws -> [Data] {
        try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map {
            Data($0)
        }
    }

    // MARK: - Round trips

    @Test(arguments: [nil, passphrase])
    func roundTripKeepsEveryRecordAndTheHeader(passphrase: String?) throws {
        let records = Self.records(41)
        let path = try written(records, passphrase: passphrase)
        let (reader, back) = try readBack(path, passphrase: passphrase)
        #expect(back == records)
        var expected = Self.header(for: records)
        expected.bundleID = reader.header.bundleID
        #expect(reader.header == expected)
        #expect(reader.header.origin == Self.key.origin)
        #expect(reader.header.counts == ["put": 10, "erase": 11, "redacted": 10, "event": 10])
        #expect(reader.header.ranges == [Self.key.origin: [[1, 41]]])
        #expect(reader.recordCount == 41)
        #expect(reader.isEncrypted == (passphrase != nil))
        #expect(BundleFile.isEncrypted(path: path) == (passphrase != nil))
        // Names in other scripts travel as they are, not escaped.
        let text = String(decoding: try bytes(path), as: UTF8.self)
        #expect(text.contains("محمد‌رضا") == (passphrase == nil))
        #expect(text.contains("李小龍") == (passphrase == nil))
    }

    @Test(arguments: [nil, passphrase])
    func aBundleOfNoRecordsRoundTrips(passphrase: String?) throws {
        let path = try written([], passphrase: passphrase)
        let (reader, back) = try readBack(path, passphrase: passphrase)
        #expect(back.isEmpty)
        #expect(reader.recordCount == 0)
        #expect(reader.header.ranges.isEmpty && reader.header.counts.isEmpty)
    }

    @Test func thePlainFileIsJSONLinesWithASignedTrailer() throws {
        let path = try written(Self.records(3))
        let lines = try lines(path)
        #expect(lines.count == 5)
        #expect(lines[0].starts(with: Array(#"{"bundleID":""#.utf8)))
        #expect(lines[1] == Self.records(3)[0].canonicalJSON)
        let trailer = try JSONDecoder().decode(BundleTrailer.self, from: lines[4]).trailer
        #expect(trailer.count == 3)
        var body = Data()
        lines.prefix(4).forEach { body.append($0 + [0x0A]) }
        let digest = Data(SHA256.hash(data: body))
        #expect(trailer.sha256 == lowerHex(digest))
        #expect(OriginKey.verify(signature: Data(base64Encoded: trailer.signature)!, data: digest, publicKey: Self.key.publicKey))
    }

    @Test func thePassphraseIsComparedAsTypedOnAnyKeyboard() throws {
        // "é" as one code point when written, as e + combining accent when read (macOS input).
        let path = try written(Self.records(2), passphrase: "caf\u{E9}")
        let (_, back) = try readBack(path, passphrase: "cafe\u{301}")
        #expect(back.count == 2)
    }

    @Test func aPassphraseForAnUnencryptedBundleIsIgnored() throws {
        let path = try written(Self.records(5))
        #expect(try readBack(path, passphrase: "anything").1.count == 5)
    }

    @Test(arguments: [nil, passphrase])
    func theFileIsPrivateAndNoTempFileIsLeft(passphrase: String?) throws {
        let old = umask(0)
        defer { umask(old) }
        let path = try written(Self.records(3), passphrase: passphrase)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["day.bundle"])
    }

    // MARK: - A failed write

    @Test func aFailedWriteLeavesNothingAtThePathAndKeepsWhatWasThere() throws {
        let path = dir.write("day.bundle", "what was there")
        struct CursorFailed: Error {}
        let records = Self.records(10)
        #expect(throws: CursorFailed.self) {
            try BundleFile.write(header: Self.header(for: records), key: Self.key, to: path, passphrase: nil) { emit in
                for record in records.prefix(5) { try emit(record) }
                throw CursorFailed()
            }
        }
        // A header that does not describe the records is a fault: nothing is written.
        #expect(throws: MusterError.self) {
            try BundleFile.write(header: Self.header(for: records), records: records.dropLast(), key: Self.key, to: path, passphrase: nil)
        }
        // A header of another origin than the signing key.
        #expect(throws: MusterError.self) {
            try BundleFile.write(header: Self.header(for: records), records: records, key: Self.otherKey, to: path, passphrase: nil)
        }
        #expect(throws: MusterError.self) {
            try BundleFile.write(header: Self.header(for: records), records: records, key: Self.key, to: path, passphrase: "")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "what was there")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["day.bundle"])
        let nowhere = dir.file("no-such-folder/day.bundle")
        #expect(throws: MusterError.self) {
            try BundleFile.write(header: Self.header(for: records), records: records, key: Self.key, to: nowhere, passphrase: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: nowhere))
    }

    // MARK: - Refusals

    @Test func missingEmptyAndForeignFilesAreRefused() throws {
        let missing = dir.file("gone.bundle")
        #expect(refusal(missing) == "\(missing): no such file")
        let empty = dir.write("empty.bundle", "")
        #expect(refusal(empty)?.hasPrefix("\(empty): the file is empty") == true)
        let csv = dir.write("roster.csv", "code,given,family\nT-001,Ana,Silva\n")
        #expect(refusal(csv) == "\(csv): not a Muster sync bundle")
        let json = dir.write("other.json", "{\"format\":\"something-else\"}\n")
        #expect(refusal(json) == "\(json): not a Muster sync bundle")
        let blank = dir.write("blank.bundle", "\n\n")
        #expect(refusal(blank) == "\(blank): not a Muster sync bundle")
    }

    @Test func aNewerFormatIsRefusedWithTheRemedy() throws {
        var lines = try lines(try written(Self.records(3)))
        lines[0] = Data(String(decoding: lines[0], as: UTF8.self).replacingOccurrences(of: "\"version\":1", with: "\"version\":2").utf8)
        let path = try signed(lines, by: Self.key, name: "v2.bundle")
        #expect(refusal(path)?.contains("written by a newer Muster (bundle format 2; this one reads 1): update Muster") == true)

        var encrypted = try bytes(try written(Self.records(3), passphrase: Self.passphrase, name: "e.bundle"))
        let v = Array(" v1 ".utf8)
        let at = (0..<encrypted.count).first { Array(encrypted[$0..<$0 + 4]) == v }!
        encrypted[at + 2] = UInt8(ascii: "3")
        let newer = try save(encrypted, "e3.bundle")
        #expect(refusal(newer, passphrase: Self.passphrase)?.contains("written by a newer Muster (bundle format v3") == true)
    }

    @Test func aBundleResignedByAnotherKeyIsRefused() throws {
        let lines = try lines(try written(Self.records(6)))
        let path = try signed(Array(lines.dropLast()), by: Self.otherKey, name: "resigned.bundle")
        #expect(
            refusal(path) == "\(path): not signed by the origin it names (\(Self.key.origin)): refused; ask that device for a new bundle")
    }

    @Test func aHeaderCarryingAnotherKeyThanItsOriginIsRefused() throws {
        var lines = Array(try lines(try written(Self.records(6))).dropLast())
        var header = try JSONDecoder().decode(SyncBundleHeader.self, from: lines[0])
        header.publicKey = Self.otherKey.publicKey.base64EncodedString()
        lines[0] = header.canonicalJSON
        let path = try signed(lines, by: Self.otherKey, name: "swapped.bundle")
        #expect(
            refusal(path)
                == "\(path): its header names origin \(Self.key.origin) but carries the key of origin \(Self.otherKey.origin): refused")
    }

    @Test func anEditedRecordCountIsRefused() throws {
        let lines = Array(try lines(try written(Self.records(5))).dropLast())
        let path = try signed(lines, by: Self.key, count: 6, name: "count.bundle")
        #expect(refusal(path)?.hasPrefix("\(path): holds 5 records but its trailer says 6: the file was damaged") == true)
    }

    @Test func aMalformedRecordLineIsRefusedByNumberEvenWhenSigned() throws {
        var lines = Array(try lines(try written(Self.records(5))).dropLast())
        lines[2] = Data(#"{"id":"x","kind":"teleport"}"#.utf8)
        let path = try signed(lines, by: Self.key, name: "bad-record.bundle")
        #expect(refusal(path)?.hasPrefix("\(path): line 3 is not a valid sync record (") == true)
    }

    @Test func aHeaderThatMisdescribesItsRecordsIsRefusedEvenWhenSigned() throws {
        var lines = Array(try lines(try written(Self.records(5))).dropLast())
        var header = try JSONDecoder().decode(SyncBundleHeader.self, from: lines[0])
        header.ranges = [Self.key.origin: [[1, 9]]]
        lines[0] = header.canonicalJSON
        let path = try signed(lines, by: Self.key, name: "ranges.bundle")
        #expect(refusal(path) == "\(path): its header's ranges differ from its records: refused")
    }

    @Test func encryptedBundlesNeedTheRightPassphrase() throws {
        let path = try written(Self.records(5), passphrase: Self.passphrase)
        #expect(refusal(path) == "\(path): encrypted: give --passphrase-env VAR")
        #expect(refusal(path, passphrase: "") == "\(path): encrypted: give --passphrase-env VAR")
        #expect(refusal(path, passphrase: "correct horse") == "\(path): wrong passphrase, or the file is damaged")
    }

    @Test func messagesQuoteNothingFromTheFileUncleaned() throws {
        var lines = Array(try lines(try written(Self.records(2))).dropLast())
        var header = try JSONDecoder().decode(SyncBundleHeader.self, from: lines[0])
        header.origin = "\u{1B}[2Jevil\u{202E}"
        lines[0] = header.canonicalJSON
        let path = try signed(lines, by: Self.key, name: "evil.bundle")
        let message = try #require(refusal(path))
        #expect(message.contains("names origin evil but"))
        #expect(!message.unicodeScalars.contains { NameSanitizer.isDropped($0) })
    }

    @Test(.seeded, arguments: [nil, passphrase])
    func aBundleCutAnywhereIsRefused(passphrase: String?) throws {
        var rng = SeededRandom()
        print("aBundleCutAnywhereIsRefused: \(rng.replayText)")
        let whole = try bytes(try written(Self.records(30), passphrase: passphrase))
        let trailerStart = (whole.lastIndex(of: 0x0A, before: whole.count - 1) ?? 0) + 1
        var offsets = (0..<40).map { _ in Int.random(in: 0..<whole.count, using: &rng) }
        // Each line boundary and the inside of the trailer too: the cuts that look most like a whole file.
        offsets += [0, whole.count - 1, trailerStart, trailerStart - 1]
        for offset in offsets {
            let path = try save(Array(whole.prefix(offset)), "cut.bundle")
            let message = refusal(path, passphrase: Self.passphrase)
            #expect(
                message?.hasPrefix("\(path): ") == true, "cut at \(offset) of \(whole.count): \(message ?? "accepted"); \(rng.replayText)")
        }
    }

    @Test(.seeded, arguments: [nil, passphrase])
    func aSingleFlippedBitAnywhereIsRefused(passphrase: String?) throws {
        var rng = SeededRandom()
        print("aSingleFlippedBitAnywhereIsRefused: \(rng.replayText)")
        let whole = try bytes(try written(Self.records(30), passphrase: passphrase))
        let headerEnd = whole.firstIndex(of: 0x0A)!
        let trailerStart = whole.lastIndex(of: 0x0A, before: whole.count - 1)! + 1
        // Header, records and trailer each get their share (for an encrypted file these are just thirds).
        let regions =
            passphrase == nil ? [0...headerEnd, headerEnd + 1...trailerStart - 1, trailerStart...whole.count - 1] : [0...whole.count - 1]
        for region in regions {
            for _ in 0..<25 {
                let offset = Int.random(in: region, using: &rng)
                var flipped = whole
                flipped[offset] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
                let path = try save(flipped, "flipped.bundle")
                let message = refusal(path, passphrase: Self.passphrase)
                #expect(message?.hasPrefix("\(path): ") == true, "bit flipped at \(offset): \(message ?? "accepted"); \(rng.replayText)")
            }
        }
    }

    @Test func aFileChangedAfterItWasVerifiedStopsTheRecords() throws {
        let path = try written(Self.records(20))
        let reader = try BundleReader(path: path, passphrase: nil)
        var changed = try bytes(path)
        let at = changed.count / 2
        changed[at] = changed[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(changed))
        try handle.close()
        #expect(throws: MusterError.invalid("\(path): the file changed while it was being read: nothing was taken from it; try again")) {
            try reader.forEachRecord { _ in }
        }
    }

    // MARK: - Scale

    /// More records than a 16-bit count holds, over a dozen 1 MiB chunks: they stream through
    /// and come back counted. (200,000 proved no more than 70,000 and took half a minute.)
    @Test func seventyThousandRecordsStreamThrough() throws {
        let count = 70_000
        let origin = Self.key.origin
        func record(_ n: Int) -> SyncRecord {
            SyncRecord(
                id: String(format: "00000000-0000-4000-8000-%012llx", n), origin: origin, seq: Int64(n), hlc: Int64(n) << 16,
                kind: .event, entity: "attendance_event", gid: String(format: "00000000-0000-4000-8000-%012llx", n),
                fields: ["status": .text("present"), "person": .text("p-\(n % 500)"), "session": .text("s-\(n % 40)")])
        }
        let header = SyncBundleHeader(
            key: Self.key, label: "laptop", schema: "v12", createdMs: 0, courses: [],
            ranges: [origin: [[1, Int64(count)]]], counts: ["event": count])
        let path = dir.file("big.bundle")
        let written = try BundleFile.write(header: header, records: (1...count).lazy.map(record), key: Self.key, to: path, passphrase: nil)
        let reader = try BundleReader(path: path, passphrase: nil)
        var seen = 0
        try reader.forEachRecord { _ in seen += 1 }
        #expect(seen == count)
        #expect(reader.recordCount == count)
        print("\(count) records: \(written) bytes, \(written / count) bytes a record")
    }

    // MARK: - The origin key

    @Test func theOriginIsNamedByItsPublicKey() throws {
        let key = OriginKey()
        #expect(key.publicKey.count == 32 && key.rawPrivateKey.count == 32)
        #expect(key.origin.count == 32 && key.origin.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(key.origin == lowerHex(SHA256.hash(data: key.publicKey).prefix(16)))
        let again = try OriginKey(rawPrivateKey: key.rawPrivateKey)
        #expect(again.origin == key.origin && again.publicKey == key.publicKey)
        #expect(throws: MusterError.self) { try OriginKey(rawPrivateKey: Data([1, 2, 3])) }
        let data = Data("digest".utf8)
        let one = try key.sign(data), two = try key.sign(data)
        #expect(OriginKey.verify(signature: one, data: data, publicKey: key.publicKey))
        #expect(OriginKey.verify(signature: two, data: data, publicKey: key.publicKey))
        #expect(!OriginKey.verify(signature: one, data: Data("other".utf8), publicKey: key.publicKey))
        #expect(!OriginKey.verify(signature: one, data: data, publicKey: Self.otherKey.publicKey))
        #expect(!OriginKey.verify(signature: one, data: data, publicKey: Data([1])))
    }

    @Test func theTallyJoinsRunsAndSortsWhatCameOutOfOrder() {
        var tally = BundleTally()
        for seq in [5, 1, 2, 3, 9, 7, 8] as [Int64] {
            tally.add(SyncRecord(id: "\(seq)", origin: "a", seq: seq, hlc: 0, kind: .event, entity: "attendance_event", gid: "\(seq)"))
        }
        tally.add(SyncRecord(id: "b", origin: "b", seq: 4, hlc: 0, kind: .put, entity: "course", gid: "c"))
        #expect(tally.ranges == ["a": [[1, 3], [5, 5], [7, 9]], "b": [[4, 4]]])
        #expect(tally.counts == ["event": 7, "put": 1])
        #expect(tally.count == 8)
    }
}

extension Array where Element == UInt8 {
    /// The last index of `byte` before `end`.
    fileprivate func lastIndex(of byte: UInt8, before end: Int) -> Int? {
        self[..<end].lastIndex(of: byte)
    }
}
