import CourseKit
import Foundation

/// How dates and times read on screen: short, unambiguous, in the course's own time zone.
enum Format {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// "7–9 May 2024", "25 Jun – 21 Aug 2020".
    static func dateRange(_ a: CalendarDate, _ b: CalendarDate) -> String {
        let ma = months[a.month - 1], mb = months[b.month - 1]
        if a == b { return "\(a.day) \(ma) \(a.year)" }
        if a.year == b.year && a.month == b.month { return "\(a.day)–\(b.day) \(mb) \(b.year)" }
        if a.year == b.year { return "\(a.day) \(ma) – \(b.day) \(mb) \(b.year)" }
        return "\(a.day) \(ma) \(a.year) – \(b.day) \(mb) \(b.year)"
    }

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
