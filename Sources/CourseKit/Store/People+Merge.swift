import Foundation
import GRDB

/// What merging one person into another would do, worked out without writing: shown before a
/// merge (`muster person merge --dry-run`, the confirm screen of `M`) and, after it, as the receipt.
public struct MergePreview: Sendable, Equatable {
    /// One of the merged-away person's enrolments and what becomes of it.
    public struct EnrolmentMove: Sendable, Equatable {
        public var course: String
        public var courseTitle: String
        public var otherStatus: NominationStatus
        /// The kept person's status on that course before the merge, nil when not on it.
        public var keepStatus: NominationStatus?
        /// The kept person's status on that course after the merge.
        public var result: NominationStatus
    }

    /// A session where the merged-away person has a mark, and which mark the kept person ends with.
    public struct MarkMove: Sendable, Equatable {
        public var course: String
        public var session: String
        public var otherMark: AttendanceStatus
        public var keepMark: AttendanceStatus?
        /// The kept person's mark after the merge: `MarkRule` applied to both logs together.
        public var result: AttendanceStatus?
        /// Whether events are recorded again for the kept person (false: their own mark stands).
        public var copied: Bool
    }

    public var keep: Person
    public var other: Person
    public var enrolments: [EnrolmentMove]
    public var marks: [MarkMove]
    /// Contact fields the kept person lacks and takes from the other: (field, value).
    public var fills: [Field]
    /// The other person's logged changes and attendance events, which stay on their own record.
    public var otherChanges: Int
    public var otherEvents: Int

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// The preview as lines of text, the same on the command line and the confirm screen.
    public var lines: [String] {
        let k = "\(keep.code) \(keep.displayName)", o = "\(other.code) \(other.displayName)"
        var out = ["Merge \(o) into \(k): \(other.code)'s record stays, marked as merged, and leaves rosters, search and reports."]
        out.append("Enrolments (\(enrolments.count)):")
        if enrolments.isEmpty { out.append("  none") }
        for e in enrolments {
            guard let keepStatus = e.keepStatus else {
                let becomes = e.result == e.otherStatus ? "" : " (now \(e.result.rawValue): the merge reviews the walk-in)"
                out.append("  \(e.course): moves to \(keep.code) as \(e.otherStatus.rawValue)\(becomes)")
                continue
            }
            let which = e.result == keepStatus ? "\(keep.code)'s" : "\(other.code)'s"
            out.append(
                "  \(e.course): both enrolled (\(keep.code) \(keepStatus.rawValue), \(other.code) \(e.otherStatus.rawValue)); "
                    + "keeps the stronger, \(which) \(e.result.rawValue)")
        }
        out.append("Marks (\(marks.count)):")
        if marks.isEmpty { out.append("  none") }
        for m in marks {
            let theirs = "\(other.code) \(m.otherMark.rawValue)"
            guard let keepMark = m.keepMark else {
                out.append("  \(m.course) \(m.session): \(theirs), recorded again for \(keep.code)")
                continue
            }
            let result = m.result?.rawValue ?? "no mark"
            out.append(
                "  \(m.course) \(m.session): \(theirs), \(keep.code) \(keepMark.rawValue); by the attendance rule "
                    + (m.copied ? "\(other.code)'s decides: \(result)" : "\(keep.code)'s stands: \(result)"))
        }
        out.append(
            fills.isEmpty
                ? "Details: \(keep.code)'s stay as they are"
                : "Details \(keep.code) lacks, taken from \(other.code): " + fills.map { "\($0.name) \($0.value)" }.joined(separator: ", "))
        out.append(
            "History: \(other.code)'s \(otherChanges) logged change\(otherChanges == 1 ? "" : "s") and \(otherEvents) attendance "
                + "event\(otherEvents == 1 ? "" : "s") stay on their record; nothing is deleted (unmerge restores both)")
        return out
    }
}

extension People {
    /// What merging `other` into `keep` would do; writes nothing. Refused as `mergePeople` would be.
    public func mergePreview(keep: String, other: String) throws -> MergePreview {
        try read { db in
            try PersonMerge.plan(db, keep: PersonMerge.person(db, code: keep), other: PersonMerge.person(db, code: other)).preview
        }
    }

    /// `mergePreview(keep:other:)` by ids (the screens have the rows' ids).
    public func mergePreview(keepID: Int64, otherID: Int64) throws -> MergePreview {
        try read { db in
            try PersonMerge.plan(db, keep: PersonMerge.person(db, id: keepID), other: PersonMerge.person(db, id: otherID)).preview
        }
    }

    /// `mergePeople(keep:other:)` by ids.
    @discardableResult
    public func mergePeople(keepID: Int64, otherID: Int64) throws -> (change: ChangeRecord, preview: MergePreview) {
        let codes = try read { db in try (PersonMerge.person(db, id: keepID).code, PersonMerge.person(db, id: otherID).code) }
        return try mergePeople(keep: codes.0, other: codes.1)
    }

    /// Merges `other` into `keep`, as one logged change (entity person, action `merge`) in one
    /// transaction: `other`'s enrolments move to `keep` (where `keep` is on the course already,
    /// the stronger status stays and `other`'s enrolment goes), the marks `other` has are
    /// recorded again for `keep` where the attendance rule says they decide (events are never
    /// edited or deleted), contact fields `keep` lacks are filled from `other`, and `other`'s
    /// row says `merged_into` and leaves rosters and search. `unmergePerson` undoes it.
    @discardableResult
    public func mergePeople(keep: String, other: String) throws -> (change: ChangeRecord, preview: MergePreview) {
        try write { db in
            let plan = try PersonMerge.plan(db, keep: PersonMerge.person(db, code: keep), other: PersonMerge.person(db, code: other))
            let change = try PersonMerge.apply(
                db, store: store, plan, courseID: nil,
                summary: "\(plan.other.code) \(plan.other.displayName) merged into \(plan.keep.code) \(plan.keep.displayName)")
            return (change, plan.preview)
        }
    }

    /// Takes back the merge that merged `code` away, restoring both people, their enrolments and
    /// marks as they were (the copied marks are cancelled by undo events). `code` is the
    /// merged-away person; it may also be the kept person when exactly one person is merged into
    /// them. Refused when `code` was never merged, when it names a kept person with several
    /// merged into them, or when the rows or marks the merge touched changed since (undo those
    /// first). Reads the merge from the change log, so it works in any later process.
    @discardableResult
    public func unmergePerson(code: String) throws -> ChangeRecord {
        try write { db in
            let person = try PersonMerge.person(db, code: code)
            let otherID: Int64
            if try Int64.fetchOne(db, sql: "SELECT merged_into FROM person WHERE id = ?", arguments: [person.id!]) != nil {
                otherID = person.id!
            } else {
                let merged = try Row.fetchAll(
                    db, sql: "SELECT id, code FROM person WHERE merged_into = ? ORDER BY code", arguments: [person.id!])
                guard !merged.isEmpty else { throw MusterError.refused(.neverMerged(code: person.code)) }
                guard merged.count == 1 else {
                    throw MusterError.refused(.unmergeAmbiguous(code: person.code, merged: merged.map { $0["code"] }))
                }
                otherID = merged[0]["id"]
            }
            guard
                let changeID = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT id FROM change_log c WHERE entity = 'person' AND entity_id = ? AND action = 'merge'
                          AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undoes = c.id)
                        ORDER BY id DESC LIMIT 1
                        """, arguments: [otherID])
            else {
                let other = try String.fetchOne(db, sql: "SELECT code FROM person WHERE id = ?", arguments: [otherID]) ?? code
                throw MusterError.refused(.neverMerged(code: other))
            }
            return try store.changeLog.undoChange(db, id: changeID)
        }
    }

    /// Undoes the merge logged as change `changeID` (the trail's `U`); refused as
    /// `unmergePerson` is, and for a change that is not a merge.
    @discardableResult
    public func unmerge(changeID: Int64) throws -> ChangeRecord {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM change_log WHERE id = ?", arguments: [changeID]) else {
                throw MusterError.refused(.noChange(id: changeID))
            }
            let change = ChangeLog.changeRecord(row: row)
            guard change.entity == "person", change.action == "merge" else {
                throw MusterError.refused(.notAMerge(summary: change.summary))
            }
            return try store.changeLog.undoChange(db, id: changeID)
        }
    }
}

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
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM erasure WHERE person_id = ?", arguments: [p.id!]) == true {
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
            filled.append(.init(name: label, value: theirs))
        }
        if keep.agencyID == nil, let agency = other.agencyID {
            fills["agency_id"] = agency
            let name = try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [agency]) ?? "#\(agency)"
            filled.append(.init(name: "agency", value: name))
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
    static func apply(_ db: Database, store: CourseStore, _ plan: Plan, courseID: Int64?, summary: String) throws -> ChangeRecord {
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
                    appended.append(copy.id.uuidString.lowercased())
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

    /// Before a merge is undone: each mark the merge left must still be the mark now, for both
    /// people in every session it copied into or whose course moves back; a mark made since
    /// (and not taken back) would otherwise stay with the wrong person. Rows are checked by
    /// `undoChange` itself.
    static func checkUndo(_ db: Database, _ change: ChangeRecord) throws {
        let before = ChangeSnapshot(json: change.beforeJSON), after = ChangeSnapshot(json: change.afterJSON)
        let people = Set((before.rows["person"] ?? []).compactMap { $0["id"].flatMap(Int64.fromDatabaseValue) })
        let courses = Set(
            ((before.rows["enrolment"] ?? []) + (after.rows["enrolment"] ?? [])).compactMap {
                $0["course_id"].flatMap(Int64.fromDatabaseValue)
            })
        var sessions = Set<Int64>()
        for course in courses {
            sessions.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM session WHERE course_id = ?", arguments: [course]))
        }
        for id in after.appendedEvents {
            if let s = try Int64.fetchOne(db, sql: "SELECT session_id FROM attendance_event WHERE id = ?", arguments: [id]) {
                sessions.insert(s)
            }
        }
        let mergedAt = change.recordedAt.ms
        for session in sessions.sorted() {
            for person in people.sorted() {
                let events = try Attendance.events(db, sessionID: session, personID: person)
                let then = MarkRule.currentMark(of: events.filter { $0.recordedAt.ms <= mergedAt })
                let now = MarkRule.currentMark(of: events)
                guard !sameMark(then, now) else { continue }
                let code = try String.fetchOne(db, sql: "SELECT code FROM person WHERE id = ?", arguments: [person]) ?? "?"
                let where_ = try Row.fetchOne(
                    db, sql: "SELECT s.key, c.code FROM session s JOIN course c ON c.id = s.course_id WHERE s.id = ?", arguments: [session])
                throw MusterError.refused(
                    .markedSinceMerge(
                        code: code, course: where_?["code"] ?? "?", session: where_?["key"] ?? "?",
                        now: now?.status.rawValue ?? "no mark", then: then?.status.rawValue ?? "no mark"))
            }
        }
    }

    static func sameMark(_ a: AttendanceEvent?, _ b: AttendanceEvent?) -> Bool {
        a?.status == b?.status && a?.arrival == b?.arrival && a?.departure == b?.departure
    }
}
