import CourseKit
import Foundation
import TerminalUI

/// What the kiosk screen says about where it is: course and session. Fixed at start with
/// `--session`; otherwise `timetable` moves it from session to session (`followTimetable`).
public struct KioskContext: Sendable, Equatable {
    public var courseID: Int64
    public var courseTitle: String
    public var sessionID: Int64
    public var sessionTitle: String
    /// "Day 2 · 09:00–12:30", in every language, so switching needs neither the clock nor the library.
    public var when: [Language: String]
    public var walkInsAllowed: Bool
    public var zone: TimeZone
    /// Set when the kiosk follows the timetable (started without `--session`).
    public var timetable: KioskTimetable?
    /// False while following the timetable and no session's check-in window is open.
    public var checkInOpen = true
    /// What the welcome screen says while check-in is closed ("… Next, at 13:00: Afternoon"), in every language.
    public var closedText: [Language: String] = [:]

    public init(
        courseID: Int64, courseTitle: String, sessionID: Int64, sessionTitle: String, when: [Language: String],
        walkInsAllowed: Bool, zone: TimeZone
    ) {
        self.courseID = courseID; self.courseTitle = courseTitle; self.sessionID = sessionID
        self.sessionTitle = sessionTitle; self.when = when; self.walkInsAllowed = walkInsAllowed; self.zone = zone
    }
}

/// The walk-in form: who someone not on the list says they are.
public struct WalkInForm: Sendable, Equatable {
    /// The fields' catalogue keys, in order.
    public static let labels = ["kiosk.field.given", "kiosk.field.family", "kiosk.field.agency", "kiosk.field.country"]
    public var fields: [TextField] = labels.map { _ in TextField(maxLength: 64) }
    public var focus = 0
    /// The catalogue key of what is wrong with the form, said in the screen's language.
    public var error: String?
}

/// The kiosk's screens, one at a time.
public enum KioskPhase: Sendable, Equatable {
    /// Type your name; matches appear from the third letter.
    case welcome
    /// "Is this you?"
    case confirm(KioskMatch)
    /// "Welcome, Ana — checked in 08:52" (or "already checked in").
    case success(name: String, time: String, already: Bool)
    /// The check-in was recorded, but the record says something else (say, excused): see the facilitator.
    case recordedAs(name: String, status: AttendanceStatus)
    /// Nobody matched: ask the facilitator (or register as a walk-in when allowed).
    case notListed
    case walkIn(WalkInForm)
    /// The staff exit: F10, then the PIN.
    case pin(TextField)
    /// Searches given up without a check-in showed too many people.
    case paused(until: Date)
}

extension KioskPhase {
    /// The phases with a field to type in: the name search, the walk-in form, the PIN.
    var hasTextField: Bool {
        switch self {
        case .welcome, .walkIn, .pin: true
        case .confirm, .success, .recordedAs, .notListed, .paused: false
        }
    }
}

public struct KioskState: Sendable, Equatable {
    public var context: KioskContext
    public var policy: KioskPolicy
    public var phase: KioskPhase = .welcome
    public var query: TextField
    public var matches: [KioskMatch] = []
    public var selection = 0
    /// True when the database found more than `maxMatches`: "type more of your name".
    public var moreMatches = false
    public var lastActivity: Date
    /// The search in progress and the searches given up, for the rate limit.
    public var probing = KioskProbing()
    public var pinFailures = 0
    public var pinBlockedUntil: Date?
    public var message: String?
    /// The language the screen speaks; Tab on the welcome screen goes to the next one.
    public var language: Language
    /// Bumped whenever the screen changes on its own (success, pause), so stale timers are ignored.
    public var generation = 0
    public var size: Size

    public init(
        context: KioskContext, policy: KioskPolicy = KioskPolicy(), now: Date,
        size: Size = Size(width: 80, height: 24), language: Language = .en
    ) {
        self.context = context
        self.policy = policy
        self.language = language
        self.query = TextField(maxLength: policy.maxInput, placeholder: Words(language).text("kiosk.placeholder", table: "Kiosk"))
        self.lastActivity = now
        self.size = size
    }
}

extension KioskState {
    /// The words of the screen's language.
    public var words: Words { Words(language) }

    /// `key` of the kiosk's catalogue in the screen's language.
    func say(_ key: String) -> String { words.text(key, table: "Kiosk") }

    /// The same with its blanks filled.
    func say(_ key: String, _ arguments: any CVarArg...) -> String {
        words.format(key, table: "Kiosk", arguments: arguments)
    }

    /// Speaks the next language: the field's hint follows; a message from before goes (it was
    /// in the other language).
    public mutating func switchLanguage() {
        language = language.next
        query.placeholder = say("kiosk.placeholder")
        message = nil
    }

    /// Takes up the wrong PINs counted before this kiosk started: the count goes on, and a wait
    /// that had not run out still runs, from the latest wrong PIN.
    public mutating func restorePINFailures(_ record: PINFailureLog.Record, at time: Date) {
        pinFailures = record.failures
        guard let last = record.last else { return }
        let until = last.addingTimeInterval(policy.pinDelay(afterFailures: record.failures))
        pinBlockedUntil = until > time ? until : nil
    }
}
