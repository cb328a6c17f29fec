import Crypto
import Foundation

/// The sync bundle file: what one library writes and another reads (USB stick, e-mail, shared
/// folder). JSON Lines, so it streams, greps, and shows truncation:
///
///     {"bundleID":…,"format":"muster-sync-bundle",…,"version":1}      the header (SyncBundleHeader)
///     {"entity":"attendance_event",…}                                 one SyncRecord per line
///     {"trailer":{"count":N,"sha256":"…","signature":"…"}}             the trailer
///
/// The trailer's `sha256` covers every byte before the trailer line; `signature` is the writing
/// origin's Ed25519 signature of those 32 digest bytes; `count` is the number of record lines.
/// With a passphrase the same bytes are sealed (`BundleCipher`). `BundleReader` reads it back.
public enum BundleFile {
    /// Writes and reads go to disk in pieces of this size, and encrypted chunks hold at most this.
    static let chunkSize = 1 << 20

    /// Writes `records` under `header`, signed with `key`, to `path` (replacing a file there), and
    /// returns the bytes written. Encrypted when `passphrase` is given.
    ///
    /// The file appears complete or not at all (`PrivateFileWriter`: 0600 from its first byte,
    /// synced, renamed into place). The header must name `key`'s origin and describe the records
    /// exactly (`BundleTally`); otherwise nothing is written.
    @discardableResult
    public static func write(
        header: SyncBundleHeader, records: some Sequence<SyncRecord>, key: OriginKey, to path: String,
        passphrase: String?
    ) throws -> Int {
        try write(header: header, key: key, to: path, passphrase: passphrase) { emit in
            for record in records { try emit(record) }
        }
    }

    /// The same, for records that come from a cursor: `records` calls `emit` once per record, in
    /// the order they go into the file. An error either throws leaves nothing at `path`.
    @discardableResult
    public static func write(
        header: SyncBundleHeader, key: OriginKey, to path: String, passphrase: String?,
        records: (_ emit: (SyncRecord) throws -> Void) throws -> Void
    ) throws -> Int {
        let name = BundleRefusal.displayName(path)
        guard header.format == SyncBundleHeader.formatName, header.version == SyncBundleHeader.currentVersion else {
            throw MusterError.invalid("cannot write \(name): a bundle header must be format \(SyncBundleHeader.currentVersion)")
        }
        guard header.origin == key.origin, header.publicKey == key.publicKey.base64EncodedString() else {
            throw MusterError.invalid("cannot write \(name): the header names another origin than the key that signs it")
        }
        if let passphrase, passphrase.isEmpty {
            throw MusterError.invalid("cannot write \(name): the passphrase is empty")
        }
        let destination = try PrivateFileWriter(path: path)
        var output = try BundleOutput(file: destination.file, cipher: passphrase.map { BundleCipher(passphrase: $0) })
        var hasher = SHA256()
        var tally = BundleTally()
        func line(_ json: Data) throws {
            var bytes = json
            bytes.append(0x0A)
            hasher.update(data: bytes)
            try output.write(bytes)
        }
        try line(header.canonicalJSON)
        try records { record in
            tally.add(record)
            try line(record.canonicalJSON)
        }
        if let reason = tally.mismatch(with: header) {
            throw MusterError.invalid("cannot write \(name): \(reason) (a fault in Muster: please report it)")
        }
        let digest = Data(hasher.finalize())
        let trailer = BundleTrailer(
            count: tally.count, sha256: lowerHex(digest), signature: try key.sign(digest).base64EncodedString())
        try output.write(trailer.line)
        try output.finish()
        try destination.commit()
        return output.bytesWritten
    }

    /// True when the file at `path` starts like an encrypted bundle (so a passphrase is needed).
    public static func isEncrypted(path: String) -> Bool {
        guard let file = try? BundleFileDescriptor.openForReading(path),
            let start = try? file.read(upTo: BundleCipher.magic.utf8.count + 1)
        else { return false }
        return BundleCipher.isMagic(start)
    }
}

/// The last line of a bundle: `{"trailer":{"count":…,"sha256":"…","signature":"…"}}`.
struct BundleTrailer: Codable {
    struct Seal: Codable {
        var count: Int
        var sha256: String
        var signature: String
    }
    var trailer: Seal

    init(count: Int, sha256: String, signature: String) {
        trailer = Seal(count: count, sha256: sha256, signature: signature)
    }

    /// The line with its newline.
    var line: Data {
        // A struct of an integer and two strings always encodes.
        var bytes = try! SyncRecord.encoder.encode(self)
        bytes.append(0x0A)
        return bytes
    }
}
