import Crypto
import Foundation

/// The Ed25519 key of one origin (one library on one device): it signs the bundles that library
/// writes, and its public key names the origin.
///
/// The origin id is derived from the public key, not chosen, so a bundle cannot claim to come
/// from an origin without holding that origin's key: a reader checks the id against the key the
/// bundle carries and the signature against that key.
///
/// swift-crypto's Ed25519 signatures are randomised (two signatures of the same data differ), so a
/// signature must never go into an id or a hash.
///
/// Holds the raw bytes rather than swift-crypto's key type, which is not `Sendable`; the key is
/// rebuilt for each signature (once per bundle).
public struct OriginKey: Sendable {
    /// The 32 raw bytes of the Ed25519 private key: what the library stores (`sync_local`).
    public let rawPrivateKey: Data
    /// The 32 raw bytes of the public key: what travels in a bundle's header.
    public let publicKey: Data

    /// A new random key.
    public init() {
        let key = Curve25519.Signing.PrivateKey()
        rawPrivateKey = key.rawRepresentation
        publicKey = key.publicKey.rawRepresentation
    }

    /// The key stored earlier as `rawPrivateKey`.
    public init(rawPrivateKey: Data) throws {
        guard rawPrivateKey.count == 32,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: rawPrivateKey)
        else {
            throw MusterError.invalid("the library's origin key is damaged (expected 32 bytes of an Ed25519 key)")
        }
        self.rawPrivateKey = key.rawRepresentation
        publicKey = key.publicKey.rawRepresentation
    }

    /// This key's origin id: see `origin(ofPublicKey:)`.
    public var origin: String { Self.origin(ofPublicKey: publicKey) }

    /// The origin id a public key names: the first 16 bytes of SHA-256 of its raw bytes, as 32
    /// lower-case hex digits. Short enough to show and type a prefix of, long enough not to collide.
    public static func origin(ofPublicKey publicKey: Data) -> String {
        lowerHex(SHA256.hash(data: publicKey).prefix(16))
    }

    /// An Ed25519 signature (64 bytes) of `data`. Randomised: never use it as an id.
    public func sign(_ data: Data) throws -> Data {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawPrivateKey)
        return try key.signature(for: data)
    }

    /// True when `signature` is `publicKey`'s signature of `data`; false for any malformed input.
    public static func verify(signature: Data, data: Data, publicKey: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: data)
    }
}

/// Bytes as lower-case hex, two digits each (a table lookup: this runs over every digest we show).
func lowerHex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
