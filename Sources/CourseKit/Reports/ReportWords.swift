import Foundation

/// The words of a printed document in one language: by default the `Report` catalogue, or
/// `Certificate` or `SignIn`, with the counts, shares and date ranges they write. The builders
/// take one of these rather than a `Language` so nothing printed bypasses the catalogue.
struct ReportWords: Sendable {
    let language: Language
    /// The catalogue; its keys start with its name in lower case ("report.", "signin.").
    let table: String
    private let words: Words

    init(_ language: Language, table: String = "Report") {
        self.language = language
        self.table = table
        words = Words(language)
    }

    /// `<table>.<key>`.
    func callAsFunction(_ key: String) -> String { words.text(table.lowercased() + "." + key, table: table) }

    /// `<table>.<key>` with its blanks filled.
    func format(_ key: String, _ arguments: any CVarArg...) -> String {
        String(format: self(key), locale: language.locale, arguments: arguments)
    }

    /// "1 session", "3 sessions": `<key>.one` or `.other`.
    func count(_ key: String, _ n: Int) -> String { format(key + (n == 1 ? ".one" : ".other"), n) }

    /// A whole share, rounded as `Percent.text` rounds it: "53%", "53 %".
    func percent(_ part: Int, of whole: Int) -> String { Percent.text(part, of: whole, language) }

    /// A course's dates: "7–9 May 2024" (`CalendarDate.rangeText`, English's form since the
    /// first report), "7–9 may 2024"; `full` for a certificate, "del 7 al 9 de mayo de 2024".
    func range(_ a: CalendarDate, _ b: CalendarDate, full: Bool = false) -> String {
        guard language == .es else { return CalendarDate.rangeText(a, b, full: full) }
        if full {
            if a == b { return language.longDate(a) }
            let end = date(b)
            if a.year == b.year && a.month == b.month { return "del \(a.day) al \(end)" }
            let start = "\(a.day) de \(language.monthName(a.month))" + (a.year == b.year ? "" : " de \(a.year)")
            return "del \(start) al \(end)"
        }
        let ma = language.monthAbbreviation(a.month), mb = language.monthAbbreviation(b.month)
        if a == b { return "\(a.day) \(ma) \(a.year)" }
        if a.year == b.year && a.month == b.month { return "\(a.day)–\(b.day) \(mb) \(b.year)" }
        if a.year == b.year { return "\(a.day) \(ma) – \(b.day) \(mb) \(b.year)" }
        return "\(a.day) \(ma) \(a.year) – \(b.day) \(mb) \(b.year)"
    }

    /// "2024-05-07" in English (as reports always wrote a period's ends), "7 de mayo de 2024".
    func date(_ d: CalendarDate) -> String {
        language == .es ? "\(d.day) de \(language.monthName(d.month)) de \(d.year)" : d.description
    }

    /// A country's name from its ISO code: Muster's English names (`Countries`), the locale's
    /// own in other languages ("Belice", "México"); nil for a code that is not ISO 3166-1.
    func country(_ code: String) -> String? { Countries.name(of: code, in: language) }

    /// A label for a closed set's raw value: `<set>.<raw>` ("report.sex.not-disclosed").
    func label(_ set: String, _ raw: String) -> String { self("\(set).\(raw)") }
}

extension ReportWords {
    /// A table titled by the key `title` with the columns of the keys `columns`: its id and its
    /// columns' ids are the English words of those keys, whatever the language.
    func table(
        _ title: String, columns: [String], rows: [[String]], numeric: Set<Int>, notes: [String]
    ) -> ReportTable {
        let english = ReportWords(.en)
        return ReportTable(
            title: self(title), header: columns.map { self("column.\($0)") }, rows: rows, numeric: numeric, notes: notes,
            id: english(title), columns: columns.map { english("column.\($0)") })
    }
}
