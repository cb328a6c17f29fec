import Foundation
import GRDB

/// Putting people on a roster, editing and removing their enrolment from the screens; each is one
/// transaction and one change-log entry, so it can be undone.
extension Nominations {
    /// Puts an existing person on a course's roster.
    @discardableResult
    public func enrol(
        personID: Int64, courseID: Int64, role: Role = .participant,
        status: NominationStatus = .nominated
    ) throws -> ChangeRecord {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM enrolment WHERE course_id = ? AND person_id = ?", arguments: [courseID, personID])
                == true
            {
                throw MusterError.refused(.alreadyOnRoster)
            }
            let code = try String.fetchOne(db, sql: "SELECT code FROM person WHERE id = ?", arguments: [personID]) ?? "?"
            let agency = try Int64.fetchOne(db, sql: "SELECT agency_id FROM person WHERE id = ?", arguments: [personID])
            var id: Int64?
            return try store.logged(
                db, entity: "enrolment", entityID: { id }, courseID: courseID, action: "create",
                summary: { ChangeSummary("enrolled", .text(code)) }, scope: { [("enrolment", id.map { [$0] } ?? [])] }
            ) {
                id = try EnrolmentWrites.insert(db, courseID: courseID, personID: personID, role: role, nominatedBy: agency, status: status)
                return []
            }
        }
    }

    /// Changes an enrolment's role, nomination status (not `substituted`), nominating agency or note.
    @discardableResult
    public func saveEnrolment(_ enrolment: Enrolment) throws -> ChangeRecord {
        guard let id = enrolment.id else { throw MusterError.refused(.notSaved(what: "enrolment")) }
        return try write { db in
            let (old, person) = try Self.enrolment(db, courseID: enrolment.courseID, personID: enrolment.personID)
            let status = enrolment.status
            if status == .substituted && old.status != .substituted {
                throw ValidationFailure(field: "status", key: "substituteNotChosen")
            }
            return try store.logged(
                db, entity: "enrolment", entityID: { id }, courseID: enrolment.courseID, action: "update",
                summary: { ChangeSummary("enrolment.edited", .person(person)) }, scope: { [("enrolment", [id])] }
            ) {
                try EnrolmentWrites.update(
                    db, id: id,
                    [
                        "role": enrolment.role.rawValue, "status": status.rawValue, "nominated_by": enrolment.nominatedBy,
                        "note": NameSanitizer.clean(enrolment.note),
                        "substituted_by": status == .substituted ? old.substitutedBy : nil,
                    ])
                return []
            }
        }
    }

    /// Takes a person off a course's roster; refused once they have attendance in it.
    @discardableResult
    public func removeEnrolment(courseID: Int64, personID: Int64) throws -> ChangeRecord {
        try write { db in
            let (enrolment, person) = try Self.enrolment(db, courseID: courseID, personID: personID)
            let events =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM attendance_event a JOIN session s ON s.id = a.session_id WHERE s.course_id = ? AND a.person_id = ?
                        """, arguments: [courseID, personID]) ?? 0
            guard events == 0 else {
                throw MusterError.refused(.hasAttendance(code: person.code))
            }
            return try store.logged(
                db, entity: "enrolment", entityID: { enrolment.id }, courseID: courseID, action: "delete",
                summary: { ChangeSummary("removed", .person(person)) },
                scope: { [("enrolment", [enrolment.id!])] }
            ) {
                try EnrolmentWrites.delete(db, id: enrolment.id!)
                return []
            }
        }
    }
}
