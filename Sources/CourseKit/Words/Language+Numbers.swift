import Foundation

/// Numbers and shares in the language's own separators: "12,345" and "83.3%" in English,
/// "12.345" and "83,3 %" in Spanish (the decimal comma and the spaced percent sign of the
/// Spanish norm, and of the RCM's documents).
extension Language {
    /// The locale whose separators numbers take (`localeIdentifiers.numbers`).
    public var numberLocale: Locale { Self.numberLocales[self]! }

    private static let numberLocales = eachLanguage { Locale(identifier: $0.localeIdentifiers.numbers) }

    /// A whole number with the language's grouping: "12,345", "12.345".
    public func number(_ n: Int) -> String {
        Self.formatters[self]!.decimal.string(from: NSNumber(value: n)) ?? String(n)
    }

    /// `part` of `whole` as a share, rounded to `digits` decimals: "83%", "83.3%", "83 %",
    /// "83,3 %"; "–" when there is nothing to divide by.
    public func percent(_ part: Int, of whole: Int, digits: Int = 0) -> String {
        guard whole > 0 else { return "–" }
        return percent(Double(part) / Double(whole), digits: digits)
    }

    /// A share (0.833 → "83.3%", "83,3 %").
    public func percent(_ share: Double, digits: Int = 0) -> String {
        let formatter = Self.formatters[self]!.percent(digits)
        return formatter.string(from: NSNumber(value: share)) ?? "\(Int((share * 100).rounded()))%"
    }

    private struct Formatters: @unchecked Sendable {
        // NumberFormatter is not Sendable; these are configured once here and only read after.
        let decimal: NumberFormatter
        let percents: [NumberFormatter]
        func percent(_ digits: Int) -> NumberFormatter { percents[min(max(digits, 0), percents.count - 1)] }
    }

    private static let formatters = eachLanguage { language in
        let decimal = NumberFormatter()
        decimal.locale = language.numberLocale
        decimal.numberStyle = .decimal
        let percents = (0...2).map { digits in
            let f = NumberFormatter()
            f.locale = language.numberLocale
            f.numberStyle = .percent
            f.minimumFractionDigits = 0
            f.maximumFractionDigits = digits
            // Spanish writes a space before the sign ("83,3 %"). ICU's `es` makes it a
            // no-break space; a plain one reads the same in a cell, a CSV and a test.
            if language == .es { f.positiveSuffix = " %"; f.positivePrefix = "" }
            return f
        }
        return Formatters(decimal: decimal, percents: percents)
    }
}
