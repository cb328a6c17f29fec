import Foundation

/// One sitting of a course: a module, a panel, a virtual session.
public struct Session: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var courseID: Int64
    /// Short id unique within the course, typed on the command line (`d1-am`, `vs2`).
    public var key: String
    public var title: String
    public var kind: SessionKind
    public var start: Date
    public var end: Date
    /// A time zone of its own when the session is held elsewhere than the course (rare).
    public var timeZone: String?
    public var modality: Modality
    public var venue: String
    public var link: String
    public var facilitators: [String]
    /// Core sessions must be attended for completion when the course's rule asks for it.
    public var core: Bool

    public init(
        id: Int64? = nil, courseID: Int64, key: String, title: String, kind: SessionKind = .module,
        start: Date, end: Date, timeZone: String? = nil, modality: Modality = .inPerson,
        venue: String = "", link: String = "", facilitators: [String] = [], core: Bool = false
    ) {
        self.id = id; self.courseID = courseID; self.key = key; self.title = title; self.kind = kind
        self.start = start; self.end = end; self.timeZone = timeZone; self.modality = modality
        self.venue = venue; self.link = link; self.facilitators = facilitators; self.core = core
    }
}

extension Session {
    /// The zone the session's times are written and shown in: its own, else its course's.
    public func zone(in course: Course) -> TimeZone { timeZone.flatMap(TimeZone.init(identifier:)) ?? course.zone }

    /// Its own zone when that differs from the course's, else nil: what a ZONE column shows.
    public func ownZone(in course: Course) -> String? {
        let zone = zone(in: course).identifier
        return zone == course.zone.identifier ? nil : zone
    }

    /// Whether a list of sessions needs a ZONE column: only when one of them is held in a zone
    /// other than its course's, since most courses keep one zone. `muster sessions` and the
    /// session list decide it here.
    public static func needZoneColumn(_ sessions: some Sequence<(Session, Course)>) -> Bool {
        sessions.contains { $0.0.ownZone(in: $0.1) != nil }
    }
}
