import Crypto
import Foundation

/// One-way marks of what identified an erased person: their participant code and e-mail. Kept
/// after erasure so an import of an old file can recognise them and refuse, without the library
/// keeping anything that says who they were. Names are left out on purpose: a name is easy to
/// guess, and a hash of it would let anyone holding the file confirm that someone was erased.
enum Fingerprint {
    static func of(person p: Person) -> [String] { of(code: p.code, email: p.email) }

    static func of(code: String, email: String) -> [String] {
        var parts = ["code:" + code.uppercased()]
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        if !email.isEmpty { parts.append("email:" + email) }
        return parts.map(hash)
    }

    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(("muster-erasure-v1|" + text).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
