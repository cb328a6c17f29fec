import Crypto
import Foundation

/// Passphrase encryption of a whole bundle: a lost USB stick must not give away names.
///
/// The file is one magic line in the clear,
///
///     muster-sync-bundle-encrypted v1 <salt, base64> <PBKDF2 iterations> <nonce prefix, base64>
///
/// then the plain bundle (header, records, trailer: the same bytes an unencrypted bundle holds)
/// sealed with ChaChaPoly in chunks of up to 1 MiB, so neither writer nor reader ever holds more
/// than a chunk. Each chunk is a flag byte (1 on the last chunk, else 0), the plaintext length
/// (4 bytes, big-endian), the ciphertext and the 16-byte tag. The nonce is the file's random
/// 4-byte prefix and the chunk's number (8 bytes); the magic line, the chunk's number and its
/// flag and length are authenticated with it, so reordered, dropped or re-flagged chunks fail,
/// and a file cut at a chunk boundary lacks its last chunk. The key is PBKDF2-HMAC-SHA256 of the
/// passphrase (NFC, UTF-8) with a random salt, so a new file gets a new key and nonces never repeat.
struct BundleCipher {
    static let magic = "muster-sync-bundle-encrypted"
    static let version = "v1"
    /// ~80 ms to derive in a debug build on the 2-core machine this was measured on (17 µs a
    /// round: `PINHasher.pbkdf2` is Swift, slow unoptimised), less in release. Few rounds for a
    /// passphrase; stored in the magic line, so they can be raised without breaking old bundles.
    static let defaultIterations = 5_000
    /// Refuses rounds that would stall the reader for minutes (a damaged or hostile magic line).
    static let maximumIterations = 10_000_000
    static let tagBytes = 16
    static let chunkHeaderBytes = 5

    let key: SymmetricKey
    let noncePrefix: [UInt8]
    /// The magic line with its newline: authenticated with every chunk.
    let magicLine: Data

    /// A new salt and nonce prefix for one file, and the key from `passphrase`.
    init(passphrase: String, iterations: Int = defaultIterations) {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let prefix = (0..<4).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let line =
            "\(Self.magic) \(Self.version) \(Data(salt).base64EncodedString()) \(iterations) "
            + "\(Data(prefix).base64EncodedString())\n"
        self.init(passphrase: passphrase, salt: Data(salt), iterations: iterations, noncePrefix: prefix, magicLine: Data(line.utf8))
    }

    private init(passphrase: String, salt: Data, iterations: Int, noncePrefix: [UInt8], magicLine: Data) {
        let secret = Data(passphrase.precomposedStringWithCanonicalMapping.utf8)
        key = SymmetricKey(data: PINHasher.pbkdf2(password: secret, salt: salt, iterations: iterations))
        self.noncePrefix = noncePrefix
        self.magicLine = magicLine
    }

    /// True when `bytes` begin like an encrypted bundle.
    static func isMagic<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.starts(with: Array((magic + " ").utf8))
    }

    /// The cipher an encrypted file's magic line (with its newline) describes, keyed by `passphrase`.
    static func reading(magicLine: Data, passphrase: String?, name: String) throws -> BundleCipher {
        let words = String(decoding: magicLine.dropLast(), as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        if words.count >= 2, words[1] != Substring(version) {
            if words[1].first == "v", let number = Int(words[1].dropFirst()), number > 1 {
                throw BundleRefusal.newerVersion(String(words[1])).error(name)
            }
            throw BundleRefusal.wrongPassphrase.error(name)
        }
        guard words.count == 5, let salt = Data(base64Encoded: String(words[2])), salt.count == 16,
            let iterations = Int(words[3]), (1...maximumIterations).contains(iterations),
            let prefix = Data(base64Encoded: String(words[4])), prefix.count == 4
        else { throw BundleRefusal.wrongPassphrase.error(name) }
        guard let passphrase, !passphrase.isEmpty else { throw BundleRefusal.needsPassphrase.error(name) }
        return BundleCipher(
            passphrase: passphrase, salt: salt, iterations: iterations, noncePrefix: Array(prefix), magicLine: magicLine)
    }

    private func nonce(_ counter: UInt64) -> ChaChaPoly.Nonce {
        // Twelve bytes always make a nonce.
        try! ChaChaPoly.Nonce(data: noncePrefix + withUnsafeBytes(of: counter.bigEndian, Array.init))
    }

    private func authenticated(_ counter: UInt64, _ chunkHeader: [UInt8]) -> Data {
        magicLine + withUnsafeBytes(of: counter.bigEndian, Array.init) + chunkHeader
    }

    private static func chunkHeader(final: Bool, length: Int) -> [UInt8] {
        [final ? 1 : 0] + withUnsafeBytes(of: UInt32(length).bigEndian, Array.init)
    }

    /// One chunk as it goes into the file.
    func seal(_ plaintext: Data, counter: UInt64, final: Bool) throws -> Data {
        let header = Self.chunkHeader(final: final, length: plaintext.count)
        let box = try ChaChaPoly.seal(plaintext, using: key, nonce: nonce(counter), authenticating: authenticated(counter, header))
        return Data(header) + box.ciphertext + box.tag
    }

    /// The plaintext of one chunk, or nil when it does not authenticate (wrong key, damage).
    func open(header: [UInt8], body: [UInt8], counter: UInt64) -> Data? {
        let cut = body.count - Self.tagBytes
        guard cut >= 0,
            let box = try? ChaChaPoly.SealedBox(nonce: nonce(counter), ciphertext: body[..<cut], tag: body[cut...])
        else { return nil }
        return try? ChaChaPoly.open(box, using: key, authenticating: authenticated(counter, header))
    }
}

/// Where the writer's bytes go: straight to the file, or sealed chunk by chunk. Holds at most a
/// chunk and a line, and counts what reaches the file.
struct BundleOutput {
    let file: BundleFileDescriptor
    let cipher: BundleCipher?
    private var pending = Data()
    private var counter: UInt64 = 0
    private(set) var bytesWritten = 0

    init(file: BundleFileDescriptor, cipher: BundleCipher?) throws {
        self.file = file
        self.cipher = cipher
        if let cipher { try emit(cipher.magicLine) }
    }

    mutating func write(_ bytes: Data) throws {
        pending.append(bytes)
        // Keep the tail back: the last chunk must be sealed as the last.
        while pending.count > BundleFile.chunkSize {
            try flush(pending.prefix(BundleFile.chunkSize), final: false)
            pending.removeFirst(BundleFile.chunkSize)
        }
    }

    mutating func finish() throws {
        try flush(pending, final: true)
        pending = Data()
    }

    private mutating func flush(_ chunk: Data, final: Bool) throws {
        if let cipher {
            try emit(cipher.seal(chunk, counter: counter, final: final))
            counter += 1
        } else {
            try emit(chunk)
        }
    }

    private mutating func emit(_ bytes: Data) throws {
        try file.write(bytes)
        bytesWritten += bytes.count
    }
}

/// An encrypted bundle's plaintext, one chunk at a time, each authenticated before it is handed on.
struct DecryptingByteSource: BundleByteSource {
    let file: BundleFileDescriptor
    let cipher: BundleCipher
    private var counter: UInt64 = 0
    private var finished = false

    init(file: BundleFileDescriptor, cipher: BundleCipher) {
        self.file = file
        self.cipher = cipher
    }

    mutating func next() throws -> [UInt8]? {
        if finished {
            // Bytes after the last chunk were not written by Muster.
            guard try file.read(upTo: 1).isEmpty else { throw BundleRefusal.wrongPassphrase.error(file.name) }
            return nil
        }
        let header = try file.read(upTo: BundleCipher.chunkHeaderBytes)
        guard header.count == BundleCipher.chunkHeaderBytes else { throw BundleRefusal.truncated.error(file.name) }
        let length = header[1...].reduce(0) { $0 << 8 | Int($1) }
        guard header[0] <= 1, length <= BundleFile.chunkSize else { throw BundleRefusal.wrongPassphrase.error(file.name) }
        let body = try file.read(upTo: length + BundleCipher.tagBytes)
        guard body.count == length + BundleCipher.tagBytes else { throw BundleRefusal.truncated.error(file.name) }
        guard let plaintext = cipher.open(header: header, body: body, counter: counter) else {
            throw BundleRefusal.wrongPassphrase.error(file.name)
        }
        counter += 1
        finished = header[0] == 1
        return Array(plaintext)
    }
}
