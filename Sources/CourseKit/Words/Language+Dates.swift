import Foundation

/// Dates in the language's own words: "Thursday 9 May 2024", "jueves 9 de mayo de 2024". Clock
/// times are 24-hour in every language ("13:30"), so `LocalTime.clock` serves them all.
///
/// Built from the locale's own weekday and month names rather than a date template: a template
/// gives "jueves, 9 de mayo", and the glossary's (and the RCM's documents') form has no comma.
extension Language {
    /// "Thursday 9 May", "jueves 9 de mayo".
    public func dayAndMonth(_ date: CalendarDate) -> String {
        let weekday = Self.names[self]!.weekdays[date.weekday - 1]
        let month = Self.names[self]!.months[date.month - 1]
        switch self {
        case .en: return "\(weekday) \(date.day) \(month)"
        case .es: return "\(weekday) \(date.day) de \(month)"
        }
    }

    /// "Thursday 9 May 2024", "jueves 9 de mayo de 2024".
    public func longDate(_ date: CalendarDate) -> String {
        switch self {
        case .en: "\(dayAndMonth(date)) \(date.year)"
        case .es: "\(dayAndMonth(date)) de \(date.year)"
        }
    }

    /// "May", "mayo": a month's whole name as a sentence writes it (a certificate's dates).
    public func monthName(_ month: Int) -> String { Self.names[self]!.months[month - 1] }

    /// "Thu", "jue": a weekday written short, beside a day and month (1 is Sunday, as
    /// `Calendar` counts).
    public func weekdayAbbreviation(_ weekday: Int) -> String {
        guard self != .en else { return Self.englishWeekdays[weekday - 1] }
        return Self.names[self]!.shortWeekdays[weekday - 1]
    }

    /// "Tue 7 May", "mar 7 may": a day with its short weekday and month.
    public func shortDay(_ date: CalendarDate) -> String {
        "\(weekdayAbbreviation(date.weekday)) \(date.day) \(monthAbbreviation(date.month))"
    }

    /// A course's dates in a language other than English (`CalendarDate.rangeText` keeps
    /// Muster's English): "7–9 may 2024", in full "7–9 de mayo de 2024".
    func dateRange(_ a: CalendarDate, _ b: CalendarDate, full: Bool) -> String {
        let of = full ? " de " : " "
        func month(_ d: CalendarDate) -> String { full ? monthName(d.month) : monthAbbreviation(d.month) }
        if a == b { return "\(a.day)\(of)\(month(a))\(of)\(a.year)" }
        if a.year == b.year && a.month == b.month { return "\(a.day)–\(b.day)\(of)\(month(b))\(of)\(b.year)" }
        if a.year == b.year { return "\(a.day)\(of)\(month(a)) – \(b.day)\(of)\(month(b))\(of)\(b.year)" }
        return "\(a.day)\(of)\(month(a))\(of)\(a.year) – \(b.day)\(of)\(month(b))\(of)\(b.year)"
    }

    /// Muster's English short weekdays, as sheets and reports have always printed them.
    static let englishWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private struct Names: Sendable {
        let weekdays: [String], shortWeekdays: [String], months: [String]
    }

    /// Each language's names from its locale, read once. Spanish names are lower case, as
    /// Spanish writes them mid-sentence; the short ones lose the locale's dot ("jue.").
    private static let names: [Language: Names] = Dictionary(
        uniqueKeysWithValues: allCases.map { language in
            let formatter = DateFormatter()
            formatter.locale = language.locale
            let short = formatter.shortStandaloneWeekdaySymbols.map { $0.replacingOccurrences(of: ".", with: "") }
            return (
                language,
                Names(
                    weekdays: formatter.standaloneWeekdaySymbols.map(language.midSentence), shortWeekdays: short.map(language.midSentence),
                    months: formatter.standaloneMonthSymbols.map(language.midSentence))
            )
        })

    /// A name as it is written inside a sentence: English capitalises weekdays and months,
    /// Spanish does not.
    private func midSentence(_ name: String) -> String {
        self == .en ? name : name.lowercased(with: locale)
    }
}

extension CalendarDate {
    /// 1 for Sunday … 7 for Saturday, as `Calendar.component(.weekday, …)` counts.
    public var weekday: Int {
        // Zeller's congruence on the proleptic Gregorian calendar: no time zone, no Foundation.
        var y = year, m = month
        if m < 3 { m += 12; y -= 1 }
        let h = (day + (13 * (m + 1)) / 5 + y + y / 4 - y / 100 + y / 400) % 7  // 0 = Saturday
        return (h + 6) % 7 + 1
    }
}
