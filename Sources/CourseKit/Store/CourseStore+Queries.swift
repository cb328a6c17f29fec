import Foundation
import GRDB

/// One line of the course list: the course and the counts people look for first.
public struct CourseSummary: Hashable, Sendable {
    public var course: Course
    public var sessionCount: Int
    /// People expected in the room: nominated, confirmed or walk-in.
    public var enrolled: Int
    /// The session running now or the next one to start, if any.
    public var nextSession: Session?
    /// Its retention period is over and people on its roster still have names: `muster purge
    /// --expired` would erase them (unless another course still needs them).
    public var pastRetention: Bool = false
}

/// A person on a course's roster with their enrolment and agency resolved.
public struct RosterEntry: Hashable, Sendable, Identifiable {
    public var participant: Participant
    public var enrolment: Enrolment
    public var agency: Agency?
    public var id: Int64 { participant.id ?? 0 }
}

extension CourseStore {
    /// True when no course has ever been loaded: the cue to seed from `courses/`.
    public func isEmpty() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM course") == 0 }
    }

    public func courses() throws -> [Course] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM course ORDER BY start_date DESC, code").map(Course.init(row:)) }
    }

    /// Every course with its counts, newest first, in one read.
    public func courseSummaries() throws -> [CourseSummary] {
        let now = clock().ms
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*,
                  (SELECT count(*) FROM session s WHERE s.course_id = c.id) AS n_sessions,
                  (SELECT count(*) FROM enrolment e WHERE e.course_id = c.id
                     AND e.status IN ('nominated', 'confirmed', 'walk-in')) AS n_enrolled,
                  (SELECT s.id FROM session s WHERE s.course_id = c.id AND s.end_ms > ?
                     ORDER BY s.start_ms LIMIT 1) AS next_id
                FROM course c ORDER BY c.start_date DESC, c.code
                """, arguments: [now]).map { row in
                let nextID: Int64? = row["next_id"]
                let next = try nextID.flatMap { try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [$0]) }
                let course = Course(row: row)
                // Counted only for the few courses past their period: the list stays one cheap read.
                let past = try course.isPastRetention(at: Date(ms: now)) && (Bool.fetchOne(db, sql: """
                    SELECT 1 FROM enrolment e JOIN person p ON p.id = e.person_id
                    WHERE e.course_id = ? AND p.given_name || p.family_name <> '' LIMIT 1
                    """, arguments: [course.id]) ?? false)
                return CourseSummary(course: course, sessionCount: row["n_sessions"],
                                     enrolled: row["n_enrolled"], nextSession: next.map(Session.init(row:)), pastRetention: past)
            }
        }
    }

    /// The course with this code, or `unknownCourse`.
    public func course(code: String) throws -> Course {
        let row = try read { db in try Row.fetchOne(db, sql: "SELECT * FROM course WHERE code = ?", arguments: [code]) }
        guard let row else { throw MusterError.unknownCourse(code) }
        return Course(row: row)
    }

    /// A course's sessions in running order.
    public func sessions(courseID: Int64) throws -> [Session] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM session WHERE course_id = ? ORDER BY start_ms, position",
                             arguments: [courseID]).map(Session.init(row:))
        }
    }

    /// The session with this short id in the course, or `unknownSession`.
    public func session(course: Course, key: String) throws -> Session {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE course_id = ? AND key = ?",
                             arguments: [course.id, key])
        }
        guard let row else { throw MusterError.unknownSession(course: course.code, session: key) }
        return Session(row: row)
    }

    /// The session running at `date`, else the next to start, else the last one: where a
    /// facilitator who opens a course most likely wants to be.
    public func currentOrNextSession(courseID: Int64, at date: Date? = nil) throws -> Session? {
        let all = try sessions(courseID: courseID)
        let now = date ?? clock()
        return all.first { $0.end > now } ?? all.last
    }

    /// The course's roster in file order (`position`), with agencies resolved.
    /// `expectedOnly` keeps the people expected in the room (no declined, withdrawn, substituted, waitlisted).
    public func roster(courseID: Int64, expectedOnly: Bool = false) throws -> [RosterEntry] {
        let filter = expectedOnly ? "AND e.status IN ('nominated', 'confirmed', 'walk-in')" : ""
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.*, e.id AS e_id, e.course_id AS e_course_id, e.role AS e_role,
                       e.nominated_by AS e_nominated_by, e.status AS e_status,
                       e.substituted_by AS e_substituted_by, e.note AS e_note,
                       a.id AS a_id, a.code AS a_code, a.name AS a_name, a.acronym AS a_acronym,
                       a.kind AS a_kind, a.country AS a_country
                FROM enrolment e JOIN person p ON p.id = e.person_id
                LEFT JOIN agency a ON a.id = p.agency_id
                WHERE e.course_id = ? \(filter)
                ORDER BY e.position, e.id
                """, arguments: [courseID]).map(Self.rosterEntry(row:))
        }
    }

    static func rosterEntry(row: Row) -> RosterEntry {
        let person = Participant(row: row)
        let enrolment = Enrolment(id: row["e_id"], courseID: row["e_course_id"], participantID: person.id ?? 0,
                                  role: Role(rawValue: row["e_role"]) ?? .participant,
                                  nominatedBy: row["e_nominated_by"],
                                  status: NominationStatus(rawValue: row["e_status"]) ?? .nominated,
                                  substitutedBy: row["e_substituted_by"], note: row["e_note"])
        let agencyID: Int64? = row["a_id"]
        let agency = agencyID.map { _ in
            Agency(id: row["a_id"], code: row["a_code"], name: row["a_name"], acronym: row["a_acronym"],
                   kind: AgencyKind(rawValue: row["a_kind"]) ?? .government, country: row["a_country"])
        }
        return RosterEntry(participant: person, enrolment: enrolment, agency: agency)
    }

    /// The person with this code (case-insensitive), or `unknownParticipant`.
    public func participant(code: String) throws -> Participant {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM person WHERE code = ? COLLATE NOCASE", arguments: [code])
        }
        guard let row else { throw MusterError.unknownParticipant(code) }
        return Participant(row: row)
    }

    public func agencies() throws -> [Agency] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM agency ORDER BY code").map(Agency.init(row:)) }
    }

    /// The courses a person is enrolled in, oldest first: their training history.
    public func history(participantID: Int64) throws -> [(Course, Enrolment)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, e.id AS e_id, e.role AS e_role, e.nominated_by AS e_nominated_by,
                       e.status AS e_status, e.substituted_by AS e_substituted_by, e.note AS e_note
                FROM enrolment e JOIN course c ON c.id = e.course_id
                WHERE e.person_id = ? ORDER BY c.start_date
                """, arguments: [participantID]).map { row in
                let course = Course(row: row)
                return (course, Enrolment(id: row["e_id"], courseID: course.id ?? 0, participantID: participantID,
                                          role: Role(rawValue: row["e_role"]) ?? .participant,
                                          nominatedBy: row["e_nominated_by"],
                                          status: NominationStatus(rawValue: row["e_status"]) ?? .nominated,
                                          substitutedBy: row["e_substituted_by"], note: row["e_note"]))
            }
        }
    }
}
