import Foundation

/// Which people of a roll call to show, by their current mark in its session.
public enum MarkFilter: String, Sendable, CaseIterable, Hashable {
    case all, unmarked, present, absent, late, excused

    /// Whether a person whose current mark is `mark` (nil: none, or cleared) is shown.
    public func admits(_ mark: AttendanceStatus?) -> Bool {
        switch self {
        case .all: true
        case .unmarked: mark == nil || mark == .cleared
        case .present: mark == .present
        case .absent: mark == .absent
        case .late: mark == .late
        case .excused: mark == .excused
        }
    }

    /// The one status this filter shows, for the SQL; nil for `all` and `unmarked`.
    var status: AttendanceStatus? {
        switch self {
        case .all, .unmarked: nil
        case .present: .present
        case .absent: .absent
        case .late: .late
        case .excused: .excused
        }
    }
}

/// A roster filter dimension for the roll call: only the people whose current mark in one
/// session the mark filter admits.
public struct SessionMarkFilter: Hashable, Sendable {
    public var sessionID: Int64
    public var marks: MarkFilter

    public init(sessionID: Int64, marks: MarkFilter) {
        self.sessionID = sessionID; self.marks = marks
    }
}

extension RosterQuery {
    /// A roll call's rows: the people it marks (expected participants and observers) by family
    /// name, those whose current mark in the session `filter` admits.
    public static func rollCall(courseID: Int64, sessionID: Int64, filter: MarkFilter) -> RosterQuery {
        RosterQuery(
            courseID: courseID, order: RosterOrder(.name),
            filter: RosterFilter(rollCallOnly: true, sessionMark: SessionMarkFilter(sessionID: sessionID, marks: filter)))
    }
}
