import Foundation

/// One person's stretch in an online meeting (a Zoom row, a Teams join/leave pair), as times.
struct MeetingStretch: Equatable {
    var join: Date
    var leave: Date
    var line: Int
}

/// Splits a meeting report over the course's sessions: one online meeting often holds several
/// sessions back to back (the Caribbean consultation's day 1 is one Zoom call for `drm`, `climate`
/// and `socio`), so each session is credited by the minutes each person spent inside it, not the
/// whole row by the session its join time falls in.
///
/// A person's stretches are clipped to the session and merged before they are added up, so rejoins
/// count and overlapping rows (two devices, a report's duplicate) are not counted twice. Present
/// needs the required share of the session's length; late is the first arrival inside the session
/// after the course's late threshold; anything less is absent.
struct MeetingCredit {
    /// The sessions the import may credit (all the course's, or those chosen), in time order.
    let sessions: [Session]
    let lateAfter: TimeInterval
    /// Minutes that count as attending, whatever the session's length; nil: `minimumPercent`.
    let minimumMinutes: Int?
    let minimumPercent: Int

    struct Credit: Equatable {
        var minutes: Double
        /// First join inside the session, clipped to its start; nil when never in it.
        var arrival: Date?
        /// Last leave inside the session, clipped to its end.
        var departure: Date?
        var lines: [Int]
        var status: AttendanceStatus
    }

    /// The stretch a claim describes: the first reading of the join whose stretch overlaps a
    /// session (or the first reading), left at the first reading of the leave after it, else after
    /// the row's minutes. Nil when the join was not understood.
    func stretch(join: TimeCandidates, leave: TimeCandidates?, minutes: Double, line: Int) -> MeetingStretch? {
        func end(_ start: Date) -> Date {
            leave?.dates.filter { $0 >= start }.min() ?? start.addingTimeInterval(max(0, minutes) * 60)
        }
        let start = join.dates.first { d in sessions.contains { overlap(MeetingStretch(join: d, leave: end(d), line: line), $0) > 0 } }
        guard let start = start ?? join.dates.first else { return nil }
        return MeetingStretch(join: start, leave: end(start), line: line)
    }

    /// The sessions the meeting covers: those any stretch of the file overlaps.
    func sessionsCovered(by stretches: [MeetingStretch]) -> [Session] {
        sessions.filter { s in stretches.contains { overlap($0, s) > 0 } }
    }

    /// Seconds of `stretch` inside `session`.
    func overlap(_ stretch: MeetingStretch, _ session: Session) -> TimeInterval {
        max(0, min(stretch.leave, session.end).timeIntervalSince(max(stretch.join, session.start)))
    }

    /// Minutes needed to count as attending `session`: `minimumMinutes`, else the share of its
    /// length, rounded up to a whole minute.
    func requiredMinutes(_ session: Session) -> Double {
        if let minimumMinutes { return Double(minimumMinutes) }
        return (session.end.timeIntervalSince(session.start) / 60 * Double(minimumPercent) / 100).rounded(.up)
    }

    /// One person's credit in one session from all their stretches.
    func credit(_ stretches: [MeetingStretch], in session: Session) -> Credit {
        let inside =
            stretches
            .filter { overlap($0, session) > 0 }
            .map { MeetingStretch(join: max($0.join, session.start), leave: min($0.leave, session.end), line: $0.line) }
            .sorted { ($0.join, $0.leave) < ($1.join, $1.leave) }
        var seconds: TimeInterval = 0
        var covered: Date?  // end of the merged time so far
        for s in inside {
            let from = max(s.join, covered ?? s.join)
            if s.leave > from { seconds += s.leave.timeIntervalSince(from) }
            covered = max(covered ?? s.leave, s.leave)
        }
        let minutes = seconds / 60
        let arrival = inside.first?.join
        var status = AttendanceStatus.absent
        if let arrival, minutes + 0.001 >= requiredMinutes(session) {
            status = arrival > session.start.addingTimeInterval(lateAfter) ? .late : .present
        }
        return Credit(
            minutes: minutes, arrival: arrival, departure: inside.map(\.leave).max(), lines: inside.map(\.line).sorted(),
            status: status)
    }
}
