import Crypto
import Foundation

/// Reads a bundle file (`BundleFile`): verifies all of it when opened, and only then hands out
/// its records, streaming, one line in memory at a time.
///
/// Opening checks, in this order, and refuses the whole file with one line naming it
/// (`BundleRefusal`) at the first failure: that it exists and is not empty; that it is a bundle
/// of a format this Muster reads; for an encrypted one, the passphrase and every chunk's
/// authentication; that it ends with a trailer; the SHA-256 of everything before the trailer; the
/// record count; that the header's origin is the one its public key names; the signature of the
/// digest by that key; that every record line is a valid record; and that the header's ranges
/// and counts describe the records exactly. A passphrase given for an unencrypted bundle is ignored.
///
/// `forEachRecord` reads the file a second time (decrypting again, for an encrypted bundle:
/// plaintext never touches the disk, so a killed import leaves no decrypted copy behind, at the
/// cost of a second pass of ChaChaPoly, which is cheap next to decoding the JSON). The file stays
/// open between the passes, so renaming another file over it changes nothing; a change in place
/// is caught by checking the digest again at the end, so call it inside a transaction that rolls
/// back if it throws.
public final class BundleReader {
    /// The path as given.
    public let path: String
    /// The verified header. Its strings came from another device: clean them before showing them.
    public let header: SyncBundleHeader
    /// Records in the bundle.
    public let recordCount: Int
    /// SHA-256 of the plain bundle before its trailer, lower-case hex: the same for the same bundle
    /// whether encrypted or not.
    public let sha256: String
    public let isEncrypted: Bool

    private let file: BundleFileDescriptor
    private let cipher: BundleCipher?
    /// Where the plain bundle, or the first encrypted chunk, starts.
    private let bodyOffset: Int
    private let decoder = JSONDecoder()

    public init(path: String, passphrase: String?) throws {
        self.path = path
        file = try BundleFileDescriptor.openForReading(path)
        let name = file.name
        let start = try file.read(upTo: 512)
        guard !start.isEmpty else { throw BundleRefusal.empty.error(name) }
        if BundleCipher.isMagic(start) {
            guard let end = start.firstIndex(of: 0x0A) else {
                throw (start.count < 512 ? BundleRefusal.truncated : BundleRefusal.wrongPassphrase).error(name)
            }
            cipher = try BundleCipher.reading(magicLine: Data(start[...end]), passphrase: passphrase, name: name)
            bodyOffset = end + 1
        } else {
            cipher = nil
            bodyOffset = 0
        }
        isEncrypted = cipher != nil
        let verified = try Self.verify(file: file, cipher: cipher, bodyOffset: bodyOffset, decoder: decoder)
        header = verified.header
        recordCount = verified.count
        sha256 = lowerHex(verified.digest)
    }

    /// Calls `body` with each record, in the file's order. Throws if the file changed since it was
    /// verified (after `body` has seen some records: see the type's comment) or if `body` throws.
    public func forEachRecord(_ body: (SyncRecord) throws -> Void) throws {
        var lines = try lineReader()
        var hasher = SHA256()
        let changed = BundleRefusal.changedWhileReading.error(file.name)
        guard let first = try lines.next(), first.terminated else { throw changed }
        Self.hash(first.line, into: &hasher)
        for _ in 0..<recordCount {
            guard let next = try lines.next(), next.terminated,
                let record = try? SyncRecord.decode(next.line, decoder: decoder)
            else { throw changed }
            Self.hash(next.line, into: &hasher)
            try body(record)
        }
        guard try lines.next()?.terminated == true, try lines.next() == nil, lowerHex(hasher.finalize()) == sha256 else {
            throw changed
        }
    }

    private func lineReader() throws -> BundleLineReader<AnyBundleByteSource> {
        try Self.lineReader(file: file, cipher: cipher, bodyOffset: bodyOffset)
    }

    private static func lineReader(
        file: BundleFileDescriptor, cipher: BundleCipher?, bodyOffset: Int
    ) throws -> BundleLineReader<AnyBundleByteSource> {
        try file.seek(to: bodyOffset)
        let source: any BundleByteSource =
            if let cipher { DecryptingByteSource(file: file, cipher: cipher) } else { PlainByteSource(file: file) }
        return BundleLineReader(AnyBundleByteSource(source))
    }

    private static let newline = Data([0x0A])

    private static func hash(_ line: Data, into hasher: inout SHA256) {
        hasher.update(data: line)
        hasher.update(data: newline)
    }

    /// The first pass: everything the type's comment lists, or the refusal of the first thing wrong.
    private static func verify(
        file: BundleFileDescriptor, cipher: BundleCipher?, bodyOffset: Int, decoder: JSONDecoder
    ) throws -> (header: SyncBundleHeader, count: Int, digest: Data) {
        let name = file.name
        var lines = try lineReader(file: file, cipher: cipher, bodyOffset: bodyOffset)
        do {
            guard let first = try lines.next() else { throw BundleRefusal.empty.error(name) }
            let parsed = try HeaderLine(first.line, terminated: first.terminated, name: name)
            var hasher = SHA256()
            hash(first.line, into: &hasher)
            var tally = BundleTally()
            var badRecord: BundleRefusal?
            // The latest line is held back: it is a record if another line follows, else the trailer.
            var held: (line: Data, terminated: Bool, number: Int)?
            while let next = try lines.next() {
                if let record = held {
                    hash(record.line, into: &hasher)
                    do {
                        tally.add(try SyncRecord.decode(record.line, decoder: decoder))
                    } catch {
                        if badRecord == nil { badRecord = .badRecord(line: record.number, reason: BundleRefusal.describe(error)) }
                    }
                }
                held = (next.line, next.terminated, lines.lineNumber)
            }
            let records = held == nil ? 0 : lines.lineNumber - 2
            guard first.terminated, let last = held, last.terminated,
                let trailer = try? decoder.decode(BundleTrailer.self, from: last.line).trailer
            else { throw BundleRefusal.truncated.error(name) }

            let digest = Data(hasher.finalize())
            guard lowerHex(digest) == trailer.sha256 else { throw BundleRefusal.checksum.error(name) }
            guard trailer.count == records else {
                throw BundleRefusal.countDiffers(found: records, trailer: trailer.count).error(name)
            }
            let header = try parsed.header.get()
            guard let publicKey = Data(base64Encoded: header.publicKey), publicKey.count == 32,
                publicKey.base64EncodedString() == header.publicKey
            else { throw BundleRefusal.badHeader("bad publicKey").error(name) }
            let keyOrigin = OriginKey.origin(ofPublicKey: publicKey)
            guard header.origin == keyOrigin else {
                throw BundleRefusal.originMismatch(named: header.origin, keyOf: keyOrigin).error(name)
            }
            // Re-encoding refuses a signature written with spare base64 bits set: one bit flipped
            // there would otherwise decode to the same, valid signature.
            guard let signature = Data(base64Encoded: trailer.signature), signature.base64EncodedString() == trailer.signature,
                OriginKey.verify(signature: signature, data: digest, publicKey: publicKey)
            else { throw BundleRefusal.badSignature(origin: header.origin).error(name) }
            if let badRecord { throw badRecord.error(name) }
            if let reason = tally.mismatch(with: header) { throw BundleRefusal.headerDisagrees(reason).error(name) }
            return (header, records, digest)
        } catch let tooLong as BundleLineReader<AnyBundleByteSource>.LineTooLong {
            throw BundleRefusal.lineTooLong(line: tooLong.line).error(name)
        }
    }
}

/// The first line of a plain bundle, recognised before the rest is read: a file that is not a
/// bundle, or of a newer format, is refused at once; a header that looks like Muster's but does
/// not decode waits for the checksum, which names the damage better.
private struct HeaderLine {
    let header: Result<SyncBundleHeader, MusterError>

    private struct Probe: Decodable {
        var format: String?
        var version: Int?
    }

    /// How every header this Muster writes begins (its keys are sorted).
    private static let opening = Array(#"{"bundleID":""#.utf8)

    init(_ line: Data, terminated: Bool, name: String) throws {
        let probe = try? JSONDecoder().decode(Probe.self, from: line)
        if let probe, probe.format == SyncBundleHeader.formatName {
            if let version = probe.version, version > SyncBundleHeader.currentVersion {
                throw BundleRefusal.newerVersion(String(version)).error(name)
            }
        } else if line.isEmpty || !(line.starts(with: Self.opening) || Self.opening.starts(with: line)) {
            throw BundleRefusal.notABundle.error(name)
        }
        guard terminated else { throw BundleRefusal.truncated.error(name) }
        do {
            let header = try JSONDecoder().decode(SyncBundleHeader.self, from: line)
            guard header.format == SyncBundleHeader.formatName, header.version == SyncBundleHeader.currentVersion else {
                throw BundleRefusal.badHeader("format \(header.version)").error(name)
            }
            self.header = .success(header)
        } catch let error as MusterError {
            self.header = .failure(error)
        } catch {
            self.header = .failure(BundleRefusal.badHeader(BundleRefusal.describe(error)).error(name))
        }
    }
}

/// A byte source of either kind, so the line reader is one type.
struct AnyBundleByteSource: BundleByteSource {
    private var base: any BundleByteSource

    init(_ base: any BundleByteSource) { self.base = base }

    mutating func next() throws -> [UInt8]? { try base.next() }
}
