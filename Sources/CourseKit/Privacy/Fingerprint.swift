import Crypto
import Foundation

/// One-way marks of what identified an erased person: their participant code and e-mail. Kept
/// after erasure so an import of an old file can recognise them and refuse, without the library
/// keeping anything that says who they were. Names are left out on purpose: a name is easy to
/// guess, and a mark of it would let anyone confirm that someone was erased.
///
/// The marks are HMACs under the library's `ErasureKey`, kept outside the library file, so
/// holding the file is not enough to test a guessed e-mail. Libraries erased before the key
/// (`muster-erasure-v1`, a plain hash) keep their old marks: they are still checked, never made.
enum Fingerprint {
    static func of(person p: Person, key: SymmetricKey) -> [String] { of(code: p.code, email: p.email, key: key) }

    static func of(code: String, email: String, key: SymmetricKey) -> [String] {
        identifiers(code: code, email: email).map { text in
            "k1:" + HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// The unkeyed marks of the first erasures, for recognising those people only.
    static func legacy(code: String, email: String) -> [String] {
        identifiers(code: code, email: email).map { text in
            SHA256.hash(data: Data(("muster-erasure-v1|" + text).utf8)).map { String(format: "%02x", $0) }.joined()
        }
    }

    static func identifiers(code: String, email: String) -> [String] {
        var parts = ["code:" + code.uppercased()]
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        if !email.isEmpty { parts.append("email:" + email) }
        return parts
    }
}
