import Foundation

/// When the kiosk takes check-ins for a session: from `opensMinutes` before its start (the
/// course's `check_in_opens_minutes`, 30 by default) until its end.
///
/// **Overlaps.** When two windows are open at once (a session still running while the next one's
/// window has opened), the window that opened last wins: people who arrive then are arriving for
/// the coming session, while those in the running one checked in long ago. Equal openings go to
/// the session that ends first, then to the earlier key, so the choice never depends on order.
public struct CheckInWindow: Sendable, Equatable {
    public var opens: Date
    public var closes: Date

    public init(session: Session, opensMinutes: Int) {
        opens = session.start.addingTimeInterval(-Double(opensMinutes) * 60)
        closes = session.end
    }

    public func isOpen(at now: Date) -> Bool { opens <= now && now < closes }

    /// The session whose window is open at `now`, by the rule above; nil when none is.
    public static func openSession(at now: Date, in sessions: [Session], opensMinutes: Int) -> Session? {
        sessions
            .filter { CheckInWindow(session: $0, opensMinutes: opensMinutes).isOpen(at: now) }
            .min { a, b in
                let wa = CheckInWindow(session: a, opensMinutes: opensMinutes)
                let wb = CheckInWindow(session: b, opensMinutes: opensMinutes)
                if wa.opens != wb.opens { return wa.opens > wb.opens }
                if wa.closes != wb.closes { return wa.closes < wb.closes }
                return a.key < b.key
            }
    }

    /// The next session whose window opens after `now` on the same day (in `zone`), if any.
    public static func nextSession(after now: Date, in sessions: [Session], opensMinutes: Int, zone: TimeZone) -> Session? {
        let today = LocalTime.day(now, in: zone)
        return
            sessions
            .filter { CheckInWindow(session: $0, opensMinutes: opensMinutes).opens > now && LocalTime.day($0.start, in: zone) == today }
            .min { ($0.start, $0.key) < ($1.start, $1.key) }
    }
}
