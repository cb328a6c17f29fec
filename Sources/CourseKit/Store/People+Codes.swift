import Foundation
import GRDB

/// Participant codes as the library hands them out: the country's ISO code and a number
/// (`GT-006`), `P-001` for people without a country. A roster import gives them to people who
/// come without one (`RosterPlanner`); the person form proposes one the same way.
public enum ParticipantCodes {
    /// `GT` and 6 make `GT-006`.
    public static func code(prefix: String, number: Int) -> String {
        let digits = String(number)
        return prefix + "-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The prefix for a country: its code, or `P` for none.
    public static func prefix(country: String) -> String { country.isEmpty ? "P" : country.uppercased() }
}

extension People {
    /// The next free code for a person from `country` (`GT-006` after `GT-005`), for a form to
    /// propose; the person can still be given any other free code.
    public func proposedCode(country: String) throws -> String {
        let prefix = ParticipantCodes.prefix(country: country)
        return try read { db in
            let codes = try String.fetchAll(
                db, sql: "SELECT code FROM person WHERE code LIKE ? ESCAPE '\\'",
                arguments: [prefix.replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "%", with: "\\%") + "-%"])
            let taken = Set(codes.map { $0.uppercased() })
            var n = codes.compactMap { Int($0.dropFirst(prefix.count + 1)) }.max() ?? 0
            var code: String
            repeat {
                n += 1
                code = ParticipantCodes.code(prefix: prefix, number: n)
            } while taken.contains(code.uppercased())
            return code
        }
    }
}
