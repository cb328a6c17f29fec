import Foundation
import GRDB

/// One course in a person's training history, with how they did.
public struct PersonCourseRecord: Hashable, Sendable {
    public var course: Course
    public var enrolment: Enrolment
    public var attended: Int
    public var sessionCount: Int
    public var completed: Bool
    /// Who took their place, when they were substituted in this course.
    public var substitutedBy: Person? = nil
    /// Whom they replaced in this course, when they came in as a substitute.
    public var substituteFor: Person? = nil

    /// "substituted by MX-006 Joaquín Peña", "confirmed, substitute for GT-002 Ana Pérez", or
    /// the status alone: who replaced whom, which the status word cannot say.
    public var statusText: String {
        if let by = substitutedBy { return "substituted by \(by.code) \(by.displayName)" }
        if let them = substituteFor { return "\(enrolment.status.rawValue), substitute for \(them.code) \(them.displayName)" }
        return enrolment.status.rawValue
    }

    /// Attended share 0...1 (0 for a course without sessions).
    public var rate: Double { sessionCount == 0 ? 0 : Double(attended) / Double(sessionCount) }
}

/// A person with what the person view shows around them.
public struct PersonDetails: Hashable, Sendable {
    public var person: Person
    public var agency: Agency?
    /// Set when this was a walk-in merged into someone else.
    public var mergedInto: Person?
    /// Oldest course first.
    public var history: [PersonCourseRecord]
    /// Every recorded change about them, oldest first (see `personAudit`).
    public var audit: [AuditEntry] = []
    /// Others with the same name and country (see `People.lookalikes`): whom a walk-in awaiting
    /// review may really be.
    public var lookalikes: [Person] = []
}

extension People {
    /// A person, their agency and every course they were enrolled in with attendance and
    /// completion by each course's rule, in one read.
    public func personDetails(id: Int64) throws -> PersonDetails {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id]) else {
                throw MusterError.unknownParticipant("#\(id)")
            }
            let person = Person(row: row)
            let agency = try person.agencyID.flatMap { try Row.fetchOne(db, sql: "SELECT * FROM agency WHERE id = ?", arguments: [$0]) }
                .map(Agency.init(row:))
            let mergedID: Int64? = row["merged_into"]
            let merged = try mergedID.flatMap { try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [$0]) }
                .map(Person.init(row:))
            let history = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, e.id AS e_id, e.role AS e_role, e.nominated_by AS e_nominated_by, e.status AS e_status,
                           e.substituted_by AS e_substituted_by, e.note AS e_note,
                           r.attended AS r_attended, r.core_attended AS r_core
                    FROM enrolment e JOIN course c ON c.id = e.course_id
                    LEFT JOIN roster_index r ON r.enrolment_id = e.id
                    WHERE e.person_id = ? ORDER BY c.start_date, c.code
                    """, arguments: [id]
            ).map { row -> PersonCourseRecord in
                let course = Course(row: row)
                let facts = try RosterBrowser.rosterFacts(db, courseID: course.id!)
                let enrolment = Enrolment(
                    id: row["e_id"], courseID: course.id!, personID: id,
                    role: Role(rawValue: row["e_role"]) ?? .participant, nominatedBy: row["e_nominated_by"],
                    status: NominationStatus(rawValue: row["e_status"]) ?? .nominated,
                    substitutedBy: row["e_substituted_by"], note: row["e_note"])
                let attended: Int = row["r_attended"] ?? 0, core: Int = row["r_core"] ?? 0
                var record = PersonCourseRecord(
                    course: course, enrolment: enrolment, attended: attended, sessionCount: facts.sessionCount,
                    completed: Completion.evaluate(
                        rule: facts.rule, sessionCount: facts.sessionCount,
                        attended: attended, coreSessions: facts.coreCount,
                        coreAttended: core))
                record.substitutedBy = try enrolment.substitutedBy.flatMap {
                    try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [$0]).map(Person.init(row:))
                }
                record.substituteFor = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT p.* FROM enrolment e JOIN person p ON p.id = e.person_id
                        WHERE e.course_id = ? AND e.substituted_by = ? ORDER BY e.id LIMIT 1
                        """, arguments: [course.id!, id]
                ).map(Person.init(row:))
                return record
            }
            return PersonDetails(
                person: person, agency: agency, mergedInto: merged, history: history,
                audit: try PrivacyAudit.personAudit(db, personID: id), lookalikes: try People.lookalikes(db, personID: id))
        }
    }
}

extension People {
    /// How many courses each person is enrolled in, for search results.
    public func enrolmentCounts(personIDs: [Int64]) throws -> [Int64: Int] {
        guard !personIDs.isEmpty else { return [:] }
        return try read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db,
                    sql: """
                        SELECT person_id, count(*) AS n FROM enrolment
                        WHERE person_id IN (\(personIDs.map { _ in "?" }.joined(separator: ","))) GROUP BY person_id
                        """, arguments: StatementArguments(personIDs)
                ).map { ($0["person_id"] as Int64, $0["n"] as Int) })
        }
    }
}
