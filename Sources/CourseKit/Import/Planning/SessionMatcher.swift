import Foundation

/// Finds the course session a file's time belongs to, and turns times into marks by the course's rules.
struct SessionMatcher {
    let sessions: [Session]
    let lateAfter: TimeInterval
    /// Check-ins this long before a session starts still count for it (people arrive early).
    static let earlyMargin: TimeInterval = 3600

    init(sessions: [Session], lateAfterMinutes: Int) {
        self.sessions = sessions
        lateAfter = TimeInterval(lateAfterMinutes * 60)
    }

    func session(key: String) -> Session? { sessions.first { $0.key == key } }

    /// The session starting at `date`, to the minute (Moodle titles its columns with start times).
    func session(startingAt date: Date) -> Session? {
        sessions.first { abs($0.start.timeIntervalSince(date)) < 60 }
    }

    /// The first reading of `time` that falls in a session (from `earlyMargin` before its start to
    /// its end), with that reading. When sessions overlap (a weeks-long online course around a
    /// virtual session) the one whose start is nearest wins.
    func session(containing time: TimeCandidates) -> (session: Session, at: Date)? {
        for date in time.dates {
            let open = sessions.filter { $0.start.addingTimeInterval(-Self.earlyMargin) <= date && date <= $0.end }
            if let best = open.min(by: { abs($0.start.timeIntervalSince(date)) < abs($1.start.timeIntervalSince(date)) }) {
                return (best, date)
            }
        }
        return nil
    }

    /// Present, or late when the arrival is more than the course's threshold after the start.
    func arrivalStatus(_ arrival: Date, in session: Session) -> AttendanceStatus {
        arrival > session.start.addingTimeInterval(lateAfter) ? .late : .present
    }

    /// Minutes needed in an online session to count as attending: `minimum` when given, else 60 %
    /// of the session's length, rounded up to a whole minute.
    static func requiredMinutes(_ session: Session, minimum: Int?) -> Double {
        if let minimum { return Double(minimum) }
        return (session.end.timeIntervalSince(session.start) / 60 * 0.6).rounded(.up)
    }
}

/// One person's time in one online session, added up over their rejoins.
struct MeetingTally {
    var minutes: Double = 0
    var firstJoin: Date?
    var lastLeave: Date?
    var lines: [Int] = []

    mutating func add(join: Date, leave: Date?, minutes: Double, line: Int) {
        self.minutes += minutes
        firstJoin = min(firstJoin ?? join, join)
        if let leave { lastLeave = max(lastLeave ?? leave, leave) }
        lines.append(line)
    }

    /// Present or late with enough minutes (late when the first join was after the threshold), else absent.
    func status(in session: Session, matcher: SessionMatcher, minimumMinutes: Int?) -> AttendanceStatus {
        guard minutes + 0.001 >= SessionMatcher.requiredMinutes(session, minimum: minimumMinutes), let firstJoin else { return .absent }
        return matcher.arrivalStatus(firstJoin, in: session)
    }
}
