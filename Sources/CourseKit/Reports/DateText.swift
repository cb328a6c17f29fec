import Foundation

/// Dates as people write them in reports and on certificates.
public enum DateText {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let fullMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// "7–9 May 2024", "30 Jun – 21 Aug 2020", "28 Dec 2023 – 3 Jan 2024"; `full` spells months out.
    public static func range(_ a: CalendarDate, _ b: CalendarDate, full: Bool = false) -> String {
        let names = full ? fullMonths : months
        let ma = names[a.month - 1], mb = names[b.month - 1]
        if a == b { return "\(a.day) \(ma) \(a.year)" }
        if a.year == b.year && a.month == b.month { return "\(a.day)–\(b.day) \(mb) \(b.year)" }
        if a.year == b.year { return "\(a.day) \(ma) – \(b.day) \(mb) \(b.year)" }
        return "\(a.day) \(ma) \(a.year) – \(b.day) \(mb) \(b.year)"
    }

    /// "Tue 7 May 09:00" in `zone`: a session's start on a sheet or in a report.
    public static func sessionStart(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.weekday, .day, .month], from: date)
        let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(c.weekday ?? 1) - 1]
        return "\(weekday) \(c.day ?? 0) \(months[(c.month ?? 1) - 1]) \(LocalTime.clock(date, in: zone))"
    }
}
