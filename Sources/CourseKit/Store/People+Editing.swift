import Foundation
import GRDB

/// A person edited on the screens: one transaction and one change-log entry, like every edit.
extension People {
    /// Saves a person (new when `id` is nil), keeping their search tokens and sort key in step;
    /// with `enrolIn`, also puts a new person on that course's roster.
    @discardableResult
    public func savePerson(
        _ person: Person, enrolIn courseID: Int64? = nil, role: Role = .participant,
        status: NominationStatus = .nominated
    ) throws -> (Person, ChangeRecord) {
        try write { db in
            // Checked first: an erased record's blank name would otherwise be refused as a name
            // left out, and a name typed in would tie the record to a person again.
            if let id = person.id { try Self.refuseErased(db, id: id) }
            var p = try Self.checked(person)
            try Self.refuseTaken(db, p)
            let existing = p.id
            let scope: () throws -> [(table: String, ids: [Int64])] = {
                [
                    (
                        "enrolment",
                        try courseID.map { c in
                            try Int64.fetchAll(
                                db, sql: "SELECT id FROM enrolment WHERE course_id = ? AND person_id = ?", arguments: [c, p.id])
                        } ?? []
                    ), ("person", p.id.map { [$0] } ?? []),
                ]
            }
            let change = try store.logged(
                db, entity: "person", entityID: { p.id }, courseID: courseID,
                action: existing == nil ? "create" : "update",
                summary: { ChangeSummary(existing == nil ? "person.added" : "person.edited", .person(p)) }, scope: scope
            ) {
                if p.id != nil { try PersonWrites.update(db, &p) } else { try PersonWrites.insert(db, &p) }
                if let courseID, existing == nil {
                    try EnrolmentWrites.insert(db, courseID: courseID, personID: p.id!, role: role, nominatedBy: p.agencyID, status: status)
                }
                return []
            }
            return (p, change)
        }
    }

    /// The person as stored, or the first field that cannot be saved.
    static func checked(_ person: Person) throws -> Person {
        let p = PersonWrites.stored(person)
        guard CourseFileValidator.isParticipantCode(p.code) else {
            throw ValidationFailure(field: "code", key: "person.code")
        }
        guard !(p.givenName + p.familyName).isEmpty else { throw ValidationFailure(field: "givenName", key: "person.name") }
        guard p.country.isEmpty || Countries.name(of: p.country) != nil else {
            throw ValidationFailure(field: "country", key: "country")
        }
        guard p.email.isEmpty || p.email.contains("@") else { throw ValidationFailure(field: "email", key: "email") }
        return p
    }

    /// Refuses editing someone erased at their request: their placeholder keeps no details, and
    /// stays anonymous (a returning person is registered anew, as a merge says too).
    static func refuseErased(_ db: Database, id: Int64) throws {
        guard try isErased(db, personID: id) else { return }
        let code = try String.fetchOne(db, sql: "SELECT code FROM person WHERE id = ?", arguments: [id]) ?? "#\(id)"
        throw MusterError.refused(.editErased(code: code))
    }

    /// Whether the person was erased at their request (their row is the anonymous placeholder).
    static func isErased(_ db: Database, personID: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM erasure WHERE person_id = ?"), arguments: [personID]) ?? false
    }

    /// Refuses a code another person has and, for someone new, an e-mail another person has.
    static func refuseTaken(_ db: Database, _ p: Person) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE code = ? COLLATE NOCASE AND id IS NOT ?", arguments: [p.code, p.id])
            == true
        {
            throw ValidationFailure(field: "code", key: "person.codeTaken", .text(p.code))
        }
        if p.id == nil { try refuseTakenEmail(db, p) }
    }
}
