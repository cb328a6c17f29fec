import CourseKit
import Foundation

/// How dates and times read on screen: short, unambiguous, in the course's own time zone.
enum Format {
    static let months = CalendarDate.monthAbbreviations
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func dateRange(_ a: CalendarDate, _ b: CalendarDate) -> String { CalendarDate.rangeText(a, b) }

    /// "7 May 09:00".
    static func shortDateTime(_ date: Date, in zone: TimeZone) -> String {
        let d = LocalTime.day(date, in: zone)
        return "\(d.day) \(months[d.month - 1]) \(LocalTime.clock(date, in: zone))"
    }

    /// "Tue 7 May".
    static func day(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let weekday = calendar.component(.weekday, from: date)
        let d = LocalTime.day(date, in: zone)
        return "\(weekdays[weekday - 1]) \(d.day) \(months[d.month - 1])"
    }
}
