import Foundation

/// Arrival and departure times: what they default to and which are acceptable.
///
/// A mark is often typed after the fact (a paper sheet, a roll call finished at lunch), so "now"
/// is only a sensible arrival while the session runs; afterwards the best guess is the moment
/// someone became late. Times always fall on the session's day, in the session's zone: a time
/// on another day is a typing slip, never an attendance.
public enum AttendanceTimes {
    /// Now while the session runs; otherwise the start plus the course's late threshold.
    public static func defaultArrival(session: Session, lateAfterMinutes: Int, now: Date) -> Date {
        isRunning(session, at: now) ? now : session.start.addingTimeInterval(Double(lateAfterMinutes) * 60)
    }

    /// Now while the session runs; otherwise its end.
    public static func defaultDeparture(session: Session, now: Date) -> Date {
        isRunning(session, at: now) ? now : session.end
    }

    static func isRunning(_ session: Session, at now: Date) -> Bool { session.start <= now && now <= session.end }

    /// The zone the session's times are written in: its own, else the course's.
    public static func zone(of session: Session, courseZone: TimeZone) -> TimeZone {
        session.timeZone.flatMap(TimeZone.init(identifier:)) ?? courseZone
    }

    /// "9:25", "09:25" or "09.25" on the session's day; nil for anything else (25:00, 9, 9:5).
    public static func clockTime(_ text: String, on session: Session, zone: TimeZone) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        let day = LocalTime.format(session.start, in: zone).prefix(10)
        return LocalTime.parse("\(day) " + String(format: "%02d:%02d", h, m), in: zone)
    }

    /// What a bad time should say, in both voices.
    public static let example = "type a time like 09:25"

    /// Refuses an arrival or departure off the session's day, a departure before the arrival,
    /// and either time with a status other than present or late.
    public static func check(
        status: AttendanceStatus, arrival: Date?, departure: Date?, session: Session, zone: TimeZone
    ) throws {
        let day = LocalTime.day(session.start, in: zone)
        for (what, time) in [("arrival", arrival), ("departure", departure)] {
            guard let time else { continue }
            guard status.isAttending else { throw MusterError.refused(.timeNeedsAttendance(what: what, status: status.rawValue)) }
            guard LocalTime.day(time, in: zone) == day else {
                throw MusterError.refused(.timeOffSessionDay(what: what, time: LocalTime.format(time, in: zone), day: day.description))
            }
        }
        if let arrival, let departure, departure < arrival {
            throw MusterError.refused(
                .departureBeforeArrival(arrival: LocalTime.clock(arrival, in: zone), departure: LocalTime.clock(departure, in: zone)))
        }
    }
}
