import Crypto
import Foundation

/// The one-time code that pairs two devices: `muster sync serve` shows it, the person at the other
/// device types it after `--pair`. Twelve characters of Crockford's base32 (60 bits) in three
/// groups, `K7QF-M2XD-9PTA`: read aloud across a room without confusing 0/O or 1/I/L, and typed in
/// any case, with or without the dashes.
///
/// The code never travels. Each side proves it knows the code with an HMAC over its signed hello
/// (`PeerHandshake`), so a device that does not know it cannot pair, and a fake server at the
/// address cannot pass itself off as the serving laptop. Its 60 bits are only ever guessed online,
/// a few tries per code (`SyncPeerService` replaces a code after five wrong ones), and a code pairs
/// once. After pairing the keys are pinned: the code is worth nothing to someone who overhears it later.
public struct PairingCode: Sendable, Equatable, CustomStringConvertible {
    /// The twelve characters, upper case, no dashes.
    public let normalized: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A new random code.
    public static func random() -> PairingCode {
        var generator = SystemRandomNumberGenerator()
        return PairingCode(normalized: String((0..<12).map { _ in alphabet[Int(generator.next() % 32)] }))
    }

    private init(normalized: String) { self.normalized = normalized }

    /// A code as typed: case, dashes and spaces do not matter; O reads as 0, I and L as 1.
    /// Nil when it is not twelve characters of the alphabet.
    public init?(typed: String) {
        var chars: [Character] = []
        for ch in typed.uppercased() where ch != "-" && ch != " " {
            let mapped: Character = ch == "O" ? "0" : (ch == "I" || ch == "L") ? "1" : ch
            guard Self.alphabet.contains(mapped) else { return nil }
            chars.append(mapped)
        }
        guard chars.count == 12 else { return nil }
        normalized = String(chars)
    }

    /// `K7QF-M2XD-9PTA`.
    public var description: String {
        let c = Array(normalized)
        return "\(String(c[0..<4]))-\(String(c[4..<8]))-\(String(c[8..<12]))"
    }

    private var key: SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(normalized.utf8)), salt: Data("muster-pair-v1".utf8),
            outputByteCount: 32)
    }

    /// Proof of knowing the code, bound to one handshake's transcript.
    func proof(_ transcript: Data) -> Data { Data(HMAC<SHA256>.authenticationCode(for: transcript, using: key)) }

    func verify(proof: Data, transcript: Data) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(proof, authenticating: transcript, using: key)
    }
}
