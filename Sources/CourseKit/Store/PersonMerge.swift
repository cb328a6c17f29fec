import Foundation
import GRDB

/// The merge itself, shared by `People.mergePeople` (any two people) and
/// `Nominations.mergeWalkIn` (a walk-in awaiting review): one plan, one writer.
enum PersonMerge {
    struct Plan {
        var keep: Person
        var other: Person
        var preview: MergePreview
        /// (other's enrolment, keep's enrolment on that course, the resulting status)
        var enrolments: [(other: Enrolment, keep: Enrolment?, result: NominationStatus)]
        /// Per session: the other person's events to record again for `keep`.
        var copies: [[AttendanceEvent]]
        var fills: [String: (any DatabaseValueConvertible)?]
    }

    static func person(_ db: Database, code: String) throws -> Person {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE code = ? COLLATE NOCASE", arguments: [code]) else {
            throw MusterError.unknownParticipant(NameSanitizer.clean(code))
        }
        return Person(row: row)
    }

    static func person(_ db: Database, id: Int64) throws -> Person {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id]) else {
            throw MusterError.unknownParticipant("#\(id)")
        }
        return Person(row: row)
    }

    /// How strong a nomination is, when both people are on one course and one status must stay:
    /// expected in the room beats not, a confirmation beats a nomination.
    static func strength(_ s: NominationStatus) -> Int {
        switch s {
        case .confirmed: 6
        case .nominated: 5
        case .walkIn: 4
        case .waitlisted: 3
        case .substituted: 2
        case .withdrawn: 1
        case .declined: 0
        }
    }

    /// Works out the merge; refuses merging someone into themselves, an erased person on either
    /// side, and a person already merged.
    static func plan(_ db: Database, keep: Person, other: Person) throws -> Plan {
        let keepID = keep.id!, otherID = other.id!
        guard keepID != otherID else { throw MusterError.refused(.mergeIntoThemselves) }
        for p in [keep, other] {
            // An erased person's placeholder stays anonymous: merging would tie a record to
            // their history again. A returning person is registered anew.
            if try People.isErased(db, personID: p.id!) {
                throw MusterError.refused(.mergeErased(code: p.code))
            }
            if let into = try Int64.fetchOne(db, sql: "SELECT merged_into FROM person WHERE id = ?", arguments: [p.id!]) {
                let target = try String.fetchOne(db, sql: "SELECT code FROM person WHERE id = ?", arguments: [into]) ?? "#\(into)"
                throw MusterError.refused(.alreadyMerged(code: p.code, into: target))
            }
        }
        let courses = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, code, title FROM course").map {
                ($0["id"] as Int64, (code: $0["code"] as String, title: $0["title"] as String))
            })
        var enrolments: [(other: Enrolment, keep: Enrolment?, result: NominationStatus)] = []
        var moves: [MergePreview.EnrolmentMove] = []
        let theirs = try Row.fetchAll(
            db,
            sql: """
                SELECT e.* FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.person_id = ? ORDER BY c.start_date, c.code
                """, arguments: [otherID]
        ).map(Enrolment.init(row:))
        for e in theirs {
            let mine = try Row.fetchOne(
                db, sql: "SELECT * FROM enrolment WHERE course_id = ? AND person_id = ?", arguments: [e.courseID, keepID]
            ).map(Enrolment.init(row:))
            // Merging a walk-in awaiting review is its review: it was this person, who came.
            let offered: NominationStatus = e.status == .walkIn ? .confirmed : e.status
            let result = mine.map { strength($0.status) >= strength(offered) ? $0.status : offered } ?? offered
            enrolments.append((e, mine, result))
            let course = courses[e.courseID] ?? ("?", "?")
            moves.append(
                .init(course: course.code, courseTitle: course.title, otherStatus: e.status, keepStatus: mine?.status, result: result))
        }
        var copies: [[AttendanceEvent]] = []
        var marks: [MergePreview.MarkMove] = []
        let sessions = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.key, c.code FROM session s JOIN course c ON c.id = s.course_id
                WHERE s.id IN (SELECT DISTINCT session_id FROM attendance_event WHERE person_id = ?)
                ORDER BY c.start_date, c.code, s.start_ms, s.id
                """, arguments: [otherID])
        for s in sessions {
            let sessionID: Int64 = s["id"]
            let otherEvents = try Attendance.events(db, sessionID: sessionID, personID: otherID)
            guard let otherMark = MarkRule.currentMark(of: otherEvents) else { continue }
            let keepEvents = try Attendance.events(db, sessionID: sessionID, personID: keepID)
            let copy = eventsToCopy(keep: keepEvents, other: otherEvents)
            copies.append(copy)
            let union = MarkRule.currentMark(of: keepEvents + otherEvents)
            marks.append(
                .init(
                    course: s["code"], session: s["key"], otherMark: otherMark.status,
                    keepMark: MarkRule.currentMark(of: keepEvents)?.status, result: union?.status, copied: !copy.isEmpty))
        }
        var fills: [String: (any DatabaseValueConvertible)?] = [:]
        var filled: [MergePreview.Field] = []
        for (column, label, mine, theirs) in [
            ("position", "position", keep.position, other.position), ("email", "e-mail", keep.email, other.email),
            ("phone", "phone", keep.phone, other.phone), ("country", "country", keep.country, other.country),
        ] where mine.isEmpty && !theirs.isEmpty {
            fills[column] = theirs
            filled.append(.init(name: label, value: theirs, column: column))
        }
        if keep.agencyID == nil, let agency = other.agencyID {
            fills["agency_id"] = agency
            let name = try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [agency]) ?? "#\(agency)"
            filled.append(.init(name: "agency", value: name, column: "agency_id"))
        }
        let otherChanges = try Int.fetchOne(db, sql: "SELECT count(*) FROM change_subject WHERE person_id = ?", arguments: [otherID]) ?? 0
        let otherEvents = try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance_event WHERE person_id = ?", arguments: [otherID]) ?? 0
        let preview = MergePreview(
            keep: keep, other: other, enrolments: moves, marks: marks, fills: filled, otherChanges: otherChanges, otherEvents: otherEvents)
        return Plan(keep: keep, other: other, preview: preview, enrolments: enrolments, copies: copies, fills: fills)
    }

    /// The other person's events that, recorded again for `keep`, give `keep` the mark the
    /// attendance rule derives from both logs together: the event that decides it, and the
    /// facilitator's mark it came after when a check-in decides (a check-in after an absent is
    /// late). Empty when `keep`'s own events decide. Copies keep the original times, so the rule
    /// orders them among `keep`'s events as it ordered them in the union.
    static func eventsToCopy(keep: [AttendanceEvent], other: [AttendanceEvent]) -> [AttendanceEvent] {
        let union = keep + other
        let derived = MarkRule.derive(union)
        guard let deciding = derived.deciding else { return [] }
        var needed = [deciding]
        if deciding.source == .kiosk,
            let f = MarkRule.effective(union).filter({ $0.source != .kiosk }).max(by: { MarkRule.later($1, $0) })
        {
            needed.append(f)
        }
        let theirs = Set(other.map(\.id))
        return needed.filter { theirs.contains($0.id) }
    }

    /// The enrolment ids a merge touches: both people's on the other's courses, and anyone's
    /// naming the other as their substitute (they now name `keep`).
    /// The kept person's row only when the merge fills some of it: otherwise a later edit of
    /// their details would needlessly stand in the way of an unmerge.
    static func scope(_ db: Database, keep: Int64, other: Int64, fills: Bool) throws -> [(table: String, ids: [Int64])] {
        let enrolments = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM enrolment WHERE person_id = ?2
                   OR (person_id = ?1 AND course_id IN (SELECT course_id FROM enrolment WHERE person_id = ?2))
                   OR substituted_by = ?2
                """, arguments: [keep, other])
        return [("enrolment", enrolments), ("person", fills ? [keep, other] : [other])]
    }

    /// Writes the plan inside the caller's transaction, as one logged change.
    static func apply(_ db: Database, store: CourseStore, _ plan: Plan, courseID: Int64?, summary: ChangeSummary) throws -> ChangeRecord {
        let keepID = plan.keep.id!, otherID = plan.other.id!
        // The scope is taken before the change: the rows it moves keep their ids, and the ones it
        // deletes are in the "before" snapshot for the undo to restore.
        let scope = try scope(db, keep: keepID, other: otherID, fills: !plan.fills.isEmpty)
        let change = try store.logged(
            db, entity: "person", entityID: { otherID }, courseID: courseID, action: "merge", summary: { summary }, scope: { scope }
        ) {
            for (theirs, mine, result) in plan.enrolments {
                if let mine {
                    if result != mine.status {
                        try EnrolmentWrites.setStatus(
                            db, id: mine.id!, result, substitutedBy: result == .substituted ? theirs.substitutedBy : nil)
                    }
                    try EnrolmentWrites.delete(db, id: theirs.id!)
                } else {
                    try EnrolmentWrites.update(db, id: theirs.id!, ["person_id": keepID, "status": result.rawValue])
                }
            }
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM enrolment WHERE substituted_by = ?", arguments: [otherID]) {
                let own = try Int64.fetchOne(db, sql: "SELECT person_id FROM enrolment WHERE id = ?", arguments: [id]) == keepID
                try EnrolmentWrites.update(db, id: id, ["substituted_by": own ? nil : keepID])
            }
            var appended: [String] = []
            for events in plan.copies {
                for event in events {
                    let copy = AttendanceEvent(
                        sessionID: event.sessionID, personID: keepID, status: event.status, arrival: event.arrival,
                        departure: event.departure,
                        note: [event.note, "merged from \(plan.other.code)"].filter { !$0.isEmpty }.joined(separator: "; "),
                        recordedAt: event.recordedAt, actor: event.actor, device: event.device, source: event.source)
                    try AttendanceEventWrites.append(db, copy)
                    appended.append(copy.id.lowercaseText)
                }
            }
            if !plan.fills.isEmpty { try PersonWrites.fill(db, id: keepID, plan.fills) }
            try PersonWrites.setMergedInto(db, id: otherID, target: keepID)
            return appended
        }
        // The kept person's trail lists the merge even when none of their rows were logged.
        try ChangeLogWrites.link(db, changeID: change.id, people: [keepID])
        return change
    }
}
