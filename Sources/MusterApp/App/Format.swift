import CourseKit
import Foundation

/// How dates and times read on screen: short, unambiguous, in the course's own time zone, and
/// in the screen's language (English by default, as screens not yet translated write them).
enum Format {
    static func dateRange(_ a: CalendarDate, _ b: CalendarDate, _ language: Language = .en) -> String {
        CalendarDate.rangeText(a, b, language)
    }

    /// "7 May 09:00", "7 may 09:00".
    static func shortDateTime(_ date: Date, in zone: TimeZone, _ language: Language = .en) -> String {
        let d = LocalTime.day(date, in: zone)
        return "\(d.day) \(language.monthAbbreviation(d.month)) \(LocalTime.clock(date, in: zone))"
    }

    /// "Tue 7 May", "mar 7 may".
    static func day(_ date: Date, in zone: TimeZone, _ language: Language = .en) -> String {
        language.shortDay(LocalTime.day(date, in: zone))
    }
}
