import Foundation

/// Wall-clock times as course files write them ("2024-05-07 09:00"), in a given time zone.
public enum LocalTime {
    /// Parses `YYYY-MM-DD HH:MM` as a time in `zone`; nil for malformed or impossible times.
    public static func parse(_ text: String, in zone: TimeZone) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":")
        guard hm.count == 2, hm[0].count == 2, hm[1].count == 2,
            let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: h, minute: m)
        return calendar.date(from: components)
    }

    /// Formats a date as `YYYY-MM-DD HH:MM` in `zone`.
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        let c = components(date, in: zone)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// `HH:MM` in `zone`.
    public static func clock(_ date: Date, in zone: TimeZone) -> String {
        let c = components(date, in: zone)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// The calendar day of `date` in `zone`.
    public static func day(_ date: Date, in zone: TimeZone) -> CalendarDate {
        let c = components(date, in: zone)
        return CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    /// ISO 8601 with the zone's offset at that instant, e.g. `2024-05-07T09:00:00+09:00`;
    /// with `milliseconds`, `2024-05-07T09:00:00.250+09:00` (recording times keep their order).
    public static func iso8601(_ date: Date, in zone: TimeZone, milliseconds: Bool = false) -> String {
        let totalMs = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Date(timeIntervalSince1970: Double(totalMs.quotientAndRemainder(dividingBy: 1000).quotient))
        let c = components(seconds, in: zone)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        let fraction =
            milliseconds
            ? String(format: ".%03d", Int(totalMs % 1000)) : ""
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
            c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
            + fraction + String(format: "%@%02d:%02d", sign, a / 3600, (a % 3600) / 60)
    }

    static func components(_ date: Date, in zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }
}
