import Foundation
import GRDB

/// Adding, editing and deleting courses, sessions and agencies from the screens (people are
/// `People.savePerson`, enrolments `Nominations`). Every write is one transaction and one entry in the change log, so it can be undone;
/// every rule a course file obeys is checked here too, so the screens cannot store what an
/// import would refuse.
extension Courses {
    @discardableResult
    public func saveCourse(_ course: Course) throws -> (Course, ChangeRecord) {
        var c = course
        c.title = NameSanitizer.clean(c.title); c.shortTitle = NameSanitizer.clean(c.shortTitle)
        c.venue = NameSanitizer.clean(c.venue); c.country = c.country.uppercased()
        guard CourseFileValidator.isSlug(c.code) else {
            throw ValidationFailure(field: "code", key: "slug")
        }
        guard !c.title.isEmpty else { throw ValidationFailure(field: "title", key: "course.title") }
        guard TimeZone(identifier: c.timeZone) != nil else {
            throw ValidationFailure(field: "timeZone", key: "timeZone", .text(c.timeZone))
        }
        guard c.startDate <= c.endDate else { throw ValidationFailure(field: "endDate", key: "endsBeforeStart") }
        guard c.country.isEmpty || Countries.name(of: c.country) != nil else {
            throw ValidationFailure(field: "country", key: "country")
        }
        guard (0...1).contains(c.completion.minimumShare) else { throw ValidationFailure(field: "completion", key: "completion") }
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM course WHERE code = ? AND id IS NOT ?", arguments: [c.code, c.id]) == true {
                throw ValidationFailure(field: "code", key: "course.codeTaken", .text(c.code))
            }
            let existing = c.id
            let change = try store.logged(
                db, entity: "course", entityID: { c.id }, courseID: nil, action: existing == nil ? "create" : "update",
                summary: { ChangeSummary(existing == nil ? "course.added" : "course.edited", .text(c.code)) },
                scope: { [("course", c.id.map { [$0] } ?? [])] }
            ) {
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
            let marks =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM attendance_event a JOIN session s ON s.id = a.session_id WHERE s.course_id = ?
                        """, arguments: [id]) ?? 0
            guard marks == 0 else {
                throw MusterError.refused(.courseHasAttendance(code: code, events: marks))
            }
            let scope = [
                ("enrolment", try Int64.fetchAll(db, sql: "SELECT id FROM enrolment WHERE course_id = ?", arguments: [id])),
                ("quota", try Int64.fetchAll(db, sql: "SELECT rowid FROM quota WHERE course_id = ?", arguments: [id])),
                ("course_agency", try Int64.fetchAll(db, sql: "SELECT rowid FROM course_agency WHERE course_id = ?", arguments: [id])),
                ("session", try Int64.fetchAll(db, sql: "SELECT id FROM session WHERE course_id = ?", arguments: [id])),
                ("course", [id]),
            ]
            return try store.logged(
                db, entity: "course", entityID: { id }, courseID: nil, action: "delete",
                summary: { ChangeSummary("course.deleted", .text(code)) }, scope: { scope }
            ) {
                try CourseWrites.delete(db, id: id)
                return []
            }
        }
    }

    @discardableResult
    public func saveSession(_ session: Session) throws -> (Session, ChangeRecord) {
        var s = session
        s.title = NameSanitizer.clean(s.title); s.venue = NameSanitizer.clean(s.venue); s.link = NameSanitizer.clean(s.link)
        guard CourseFileValidator.isSlug(s.key) else { throw ValidationFailure(field: "key", key: "slug") }
        guard !s.title.isEmpty else { throw ValidationFailure(field: "title", key: "session.title") }
        guard s.start < s.end else { throw ValidationFailure(field: "end", key: "endsBeforeStart") }
        return try write { db in
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM session WHERE course_id = ? AND key = ? AND id IS NOT ?",
                arguments: [s.courseID, s.key, s.id]) == true
            {
                throw ValidationFailure(field: "key", key: "session.keyTaken", .text(s.key))
            }
            let values: [String: (any DatabaseValueConvertible)?] = [
                "course_id": s.courseID, "key": s.key, "title": s.title, "kind": s.kind.rawValue, "start_ms": s.start.ms,
                "end_ms": s.end.ms, "time_zone": s.timeZone, "modality": s.modality.rawValue, "venue": s.venue, "link": s.link,
                "facilitators": JSONList.encode(s.facilitators.map(NameSanitizer.clean)), "core": s.core,
            ]
            let existing = s.id
            let change = try store.logged(
                db, entity: "session", entityID: { s.id }, courseID: s.courseID,
                action: existing == nil ? "create" : "update",
                summary: { ChangeSummary(existing == nil ? "session.added" : "session.edited", .text("\(s.key) \(s.title)")) },
                scope: { [("session", s.id.map { [$0] } ?? [])] }
            ) {
                if let id = s.id {
                    try SessionWrites.update(db, id: id, values)
                } else {
                    var withPosition = values
                    withPosition["position"] =
                        (try Int.fetchOne(
                            db, sql: "SELECT max(position) FROM session WHERE course_id = ?",
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
                throw MusterError.refused(.sessionGone)
            }
            let session = Session(row: row)
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance_event WHERE session_id = ?", arguments: [id]) ?? 0
            guard events == 0 else {
                throw MusterError.refused(.sessionHasAttendance(title: session.title, events: events))
            }
            return try store.logged(
                db, entity: "session", entityID: { id }, courseID: session.courseID, action: "delete",
                summary: { ChangeSummary("session.deleted", .text("\(session.key) \(session.title)")) }, scope: { [("session", [id])] }
            ) {
                try SessionWrites.delete(db, id: id)
                return []
            }
        }
    }

    @discardableResult
    public func saveAgency(_ agency: Agency) throws -> (Agency, ChangeRecord) {
        var a = agency
        a.name = NameSanitizer.clean(a.name); a.acronym = NameSanitizer.clean(a.acronym); a.country = a.country.uppercased()
        guard CourseFileValidator.isSlug(a.code) else {
            throw ValidationFailure(field: "code", key: "slug")
        }
        guard !a.name.isEmpty else { throw ValidationFailure(field: "name", key: "agency.name") }
        guard a.country.isEmpty || Countries.name(of: a.country) != nil else {
            throw ValidationFailure(field: "country", key: "country")
        }
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM agency WHERE code = ? AND id IS NOT ?", arguments: [a.code, a.id]) == true {
                throw ValidationFailure(field: "code", key: "agency.codeTaken", .text(a.code))
            }
            let existing = a.id
            let change = try store.logged(
                db, entity: "agency", entityID: { a.id }, courseID: nil, action: existing == nil ? "create" : "update",
                summary: { ChangeSummary(existing == nil ? "agency.added" : "agency.edited", .text(a.code)) },
                scope: { [("agency", a.id.map { [$0] } ?? [])] }
            ) {
                if let id = a.id { try AgencyWrites.update(db, id: id, a) } else { a.id = try AgencyWrites.insert(db, a) }
                return []
            }
            return (a, change)
        }
    }

    /// What deleting a course would remove, for the confirmation to name.
    public func courseContents(id: Int64) throws -> (sessions: Int, enrolments: Int, events: Int) {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM session WHERE course_id = ?1) AS s,
                           (SELECT count(*) FROM enrolment WHERE course_id = ?1) AS e,
                           (SELECT count(*) FROM attendance_event a JOIN session x ON x.id = a.session_id WHERE x.course_id = ?1) AS a
                    """, arguments: [id])
            return (row?["s"] ?? 0, row?["e"] ?? 0, row?["a"] ?? 0)
        }
    }
}
