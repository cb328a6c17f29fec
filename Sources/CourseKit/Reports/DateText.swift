import Foundation

/// Dates as people write them in reports and on certificates. A course's date range is
/// `CalendarDate.rangeText`.
public enum DateText {
    /// "Tue 7 May 09:00" in `zone`: a session's start on a sheet or in a report.
    public static func sessionStart(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.weekday, .day, .month], from: date)
        let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(c.weekday ?? 1) - 1]
        return "\(weekday) \(c.day ?? 0) \(CalendarDate.monthAbbreviations[(c.month ?? 1) - 1]) \(LocalTime.clock(date, in: zone))"
    }
}
