import Crypto
import Foundation

/// Re-signs a bundle with a key that is not its origin's, the way a forger who can rewrite the
/// file but does not hold the origin's private key would: the content stays, the trailer's
/// signature is new and valid for another key.
///
/// Works on the file as bytes, from the format alone (JSON Lines: a header line, record lines,
/// then `{"trailer":{"count":N,"sha256":"…","signature":"…"}}`, where `sha256` is of every byte
/// before the trailer line and `signature` is Ed25519 over those 32 digest bytes), so the test
/// does not lean on the codec it is testing.
enum BundleResigner {
    struct Parts {
        /// Every byte before the trailer line.
        var body: Data
        var trailer: String
        var header: [String: Any]
    }

    /// The body, the trailer line and the header of a plain (not encrypted) bundle.
    static func parts(_ data: Data) throws -> Parts {
        var end = data.count
        while end > 0 && data[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        let start = (data[..<end].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let trailer = String(decoding: data[start..<end], as: UTF8.self)
        guard trailer.contains("\"trailer\"") else { throw Failure("no trailer line: is the bundle encrypted?") }
        let body = data[..<start]
        let firstLine = body.prefix(while: { $0 != UInt8(ascii: "\n") })
        let header = try JSONSerialization.jsonObject(with: Data(firstLine)) as? [String: Any] ?? [:]
        return Parts(body: Data(body), trailer: trailer, header: header)
    }

    /// The same bundle with its signature replaced by `key`'s over the same digest, in the
    /// encoding the original used (hex or base64). With `claimKey`, the header's public key
    /// (every string field whose name mentions "key" and that decodes to 32 bytes) is swapped
    /// for `key`'s as well, and the body's digest and the trailer follow, so only the origin id
    /// (a hash of the original key) gives the forgery away.
    static func resign(_ data: Data, with key: Curve25519.Signing.PrivateKey, claimKey: Bool = false) throws -> Data {
        var parts = try parts(data)
        if claimKey {
            let firstLineEnd = parts.body.firstIndex(of: UInt8(ascii: "\n")) ?? parts.body.endIndex
            var headerLine = String(decoding: parts.body[..<firstLineEnd], as: UTF8.self)
            var swapped = 0
            for (name, value) in parts.header where name.lowercased().contains("key") {
                guard let old = value as? String, let encoding = Encoding(of: old, bytes: 32) else { continue }
                headerLine = headerLine.replacingOccurrences(of: old, with: encoding.encode(key.publicKey.rawRepresentation))
                swapped += 1
            }
            guard swapped > 0 else { throw Failure("no public key found in the header (fields: \(parts.header.keys.sorted()))") }
            parts.body = Data(headerLine.utf8) + parts.body[firstLineEnd...]
            let oldDigest = try field("sha256", of: parts.trailer)
            let digest = Data(SHA256.hash(data: parts.body))
            parts.trailer = parts.trailer.replacingOccurrences(
                of: oldDigest, with: (Encoding(of: oldDigest, bytes: 32) ?? .hex).encode(digest))
        }
        let oldSignature = try field("signature", of: parts.trailer)
        let digest = Data(SHA256.hash(data: parts.body))
        let signature = try key.signature(for: digest)
        let encoding = Encoding(of: oldSignature, bytes: 64) ?? .base64
        let trailer = parts.trailer.replacingOccurrences(of: oldSignature, with: encoding.encode(signature))
        return parts.body + Data(trailer.utf8) + Data("\n".utf8)
    }

    /// The string value of `name` in the trailer line.
    static func field(_ name: String, of trailer: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(trailer.utf8)) as? [String: Any]
        guard let fields = object?["trailer"] as? [String: Any], let value = fields[name] as? String else {
            throw Failure("the trailer has no \(name): \(trailer)")
        }
        return value
    }

    enum Encoding {
        case hex, base64

        /// How `text` encodes `bytes` bytes, if it does.
        init?(of text: String, bytes: Int) {
            if text.count == bytes * 2, text.allSatisfy(\.isHexDigit) {
                self = .hex
            } else if Data(base64Encoded: text)?.count == bytes {
                self = .base64
            } else {
                return nil
            }
        }

        func encode<D: DataProtocol>(_ data: D) -> String {
            switch self {
            case .hex: data.map { String(format: "%02x", $0) }.joined()
            case .base64: Data(data).base64EncodedString()
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
