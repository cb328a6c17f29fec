import Foundation

/// How a course or a session is delivered.
public enum Modality: String, Codable, Sendable, CaseIterable {
    case inPerson = "in-person"
    case online
    case hybrid
}

/// What a session is; drives labels in the overview and the reports.
public enum SessionKind: String, Codable, Sendable, CaseIterable {
    case module
    case panel
    case webinar
    case virtualSession = "virtual-session"
    case consultation
    case fieldVisit = "field-visit"
    case onlineCourse = "online-course"
    case ceremony
}

/// The kind of a nominating or participating agency, used to disaggregate reports.
public enum AgencyKind: String, Codable, Sendable, CaseIterable {
    case ministry
    case migrationAgency = "migration-agency"
    case borderAgency = "border-agency"
    case planningBody = "planning-body"
    case civilSociety = "civil-society"
    case international
    case observer
    case academia
    case donor
    case government
}

/// Sex as reported by the participant; `notDisclosed` is a real answer, not a missing one.
public enum Sex: String, Codable, Sendable, CaseIterable {
    case female
    case male
    case other
    case notDisclosed = "not-disclosed"

    /// One letter for narrow columns.
    public var letter: String {
        switch self {
        case .female: "F"
        case .male: "M"
        case .other: "X"
        case .notDisclosed: "-"
        }
    }
}

/// The part a person plays in a course.
public enum Role: String, Codable, Sendable, CaseIterable {
    case participant
    case observer
    case facilitator
    case resourcePerson = "resource-person"
    case organiser

    /// Roles whose attendance the roll call takes: facilitators, organisers and resource people
    /// run the session and are not marked.
    public static let markedByRollCall: Set<Role> = [.participant, .observer]
}

/// Where a nomination stands. `substituted` names the replacement in `Enrolment.substitutedBy`.
public enum NominationStatus: String, Codable, Sendable, CaseIterable {
    case nominated
    case confirmed
    case declined
    case withdrawn
    case substituted
    case waitlisted
    case walkIn = "walk-in"

    /// Whether someone in this state is expected in the room (and so on the roll call).
    public var isExpected: Bool {
        switch self {
        case .nominated, .confirmed, .walkIn: true
        case .declined, .withdrawn, .substituted, .waitlisted: false
        }
    }
}

/// Whether a quota caps a country's nominations or an agency's.
public enum QuotaScope: String, Codable, Sendable, CaseIterable {
    case country
    case agency
}

/// The status an attendance event records. `cleared` removes a mark without deleting history.
public enum AttendanceStatus: String, Codable, Sendable, CaseIterable {
    case present
    case late
    case excused
    case absent
    case cleared

    /// Parses the words people type on the command line (`clear` as well as `cleared`).
    public init?(word: String) {
        switch word.lowercased() {
        case "present", "p": self = .present
        case "late", "l": self = .late
        case "excused", "e": self = .excused
        case "absent", "a", "x": self = .absent
        case "clear", "cleared", "0": self = .cleared
        default: return nil
        }
    }

    /// Counts as being in the room for completion and "present" totals.
    public var isAttending: Bool { self == .present || self == .late }
}

/// Where an attendance event came from. The derivation rule ranks kiosk check-ins below
/// every mark a person made deliberately (roll call, paper sheet, command line, import), except
/// that a check-in after a facilitator's absent counts as late (`MarkRule.derive`).
public enum EventSource: String, Codable, Sendable, CaseIterable {
    case rollcall
    case kiosk
    case importFile = "import"
    case paper
    case cli
}
