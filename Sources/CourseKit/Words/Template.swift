import Foundation

/// Fills a catalogue text's blanks without Foundation's `String(format:)`, which on Linux goes
/// through CoreFoundation's format parser for every call: a screen formats a dozen texts a
/// frame, and that was 15 % of a key in the attendance matrix on the 100,000-person roster.
///
/// Only what the catalogues hold is handled: `%@`, `%d`, their numbered forms (`%2$@`, `%1$d`)
/// and `%%`. Anything else, or an argument of a kind a blank does not take, answers nil and the
/// caller formats with Foundation, so the two can never differ (`TemplateTests` holds every
/// catalogue text of both languages to Foundation's output).
enum Template {
    /// `template` with its blanks filled from `arguments`; `%d` groups digits as Foundation does
    /// for `locale` ("12,345", "12.345"). Nil when the template is beyond what this handles.
    static func fill(_ template: String, locale: Locale, arguments: [any CVarArg]) -> String? {
        guard template.utf8.contains(UInt8(ascii: "%")) else { return template }
        var out = ""
        var next = 0
        var rest = Substring(template)
        while let percent = rest.firstIndex(of: "%") {
            out += rest[..<percent]
            var i = rest.index(after: percent)
            guard i < rest.endIndex else { return nil }
            if rest[i] == "%" {
                out += "%"
                rest = rest[rest.index(after: i)...]
                continue
            }
            // An optional position: digits then "$".
            var position: Int?
            var digits = i
            while digits < rest.endIndex, let d = rest[digits].wholeNumberValue, rest[digits].isASCII {
                position = (position ?? 0) * 10 + d
                digits = rest.index(after: digits)
            }
            if position != nil {
                guard digits < rest.endIndex, rest[digits] == "$", let p = position, p >= 1 else { return nil }
                i = rest.index(after: digits)
                guard i < rest.endIndex else { return nil }
            }
            let index = position.map { $0 - 1 } ?? next
            if position == nil { next += 1 }
            guard arguments.indices.contains(index) else { return nil }
            let argument = arguments[index]
            switch rest[i] {
            case "@":
                if let text = argument as? String {
                    out += text
                } else if let text = argument as? NSString {
                    out += text as String
                } else {
                    return nil
                }
            case "d":
                guard let number = Self.integer(argument) else { return nil }
                out += Self.grouped(number, locale: locale)
            default:
                return nil
            }
            rest = rest[rest.index(after: i)...]
        }
        return out + rest
    }

    private static func integer(_ argument: any CVarArg) -> Int? {
        switch argument {
        case let n as Int: n
        case let n as Int32: Int(n)
        case let n as Int64: Int(exactly: n)
        case let n as UInt32: Int(n)
        default: nil
        }
    }

    /// The number with the locale's grouping, as Foundation's `%d` writes it: in threes, with
    /// the separator it uses, from the fourth digit or (`fromFive`) only from the fifth.
    private static func grouped(_ n: Int, locale: Locale) -> String {
        if n > -1000 && n < 1000 { return String(n) }
        let rule = Self.rule(locale)
        let digits = Array(String(n.magnitude))
        guard let separator = rule.separator, digits.count > (rule.fromFive ? 4 : 3) else { return String(n) }
        var out = n < 0 ? "-" : ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }

    private struct Rule: Sendable {
        var separator: String?
        var fromFive: Bool
    }

    private static let rules = RuleCache()

    /// Learned once per locale from what Foundation writes for 1234 and 12345.
    private static func rule(_ locale: Locale) -> Rule { rules.rule(locale) }

    private final class RuleCache: @unchecked Sendable {
        private var known: [String: Rule] = [:]
        private let lock = NSLock()  // guards `known`

        func rule(_ locale: Locale) -> Rule {
            lock.lock()
            defer { lock.unlock() }
            if let rule = known[locale.identifier] { return rule }
            let four = String(format: "%d", locale: locale, 1234), five = String(format: "%d", locale: locale, 12345)
            let separator = String(five.dropFirst(2).dropLast(3))
            let rule = Rule(separator: separator.isEmpty ? nil : separator, fromFive: four == "1234")
            known[locale.identifier] = rule
            return rule
        }
    }
}
