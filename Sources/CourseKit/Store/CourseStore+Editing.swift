import Foundation
import GRDB

/// A value a form cannot save, naming the field so the form can show the message beside it.
public struct ValidationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field's name as the model spells it ("code", "start", "title").
    public var field: String
    public var message: String
    public init(field: String, _ message: String) { self.field = field; self.message = message }
    public var description: String { message }
}

/// Adding, editing and deleting courses, sessions, agencies, people and enrolments from the
/// screens. Every write is one transaction and one entry in the change log, so it can be undone;
/// every rule a course file obeys is checked here too, so the screens cannot store what an
/// import would refuse.
extension CourseStore {
    @discardableResult
    public func saveCourse(_ course: Course) throws -> (Course, ChangeRecord) {
        var c = course
        c.title = NameSanitizer.clean(c.title); c.shortTitle = NameSanitizer.clean(c.shortTitle)
        c.venue = NameSanitizer.clean(c.venue); c.country = c.country.uppercased()
        guard CourseFileValidator.isSlug(c.code) else { throw ValidationFailure(field: "code", "use lower-case letters, digits and hyphens") }
        guard !c.title.isEmpty else { throw ValidationFailure(field: "title", "a course needs a title") }
        guard TimeZone(identifier: c.timeZone) != nil else { throw ValidationFailure(field: "timeZone", "unknown time zone '\(c.timeZone)'") }
        guard c.startDate <= c.endDate else { throw ValidationFailure(field: "endDate", "ends before it starts") }
        guard c.country.isEmpty || Countries.name(of: c.country) != nil else { throw ValidationFailure(field: "country", "unknown country code") }
        guard (0...1).contains(c.completion.minimumShare) else { throw ValidationFailure(field: "completion", "between 0 and 100 %") }
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM course WHERE code = ? AND id IS NOT ?", arguments: [c.code, c.id]) == true {
                throw ValidationFailure(field: "code", "another course has the code '\(c.code)'")
            }
            let existing = c.id
            let change = try logged(db, entity: "course", entityID: { c.id }, courseID: nil, action: existing == nil ? "create" : "update",
                                    summary: { "\(existing == nil ? "added" : "edited") course \(c.code)" },
                                    scope: { [("course", c.id.map { [$0] } ?? [])] }) {
                if let id = c.id { try CourseWrites.update(db, id: id, c) } else { c.id = try CourseWrites.insert(db, c) }
                return []
            }
            return (c, change)
        }
    }

    /// Deletes a course with its sessions, roster and quotas; refused once any attendance was
    /// recorded, because the attendance log is never deleted.
    @discardableResult
    public func deleteCourse(id: Int64) throws -> ChangeRecord {
        try write { db in
            let code = try String.fetchOne(db, sql: "SELECT code FROM course WHERE id = ?", arguments: [id]) ?? "?"
            let marks = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM attendance_event a JOIN session s ON s.id = a.session_id WHERE s.course_id = ?
                """, arguments: [id]) ?? 0
            guard marks == 0 else {
                throw MusterError.invalid("\(code) has \(marks) attendance events recorded; the attendance log is append-only, so the course cannot be deleted")
            }
            let scope = [("enrolment", try Int64.fetchAll(db, sql: "SELECT id FROM enrolment WHERE course_id = ?", arguments: [id])),
                         ("quota", try Int64.fetchAll(db, sql: "SELECT rowid FROM quota WHERE course_id = ?", arguments: [id])),
                         ("course_agency", try Int64.fetchAll(db, sql: "SELECT rowid FROM course_agency WHERE course_id = ?", arguments: [id])),
                         ("session", try Int64.fetchAll(db, sql: "SELECT id FROM session WHERE course_id = ?", arguments: [id])),
                         ("course", [id])]
            return try logged(db, entity: "course", entityID: { id }, courseID: nil, action: "delete",
                              summary: { "deleted course \(code)" }, scope: { scope }) {
                try CourseWrites.delete(db, id: id)
                return []
            }
        }
    }

    @discardableResult
    public func saveSession(_ session: Session) throws -> (Session, ChangeRecord) {
        var s = session
        s.title = NameSanitizer.clean(s.title); s.venue = NameSanitizer.clean(s.venue); s.link = NameSanitizer.clean(s.link)
        guard CourseFileValidator.isSlug(s.key) else { throw ValidationFailure(field: "key", "use lower-case letters, digits and hyphens") }
        guard !s.title.isEmpty else { throw ValidationFailure(field: "title", "a session needs a title") }
        guard s.start < s.end else { throw ValidationFailure(field: "end", "ends before it starts") }
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE course_id = ? AND key = ? AND id IS NOT ?",
                                 arguments: [s.courseID, s.key, s.id]) == true {
                throw ValidationFailure(field: "key", "another session of this course is '\(s.key)'")
            }
            let values: [String: (any DatabaseValueConvertible)?] = [
                "course_id": s.courseID, "key": s.key, "title": s.title, "kind": s.kind.rawValue, "start_ms": s.start.ms,
                "end_ms": s.end.ms, "time_zone": s.timeZone, "modality": s.modality.rawValue, "venue": s.venue, "link": s.link,
                "facilitators": JSONList.encode(s.facilitators.map(NameSanitizer.clean)), "core": s.core]
            let existing = s.id
            let change = try logged(db, entity: "session", entityID: { s.id }, courseID: s.courseID,
                                    action: existing == nil ? "create" : "update",
                                    summary: { "\(existing == nil ? "added" : "edited") session \(s.key) \(s.title)" },
                                    scope: { [("session", s.id.map { [$0] } ?? [])] }) {
                if let id = s.id {
                    try SessionWrites.update(db, id: id, values)
                } else {
                    var withPosition = values
                    withPosition["position"] = (try Int.fetchOne(db, sql: "SELECT max(position) FROM session WHERE course_id = ?",
                                                                 arguments: [s.courseID]) ?? -1) + 1
                    s.id = try SessionWrites.insert(db, withPosition)
                }
                return []
            }
            return (s, change)
        }
    }

    /// Deletes a session that has no attendance; with attendance it is refused, saying why.
    @discardableResult
    public func deleteSession(id: Int64) throws -> ChangeRecord {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [id]) else {
                throw MusterError.invalid("that session no longer exists")
            }
            let session = Session(row: row)
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance_event WHERE session_id = ?", arguments: [id]) ?? 0
            guard events == 0 else {
                throw MusterError.invalid("'\(session.title)' has attendance recorded (\(events) event\(events == 1 ? "" : "s")); the attendance log is append-only, so it cannot be deleted")
            }
            return try logged(db, entity: "session", entityID: { id }, courseID: session.courseID, action: "delete",
                              summary: { "deleted session \(session.key) \(session.title)" }, scope: { [("session", [id])] }) {
                try SessionWrites.delete(db, id: id)
                return []
            }
        }
    }

    @discardableResult
    public func saveAgency(_ agency: Agency) throws -> (Agency, ChangeRecord) {
        var a = agency
        a.name = NameSanitizer.clean(a.name); a.acronym = NameSanitizer.clean(a.acronym); a.country = a.country.uppercased()
        guard CourseFileValidator.isSlug(a.code) else { throw ValidationFailure(field: "code", "use lower-case letters, digits and hyphens") }
        guard !a.name.isEmpty else { throw ValidationFailure(field: "name", "an agency needs a name") }
        guard a.country.isEmpty || Countries.name(of: a.country) != nil else { throw ValidationFailure(field: "country", "unknown country code") }
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM agency WHERE code = ? AND id IS NOT ?", arguments: [a.code, a.id]) == true {
                throw ValidationFailure(field: "code", "another agency has the code '\(a.code)'")
            }
            let existing = a.id
            let change = try logged(db, entity: "agency", entityID: { a.id }, courseID: nil, action: existing == nil ? "create" : "update",
                                    summary: { "\(existing == nil ? "added" : "edited") agency \(a.code)" },
                                    scope: { [("agency", a.id.map { [$0] } ?? [])] }) {
                if let id = a.id { try AgencyWrites.update(db, id: id, a) } else { a.id = try AgencyWrites.insert(db, a) }
                return []
            }
            return (a, change)
        }
    }

    /// Saves a person (new when `id` is nil), keeping their search tokens and sort key in step;
    /// with `enrolIn`, also puts a new person on that course's roster.
    @discardableResult
    public func savePerson(_ person: Participant, enrolIn courseID: Int64? = nil, role: Role = .participant,
                           status: NominationStatus = .nominated) throws -> (Participant, ChangeRecord) {
        var p = PersonWrites.stored(person)
        guard CourseFileValidator.isParticipantCode(p.code) else { throw ValidationFailure(field: "code", "1–16 letters, digits or hyphens") }
        guard !(p.givenName + p.familyName).isEmpty else { throw ValidationFailure(field: "givenName", "a person needs a name") }
        guard p.country.isEmpty || Countries.name(of: p.country) != nil else { throw ValidationFailure(field: "country", "unknown country code") }
        guard p.email.isEmpty || p.email.contains("@") else { throw ValidationFailure(field: "email", "an e-mail address has an @") }
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE code = ? COLLATE NOCASE AND id IS NOT ?", arguments: [p.code, p.id]) == true {
                throw ValidationFailure(field: "code", "another person has the code \(p.code)")
            }
            let existing = p.id
            let scope: () throws -> [(table: String, ids: [Int64])] = {
                [("enrolment", try courseID.map { c in
                    try Int64.fetchAll(db, sql: "SELECT id FROM enrolment WHERE course_id = ? AND person_id = ?", arguments: [c, p.id])
                } ?? []), ("person", p.id.map { [$0] } ?? [])]
            }
            let change = try logged(db, entity: "person", entityID: { p.id }, courseID: courseID,
                                    action: existing == nil ? "create" : "update",
                                    summary: { "\(existing == nil ? "added" : "edited") \(p.code) \(p.displayName)" }, scope: scope) {
                if p.id != nil { try PersonWrites.update(db, &p) } else { try PersonWrites.insert(db, &p) }
                if let courseID, existing == nil {
                    try EnrolmentWrites.insert(db, courseID: courseID, personID: p.id!, role: role, nominatedBy: p.agencyID, status: status)
                }
                return []
            }
            return (p, change)
        }
    }

    /// Puts an existing person on a course's roster.
    @discardableResult
    public func enrol(personID: Int64, courseID: Int64, role: Role = .participant,
                      status: NominationStatus = .nominated) throws -> ChangeRecord {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM enrolment WHERE course_id = ? AND person_id = ?", arguments: [courseID, personID]) == true {
                throw MusterError.invalid("already on this course's roster")
            }
            let code = try String.fetchOne(db, sql: "SELECT code FROM person WHERE id = ?", arguments: [personID]) ?? "?"
            let agency = try Int64.fetchOne(db, sql: "SELECT agency_id FROM person WHERE id = ?", arguments: [personID])
            var id: Int64?
            return try logged(db, entity: "enrolment", entityID: { id }, courseID: courseID, action: "create",
                              summary: { "enrolled \(code)" }, scope: { [("enrolment", id.map { [$0] } ?? [])] }) {
                id = try EnrolmentWrites.insert(db, courseID: courseID, personID: personID, role: role, nominatedBy: agency, status: status)
                return []
            }
        }
    }

    /// Changes an enrolment's role, nomination status (not `substituted`), nominating agency or note.
    @discardableResult
    public func saveEnrolment(_ enrolment: Enrolment) throws -> ChangeRecord {
        guard let id = enrolment.id else { throw MusterError.invalid("that enrolment is not saved yet") }
        return try write { db in
            let (old, person) = try Self.enrolment(db, courseID: enrolment.courseID, personID: enrolment.participantID)
            let status = enrolment.status
            if status == .substituted && old.status != .substituted {
                throw ValidationFailure(field: "status", "to substitute someone, choose the substitute (t then s on the roster)")
            }
            return try logged(db, entity: "enrolment", entityID: { id }, courseID: enrolment.courseID, action: "update",
                              summary: { "edited enrolment of \(person.code) \(person.displayName)" }, scope: { [("enrolment", [id])] }) {
                try EnrolmentWrites.update(db, id: id, [
                    "role": enrolment.role.rawValue, "status": status.rawValue, "nominated_by": enrolment.nominatedBy,
                    "note": NameSanitizer.clean(enrolment.note),
                    "substituted_by": status == .substituted ? old.substitutedBy : nil])
                return []
            }
        }
    }

    /// Takes a person off a course's roster; refused once they have attendance in it.
    @discardableResult
    public func removeEnrolment(courseID: Int64, personID: Int64) throws -> ChangeRecord {
        try write { db in
            let (enrolment, person) = try Self.enrolment(db, courseID: courseID, personID: personID)
            let events = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM attendance_event a JOIN session s ON s.id = a.session_id WHERE s.course_id = ? AND a.person_id = ?
                """, arguments: [courseID, personID]) ?? 0
            guard events == 0 else {
                throw MusterError.invalid("\(person.code) has attendance recorded in this course; set their status to withdrawn instead")
            }
            return try logged(db, entity: "enrolment", entityID: { enrolment.id }, courseID: courseID, action: "delete",
                              summary: { "removed \(person.code) \(person.displayName) from the roster" },
                              scope: { [("enrolment", [enrolment.id!])] }) {
                try EnrolmentWrites.delete(db, id: enrolment.id!)
                return []
            }
        }
    }

    /// What deleting a course would remove, for the confirmation to name.
    public func courseContents(id: Int64) throws -> (sessions: Int, enrolments: Int, events: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM session WHERE course_id = ?1) AS s,
                       (SELECT count(*) FROM enrolment WHERE course_id = ?1) AS e,
                       (SELECT count(*) FROM attendance_event a JOIN session x ON x.id = a.session_id WHERE x.course_id = ?1) AS a
                """, arguments: [id])
            return (row?["s"] ?? 0, row?["e"] ?? 0, row?["a"] ?? 0)
        }
    }

    /// Attendance events recorded for a session (a session with any cannot be deleted).
    public func eventCount(sessionID: Int64) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance_event WHERE session_id = ?", arguments: [sessionID]) ?? 0 }
    }
}
