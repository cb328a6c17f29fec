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

    /// What a course file or a form may say, e.g. "retention: 5 years".
    public static let example = "'5 years', '18 months' or '90 days'"

    /// Parses "5 years" (also "1 year", any case, extra spaces); the error says what is wrong and
    /// gives an example, since the coordinator is looking at a file, not at this code.
    public static func parse(_ text: String) throws -> RetentionPeriod {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard words.count == 2 else { throw RetentionError("retention '\(text)' must be a number and a unit, e.g. \(example)") }
        guard let count = Int(words[0]) else {
            throw RetentionError("retention '\(text)': '\(words[0])' is not a whole number, e.g. \(example)")
        }
        let word = words[1].hasSuffix("s") ? String(words[1].dropLast()) : String(words[1])
        guard let unit = Unit(rawValue: word) else {
            throw RetentionError("retention '\(text)': the unit must be years, months or days, e.g. \(example)")
        }
        guard (1...unit.maximum).contains(count) else {
            throw RetentionError("retention '\(text)' must be between 1 and \(unit.maximum) \(unit.rawValue)s")
        }
        return RetentionPeriod(count: count, unit: unit)
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

/// Why a retention period could not be read: one line, ready to show.
public struct RetentionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
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
