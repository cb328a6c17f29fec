import CourseKit
import Foundation

/// A kiosk started without `--session` follows the course's timetable: on each tick it takes
/// check-ins for the session whose check-in window is open (`CheckInWindow`: from the course's
/// `check_in_opens_minutes` before the start until the end, the latest-opened window when two
/// overlap), moves on by itself when the next window opens, and says plainly when none is open.
public struct KioskTimetable: Sendable, Equatable {
    public var sessions: [Session]
    public var opensMinutes: Int
    /// The course's zone: days and clock times on the screen.
    public var zone: TimeZone

    public init(sessions: [Session], opensMinutes: Int, zone: TimeZone) {
        self.sessions = sessions; self.opensMinutes = opensMinutes; self.zone = zone
    }

    /// "Day 2 · 09:00–12:30": the day of the course and the session's times in its own zone.
    public func when(_ session: Session, _ words: Words) -> String {
        let days = Array(Set(sessions.map { LocalTime.day($0.start, in: zone) })).sorted()
        let dayNumber = (days.firstIndex(of: LocalTime.day(session.start, in: zone)) ?? 0) + 1
        let own = session.timeZone.flatMap(TimeZone.init(identifier:)) ?? zone
        return words.format(
            "kiosk.day", table: "Kiosk", dayNumber, DateText.sessionSpan(session.start, session.end, in: own, words.language))
    }

    /// `when` in every language.
    public func when(_ session: Session) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, when(session, Words($0))) })
    }

    /// What the welcome screen says while no window is open, one line per screen line.
    public func closedText(at now: Date, _ words: Words) -> String {
        guard let next = CheckInWindow.nextSession(after: now, in: sessions, opensMinutes: opensMinutes, zone: zone) else {
            return words.text("kiosk.closed.today", table: "Kiosk")
        }
        let opens = CheckInWindow(session: next, opensMinutes: opensMinutes).opens
        // The times before the title and on a line of their own, so a long title cut short keeps
        // them. The next session is always today's (`CheckInWindow.nextSession`).
        return [
            words.text("kiosk.closed", table: "Kiosk"),
            words.format("kiosk.closed.next", table: "Kiosk", LocalTime.clock(next.start, in: zone), next.title),
            words.format("kiosk.closed.opens", table: "Kiosk", LocalTime.clock(opens, in: zone)),
        ].joined(separator: "\n")
    }

    /// `closedText` in every language.
    public func closedText(at now: Date) -> [Language: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, closedText(at: now, Words($0))) })
    }
}

extension KioskState {
    /// Points the kiosk at the session open for check-in at `now`, or closes check-in. A person
    /// half-way through (confirming, on the walk-in form) is sent back to an empty welcome
    /// screen when check-in closes; when it only moves on to the next session they carry on,
    /// and their check-in goes to the session open when they confirm.
    public mutating func followTimetable(at now: Date) {
        guard let timetable = context.timetable else { return }
        if let open = CheckInWindow.openSession(at: now, in: timetable.sessions, opensMinutes: timetable.opensMinutes),
            let id = open.id
        {
            guard !context.checkInOpen || context.sessionID != id else { return }
            context.sessionID = id
            context.sessionTitle = open.title
            context.when = timetable.when(open)
            context.checkInOpen = true
            context.closedText = [:]
            return
        }
        let wasOpen = context.checkInOpen
        context.checkInOpen = false
        context.sessionTitle = ""
        context.when = [:]
        context.closedText = timetable.closedText(at: now)
        guard wasOpen else { return }
        switch phase {
        case .welcome, .confirm, .notListed, .walkIn:
            phase = .welcome
            query.clear()
            matches = []
            moreMatches = false
            selection = 0
            probing.endUncounted()  // closed under them: not theirs to count
        case .success, .recordedAs, .pin, .paused:
            break
        }
    }
}
