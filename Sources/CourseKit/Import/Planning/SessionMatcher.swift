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
}
