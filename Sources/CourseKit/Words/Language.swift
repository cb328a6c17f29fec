import Foundation

/// A language Muster speaks. Each has a complete catalogue of every table in
/// `Sources/CourseKit/Resources/<code>.lproj`; a test holds them to the same keys.
public enum Language: String, CaseIterable, Sendable, Codable {
    case en, es

    /// The language's own name, as a switch offers it ("Español" on an English screen).
    public var ownName: String {
        switch self {
        case .en: "English"
        case .es: "Español"
        }
    }

    /// The locale for dates: Latin American Spanish, the RCM's countries' own.
    public var locale: Locale { Self.locales[self]! }

    /// The locale each language's dates and numbers take. Spanish numbers use `es` rather than
    /// the dates' `es_419`: `es_419` writes "83.3%", which the glossary's register does not.
    var localeIdentifiers: (dates: String, numbers: String) {
        switch self {
        case .en: ("en_GB", "en_GB")
        case .es: ("es_419", "es")
        }
    }

    /// One value per language, made once. Locales and formatters are costly to make, and
    /// `Words.format` asks for one on every call: made per call, they were a measurable part
    /// of drawing a frame.
    public static func eachLanguage<Value>(_ make: (Language) -> Value) -> [Language: Value] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0, make($0)) })
    }

    private static let locales = eachLanguage { Locale(identifier: $0.localeIdentifiers.dates) }

    /// "May", "ago": a month in a date written short. English keeps Muster's own spelling
    /// (`CalendarDate.monthAbbreviations`, "Sep"); others take the locale's, without its dot.
    public func monthAbbreviation(_ month: Int) -> String {
        guard self != .en else { return CalendarDate.monthAbbreviations[month - 1] }
        return Self.months[self]?[month - 1] ?? CalendarDate.monthAbbreviations[month - 1]
    }

    private static let months = eachLanguage { language in
        let formatter = DateFormatter()
        formatter.locale = language.locale
        return formatter.shortStandaloneMonthSymbols.map { $0.replacingOccurrences(of: ".", with: "") }
    }

    /// The next language, for a one-key switch that goes round all of them.
    public var next: Language {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// `es`, `es_MX.UTF-8`, `es-419`, `Spanish`… → `.es`; nil when no language Muster speaks.
    public init?(tag: String) {
        let code = tag.lowercased().prefix { $0.isLetter }
        switch code {
        case "en", "english": self = .en
        case "es", "spanish", "espanol", "español": self = .es
        default: return nil
        }
    }

    /// The language to speak: `--lang`, else `MUSTER_LANG`, else the course's own (`language:`
    /// in its course file), else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first set and
    /// not C or POSIX), else English. A `--lang` or `MUSTER_LANG` Muster does not speak is an
    /// error, not a silent English: the user asked for something. The error is said in the
    /// language the next source gives (`fallback`): a Spanish locale hears it in Spanish.
    public static func choose(flag: String?, course: Language? = nil, environment: [String: String]) throws -> Language {
        if let flag {
            guard let language = Language(tag: flag) else {
                throw MusterError.invalid(unknownMessage("--lang", flag, in: fallback(course: course, environment: environment)))
            }
            return language
        }
        if let value = environment["MUSTER_LANG"], !value.isEmpty {
            guard let language = Language(tag: value) else {
                throw MusterError.invalid(unknownMessage("MUSTER_LANG", value, in: fromLocale(course: course, environment)))
            }
            return language
        }
        return fromLocale(course: course, environment)
    }

    /// What to speak when the language asked for on the command line is not one Muster speaks:
    /// `MUSTER_LANG` if it names one, else the course's, else the locale's.
    public static func fallback(course: Language? = nil, environment: [String: String]) -> Language {
        if let value = environment["MUSTER_LANG"], let language = Language(tag: value) { return language }
        return fromLocale(course: course, environment)
    }

    static func fromLocale(course: Language?, _ environment: [String: String]) -> Language {
        if let course { return course }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            if value == "C" || value.hasPrefix("C.") || value == "POSIX" { return .en }
            return Language(tag: value) ?? .en
        }
        return .en
    }

    /// "--lang 'fr': Muster speaks en, es", in `language`.
    public static func unknownMessage(_ source: String, _ value: String, in language: Language = .en) -> String {
        Words(language).format(
            "language.unknown", table: "Errors", source, NameSanitizer.clean(value), allCases.map(\.rawValue).joined(separator: ", "))
    }
}
