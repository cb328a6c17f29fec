import Crypto
import Foundation

/// Salted, slow hashes of kiosk PINs (PBKDF2-HMAC-SHA256).
///
/// A PIN has little entropy, so the hash cannot make guessing impossible for someone who has
/// the database file; the salt stops precomputed tables and the iterations make each guess cost
/// something (20,000 rounds: ~40 ms in a release build here, small enough for a Raspberry Pi to
/// check a PIN at once). At the kiosk itself the throttle is what stops guessing. The rounds
/// are stored with each hash, so they can be raised later without breaking stored PINs.
public enum PINHasher {
    public static let defaultIterations = 20_000

    public static func salt() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    public static func hash(_ pin: String, salt: Data, iterations: Int = defaultIterations) -> Data {
        pbkdf2(password: Data(pin.utf8), salt: salt, iterations: max(1, iterations))
    }

    /// Compares in constant time, so timing does not reveal how many leading bytes matched.
    public static func matches(_ pin: String, salt: Data, hash expected: Data, iterations: Int) -> Bool {
        let actual = hash(pin, salt: salt, iterations: iterations)
        guard actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// RFC 8018 PBKDF2 with HMAC-SHA256, one 32-byte block.
    static func pbkdf2(password: Data, salt: Data, iterations: Int) -> Data {
        let key = SymmetricKey(data: password)
        var block = salt
        block.append(contentsOf: [0, 0, 0, 1])
        var u = Data(HMAC<SHA256>.authenticationCode(for: block, using: key))
        var result = [UInt8](u)
        for _ in 1..<iterations {
            u = Data(HMAC<SHA256>.authenticationCode(for: u, using: key))
            for i in result.indices { result[i] ^= u[u.startIndex + i] }
        }
        return Data(result)
    }
}
