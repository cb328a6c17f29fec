import Foundation

/// Wall-clock times as course files write them ("2024-05-07 09:00"), in a given time zone.
public enum LocalTime {
    /// Parses `YYYY-MM-DD HH:MM` as a time in `zone`; nil for malformed, impossible or skipped
    /// times (see `read` for the reason).
    public static func parse(_ text: String, in zone: TimeZone) -> Date? {
        try? read(text, in: zone)
    }

    /// Parses `YYYY-MM-DD HH:MM` as a time in `zone`, saying why it cannot: a wall-clock time
    /// inside a daylight-saving gap does not exist, and Foundation would silently move it an
    /// hour on (02:30 becoming 03:30), which would put a session at the wrong time.
    public static func read(_ text: String, in zone: TimeZone) throws(LocalTimeError) -> Date {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])) else { throw .malformed }
        let hm = parts[1].split(separator: ":")
        guard hm.count == 2, hm[0].count == 2, hm[1].count == 2,
            let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m)
        else { throw .malformed }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: h, minute: m)
        guard let result = calendar.date(from: components) else { throw .malformed }
        let back = Self.components(result, in: zone)
        if back.year != date.year || back.month != date.month || back.day != date.day || back.hour != h || back.minute != m {
            throw skippedError(near: result, in: zone)
        }
        return result
    }

    /// The gap that swallowed a wall-clock time: the transition just before `moved` (where
    /// Foundation put the time) and the wall clock on either side of it.
    private static func skippedError(near moved: Date, in zone: TimeZone) -> LocalTimeError {
        guard let transition = zone.nextDaylightSavingTimeTransition(after: moved.addingTimeInterval(-6 * 3600)) else {
            return .malformed
        }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        func wall(_ offset: Int) -> String {
            let c = utc.dateComponents([.hour, .minute], from: transition.addingTimeInterval(TimeInterval(offset)))
            return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        }
        return .skipped(
            zone: zone.identifier, from: wall(zone.secondsFromGMT(for: transition.addingTimeInterval(-1))),
            to: wall(zone.secondsFromGMT(for: transition)))
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

/// Why a wall-clock time could not be read.
public enum LocalTimeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not `YYYY-MM-DD HH:MM`, or no such day or hour.
    case malformed
    /// The time falls where the clocks jump forward: in `zone` that day they go from `from`
    /// straight to `to`, so nothing in between happens.
    case skipped(zone: String, from: String, to: String)

    public var description: String {
        switch self {
        case .malformed: "is not YYYY-MM-DD HH:MM"
        case .skipped(let zone, let from, let to):
            "does not exist in \(zone): the clocks go from \(from) straight to \(to) that day (daylight saving)"
        }
    }
}
