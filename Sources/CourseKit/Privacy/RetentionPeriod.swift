import Foundation

/// How long a course's personal data is kept after the course ends: "5 years", "18 months",
/// "90 days". Words rather than `5y`/`5m`, because in a file a coordinator edits "m" could be
/// minutes or months, and a retention period misread by a factor of 43,000 is not a typo anyone
/// would notice. Stored and exported in the canonical form (`description`), so a course file
/// that carries one round-trips byte for byte.
public struct RetentionPeriod: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case years = "year", months = "month", days = "day"

        /// The longest period a unit may express: a century, which is already longer than any
        /// retention rule we know of; anything more is a typo.
        var maximum: Int {
            switch self {
            case .years: 100;
            case .months: 1200;
            case .days: 36_500
            }
        }
    }

    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses "5 years" (also "1 year", any case, extra spaces); in `language`, its own words as
    /// well ("5 años", "18 meses", "90 dias": accents optional), so a form reads back what it shows.
    /// The error says what is wrong and gives an example in that language, since the coordinator
    /// is looking at a file or a form, not at this code. Course files are read in English.
    public static func parse(_ text: String, in language: Language = .en) throws -> RetentionPeriod {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard words.count == 2 else { throw RetentionError("shape", text) }
        guard let count = Int(words[0]) else { throw RetentionError("number", text, String(words[0])) }
        guard let unit = unit(named: String(words[1]), in: language) else { throw RetentionError("unit", text) }
        guard (1...unit.maximum).contains(count) else {
            throw RetentionError("range", text, RetentionPeriod(count: unit.maximum, unit: unit))
        }
        return RetentionPeriod(count: count, unit: unit)
    }

    /// The unit a word names: English always (the course file's words), and `language`'s own,
    /// the singular and plural its catalogue writes, compared without case or accents.
    static func unit(named word: String, in language: Language) -> Unit? {
        let folded = fold(word)
        return unitWords[.en]?[folded] ?? unitWords[language]?[folded]
    }

    /// Per language, each unit's folded words ("year", "years"; "ano", "anos"), made once: every
    /// course read from the library parses its period, 1,000 of them for the course list.
    static let unitWords = Language.eachLanguage { language in
        var table: [String: Unit] = [:]
        for unit in Unit.allCases {
            for word in words(for: unit, in: language) where table[word] == nil { table[word] = unit }
        }
        return table
    }

    /// "year" and "years", "año" and "años" (folded: "ano", "anos"): the catalogue's own forms.
    static func words(for unit: Unit, in language: Language) -> [String] {
        let words = Words(language)
        return ["retention.\(unit.rawValue).one", "retention.\(unit.rawValue)"].map { key in
            fold(words.format(key, table: "Terms", 1).split(separator: " ").dropFirst().joined(separator: " "))
        }
    }

    static func fold(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    public var description: String { "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")" }

    /// "5 years", "5 años": for people to read (`description` stays the file's form).
    public func text(in language: Language) -> String {
        Words(language).format("retention.\(unit.rawValue)\(count == 1 ? ".one" : "")", table: "Terms", count)
    }

    /// For narrow columns: "5y", "18mo", "90d".
    public var short: String {
        "\(count)" + (unit == .years ? "y" : unit == .months ? "mo" : "d")
    }

    /// The last day the data may be kept: `date` plus the period, a month end clamped
    /// (31 January + 1 month is the last day of February).
    public func end(after date: CalendarDate) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
        var step = DateComponents()
        switch unit {
        case .years: step.year = count
        case .months: step.month = count
        case .days: step.day = count
        }
        let end = calendar.date(byAdding: step, to: start)!
        let c = calendar.dateComponents([.year, .month, .day], from: end)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }
}

/// Why a retention period could not be read: one line, ready to show, in the reader's language
/// (`message(in:)`, the `Errors` table's `retention.*`); `description` is the English.
public struct RetentionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `shape`, `number`, `unit` or `range`.
    public var reason: String
    /// What was typed, cleaned of control characters before it is quoted.
    public var text: String
    var word: String?
    var maximum: RetentionPeriod?

    init(_ reason: String, _ text: String, _ word: String? = nil) {
        self.reason = reason
        self.text = NameSanitizer.clean(text)
        self.word = word.map(NameSanitizer.clean)
    }

    init(_ reason: String, _ text: String, _ maximum: RetentionPeriod) {
        self.init(reason, text)
        self.maximum = maximum
    }

    public func message(in language: Language) -> String {
        let words = Words(language)
        let example = words.format("retention.example", table: "Errors")
        switch reason {
        case "number": return words.format("retention.number", table: "Errors", text, word ?? "", example)
        case "range": return words.format("retention.range", table: "Errors", text, maximum?.text(in: language) ?? "")
        default: return words.format("retention.\(reason)", table: "Errors", text, example)
        }
    }

    public var description: String { message(in: .en) }
}

extension CalendarDate {
    /// The date at `instant` in `zone`: what "today" is where the course took place.
    public init(_ instant: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }
}

extension Course {
    /// The last day this course's personal data may be kept, when it has a retention period.
    public var retainedUntil: CalendarDate? { retention?.end(after: endDate) }

    /// Whether the retention period is over on `today`: the day after `retainedUntil` and later.
    public func isPastRetention(today: CalendarDate) -> Bool {
        retainedUntil.map { $0 < today } ?? false
    }

    /// Whether the retention period is over at `instant`, counting days where the course was held.
    public func isPastRetention(at instant: Date) -> Bool {
        isPastRetention(today: CalendarDate(instant, in: zone))
    }
}
