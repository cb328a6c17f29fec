import Foundation

/// Dates as people write them in reports and on certificates. A course's date range is
/// `CalendarDate.rangeText`.
public enum DateText {
    /// "Tue 7 May 09:00", "mar 7 may 09:00" in `zone`: a session's start on a sheet or in a report.
    public static func sessionStart(_ date: Date, in zone: TimeZone, _ language: Language = .en) -> String {
        "\(language.shortDay(LocalTime.day(date, in: zone))) \(LocalTime.clock(date, in: zone))"
    }

    /// A session on a sheet or in a report: "Tue 7 May 09:00–10:15", or with both days when it
    /// runs over several, "Thu 25 Jun 13:00 – Fri 21 Aug 18:00".
    public static func sessionDays(_ start: Date, _ end: Date, in zone: TimeZone, _ language: Language = .en) -> String {
        spansDays(start, end, in: zone)
            ? "\(sessionStart(start, in: zone, language)) – \(sessionStart(end, in: zone, language))"
            : "\(sessionStart(start, in: zone, language))–\(LocalTime.clock(end, in: zone))"
    }

    /// A session's time as tables show it: "09:00–10:15" within one day. A session that runs
    /// over several days (an online course open for two months) shows both ends with their
    /// dates, "25 Jun 13:00 – 21 Aug 18:00", and with years when they differ, so it never
    /// reads as an afternoon on its first day.
    public static func sessionSpan(_ start: Date, _ end: Date, in zone: TimeZone, _ language: Language = .en) -> String {
        let a = LocalTime.day(start, in: zone), b = LocalTime.day(end, in: zone)
        if a == b { return "\(LocalTime.clock(start, in: zone))–\(LocalTime.clock(end, in: zone))" }
        func text(_ d: CalendarDate, _ date: Date, year: Bool) -> String {
            "\(d.day) \(language.monthAbbreviation(d.month))\(year ? " \(d.year)" : "") \(LocalTime.clock(date, in: zone))"
        }
        let years = a.year != b.year
        return "\(text(a, start, year: years)) – \(text(b, end, year: years))"
    }

    /// The same in a narrow column beside the session's day: "09:00–10:15", and for a session
    /// over several days its start and the day it ends, "13:00–21 Aug", "13:00–21 ago".
    public static func sessionSpanShort(_ start: Date, _ end: Date, in zone: TimeZone, _ language: Language = .en) -> String {
        let b = LocalTime.day(end, in: zone)
        guard LocalTime.day(start, in: zone) != b else { return sessionSpan(start, end, in: zone) }
        return "\(LocalTime.clock(start, in: zone))–\(b.day) \(language.monthAbbreviation(b.month))"
    }

    /// Where a table lists sessions of many courses and years: "2024-05-07 09:00–10:15", and
    /// for a session over several days its first and last day, "2020-06-25–2020-08-21".
    public static func sessionWhen(_ start: Date, _ end: Date, in zone: TimeZone) -> String {
        guard spansDays(start, end, in: zone) else { return "\(LocalTime.format(start, in: zone))–\(LocalTime.clock(end, in: zone))" }
        return "\(LocalTime.day(start, in: zone))–\(LocalTime.day(end, in: zone))"
    }

    /// Whether a session starts and ends on different days in `zone`.
    public static func spansDays(_ start: Date, _ end: Date, in zone: TimeZone) -> Bool {
        LocalTime.day(start, in: zone) != LocalTime.day(end, in: zone)
    }
}
