import Foundation
import GRDB

/// Looking a person up by code, and the courses they took.
extension People {
    /// The person with this code (case-insensitive), or `unknownParticipant`.
    public func person(code: String) throws -> Person {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM person WHERE code = ? COLLATE NOCASE", arguments: [code])
        }
        guard let row else { throw MusterError.unknownParticipant(code) }
        return Person(row: row)
    }

    /// The courses a person is enrolled in, oldest first: their training history.
    public func history(personID: Int64) throws -> [(Course, Enrolment)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, e.id AS e_id, e.role AS e_role, e.nominated_by AS e_nominated_by,
                           e.status AS e_status, e.substituted_by AS e_substituted_by, e.note AS e_note
                    FROM enrolment e JOIN course c ON c.id = e.course_id
                    WHERE e.person_id = ? ORDER BY c.start_date
                    """, arguments: [personID]
            ).map { row in
                let course = Course(row: row)
                return (
                    course,
                    Enrolment(
                        id: row["e_id"], courseID: course.id ?? 0, personID: personID,
                        role: Role(rawValue: row["e_role"]) ?? .participant,
                        nominatedBy: row["e_nominated_by"],
                        status: NominationStatus(rawValue: row["e_status"]) ?? .nominated,
                        substitutedBy: row["e_substituted_by"], note: row["e_note"])
                )
            }
        }
    }
}
