import Foundation
import GRDB

/// Everything reports, sheets, certificates and the wide export read about one course, loaded in
/// one go so each of them is a pure function of this value (and tests can build one by hand).
public struct CourseFacts: Sendable {
    public var course: Course
    /// In running order.
    public var sessions: [Session]
    /// Everyone enrolled, in roster order.
    public var roster: [RosterEntry]
    /// Session id → person id → current mark.
    public var marks: [Int64: [Int64: AttendanceEvent]]
    public var quotas: [Quota]
    /// Every agency in the library by id (nominating agencies need not be the person's own).
    public var agencies: [Int64: Agency]

    public init(
        course: Course, sessions: [Session], roster: [RosterEntry], marks: [Int64: [Int64: AttendanceEvent]],
        quotas: [Quota] = [], agencies: [Int64: Agency] = [:]
    ) {
        self.course = course; self.sessions = sessions; self.roster = roster; self.marks = marks
        self.quotas = quotas; self.agencies = agencies
    }

    public static func load(_ store: CourseStore, code: String) throws -> CourseFacts {
        let course = try store.courses.course(code: code)
        guard let id = course.id else { throw MusterError.unknownCourse(code) }
        let quotas = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT scope, key, lim FROM quota WHERE course_id = ? ORDER BY position", arguments: [id])
                .map { Quota(scope: QuotaScope(rawValue: $0["scope"]) ?? .country, key: $0["key"], limit: $0["lim"]) }
        }
        let agencies = Dictionary(uniqueKeysWithValues: try store.courses.agencies().compactMap { a in a.id.map { ($0, a) } })
        return CourseFacts(
            course: course, sessions: try store.courses.sessions(courseID: id), roster: try store.rosters.roster(courseID: id),
            marks: try store.attendance.marks(courseID: id), quotas: quotas, agencies: agencies)
    }

    /// The roster as `QuotaCount` tallies it: participants by country, agency (their own, else
    /// the one that nominated them) and status.
    public var quotaTallies: [QuotaCount.Tally] {
        roster.filter { $0.enrolment.role == .participant }.map {
            QuotaCount.Tally(
                country: $0.person.country, agencyID: $0.person.agencyID ?? $0.enrolment.nominatedBy, status: $0.enrolment.status)
        }
    }

    /// A person's current status in each session they have a mark in.
    public func statuses(of personID: Int64) -> [Int64: AttendanceStatus] {
        var out: [Int64: AttendanceStatus] = [:]
        for s in sessions {
            if let id = s.id, let mark = marks[id]?[personID] { out[id] = mark.status }
        }
        return out
    }

    public func mark(_ personID: Int64, in session: Session) -> AttendanceEvent? {
        session.id.flatMap { marks[$0]?[personID] }
    }

    public func verdict(for entry: RosterEntry) -> CompletionVerdict {
        Completion.evaluate(rule: course.completion, sessions: sessions, statuses: statuses(of: entry.person.id ?? 0))
    }

    public func isEligible(_ entry: RosterEntry) -> Bool {
        CertificateEligibility.isEligible(role: entry.enrolment.role, status: entry.enrolment.status, verdict: verdict(for: entry))
    }

    /// Participants and observers, every nomination status: the people reports count.
    public var trainees: [RosterEntry] { roster.filter { CertificateEligibility.isTrainee($0.enrolment.role) } }

    /// Trainees expected in the room (nominated, confirmed, walk-in).
    public var expectedTrainees: [RosterEntry] { trainees.filter { $0.enrolment.status.isExpected } }
}
