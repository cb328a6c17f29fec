import Foundation
import GRDB

/// One attributable change: who, on which device, when, through what, to whom, and what.
public struct AuditEntry: Sendable, Hashable {
    public var at: Date
    public var actor: String
    public var device: String
    /// `rollcall`, `kiosk`, `import`, `paper` for attendance; `coordinator`, `import`, `kiosk`
    /// for changes to people and enrolments; `erasure` for an erasure.
    public var source: String
    public var subject: String
    public var what: String
    /// For a logged change, its id in the change log and its action (`merge`, `undo`, …), so a
    /// screen can act on it (the person view's `U` unmerges a merge); nil for attendance events
    /// and erasures.
    public var changeID: Int64? = nil
    public var changeAction: String? = nil
    /// `what` as words for any language; nil for a change logged before its words were kept.
    public var said: ChangeSummary? = nil
    /// `subject` as words, for an attendance event in a course's audit ("PW-001 in d1-am");
    /// nil where the subject is a code or a name, the same in every language.
    public var subjectSaid: ChangeSummary? = nil

    public init(at: Date, actor: String, device: String, source: String, subject: String, what: String) {
        self.at = at; self.actor = actor; self.device = device; self.source = source; self.subject = subject; self.what = what
    }

    /// An entry whose `what` is `said` in English.
    init(at: Date, actor: String, device: String, source: String, subject: String, said: ChangeSummary) {
        self.init(at: at, actor: actor, device: device, source: source, subject: subject, what: said.text(in: .en))
        self.said = said
    }

    /// What happened, in `language` when the entry has its words, else as it was logged.
    public func what(in language: Language) -> String { said?.text(in: language) ?? what }

    /// Whom or what it concerns, in `language`.
    public func subject(in language: Language) -> String { subjectSaid?.text(in: language) ?? subject }
}

extension PrivacyAudit {
    /// Every recorded change in a course, oldest first: each attendance event (marks, undos,
    /// kiosk check-ins, imports), each change to its people, enrolments, sessions and the course
    /// itself (from the coordinator's screens, course-file imports, kiosk walk-ins), and each
    /// erasure of one of its people. Erased people appear only as their anonymous placeholder.
    public func audit(courseCode: String) throws -> [AuditEntry] {
        let course = try store.courses.course(code: courseCode)
        guard let courseID = course.id else { throw MusterError.unknownCourse(courseCode) }
        return try read { db in
            let events = try Row.fetchAll(
                db,
                sql: """
                    SELECT ae.*, s.key AS s_key, p.code AS p_code FROM attendance_event ae
                    JOIN session s ON s.id = ae.session_id JOIN person p ON p.id = ae.person_id
                    WHERE s.course_id = ? ORDER BY ae.recorded_ms, ae.id
                    """, arguments: [courseID]
            ).map { row -> AuditEntry in
                Self.eventEntry(
                    AttendanceEvent(row: row), subject: ChangeSummary("audit.eventSubject", .text(row["p_code"]), .text(row["s_key"])))
            }
            // A profile edit is logged without a course; it belongs to the audit of every
            // course the person is on.
            let changes = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, (SELECT group_concat(p.code, ', ') FROM change_subject x JOIN person p ON p.id = x.person_id
                                 WHERE x.change_id = c.id) AS people
                    FROM change_log c
                    WHERE c.course_id = ?1
                       OR (c.course_id IS NULL AND ((c.entity = 'course' AND c.entity_id = ?1)
                           OR c.id IN (SELECT x.change_id FROM change_subject x JOIN enrolment e ON e.person_id = x.person_id
                                       WHERE e.course_id = ?1)))
                    ORDER BY c.id
                    """, arguments: [courseID]
            ).map { row -> AuditEntry in
                let change = ChangeLog.changeRecord(row: row)
                let people: String? = row["people"]
                var entry = AuditEntry(
                    at: change.recordedAt, actor: change.actor, device: change.device, source: change.source,
                    subject: people ?? change.entity, what: change.summary)
                entry.said = change.words
                return entry
            }
            let erasures = try Self.erasureEntries(
                db,
                sql: """
                    person_id IN (SELECT person_id FROM enrolment WHERE course_id = ?) OR person_id IS NULL
                    """, arguments: [courseID])
            return Self.chronological(events + changes + erasures)
        }
    }

    /// One person's trail, oldest first: their attendance events, every logged change to their
    /// record and enrolments described from their own rows (never naming anyone else), and
    /// their erasure. For an erased person it holds no name: the log was scrubbed with them.
    public func personAudit(personID: Int64) throws -> [AuditEntry] {
        try read { db in try Self.personAudit(db, personID: personID) }
    }

    static func personAudit(_ db: Database, personID: Int64) throws -> [AuditEntry] {
        let events = try Row.fetchAll(
            db,
            sql: """
                SELECT ae.*, s.key AS s_key, c.code AS c_code FROM attendance_event ae
                JOIN session s ON s.id = ae.session_id JOIN course c ON c.id = s.course_id
                WHERE ae.person_id = ? ORDER BY ae.recorded_ms, ae.id
                """, arguments: [personID]
        ).map { row -> AuditEntry in
            eventEntry(AttendanceEvent(row: row), subject: "\(row["c_code"] as String) \(row["s_key"] as String)")
        }
        let changes = try personChanges(db, personID: personID)
        let erasures = try erasureEntries(db, sql: "person_id = ?", arguments: [personID])
        return chronological(events + changes + erasures)
    }

    /// Every logged change to a person's record and enrolments, oldest first, described from
    /// their own rows; the subject is the course, or "record" for their profile.
    static func personChanges(_ db: Database, personID: Int64) throws -> [AuditEntry] {
        let courseCodes = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, code FROM course")
                .map { ($0["id"] as Int64, $0["code"] as String) })
        // An erased person's rows were scrubbed to the placeholder's values, so their changes no
        // longer differ; they keep an entry saying what kind of change it was. Anyone else's
        // entries whose logged rows include none of theirs that changed (a save that changed
        // nothing) are left out; entries logged without rows (a roster import) say what they were.
        let erased =
            try Bool.fetchOne(
                db, sql: "SELECT given_name || family_name = '' FROM person WHERE id = ?",
                arguments: [personID]) ?? false
        return try Row.fetchAll(
            db,
            sql: """
                SELECT c.* FROM change_log c JOIN change_subject x ON x.change_id = c.id WHERE x.person_id = ? ORDER BY c.id
                """, arguments: [personID]
        ).compactMap { row -> AuditEntry? in
            let change = ChangeLog.changeRecord(row: row)
            let lines = ChangeDescription.changes(
                of: personID, before: ChangeSnapshot(json: change.beforeJSON),
                after: ChangeSnapshot(json: change.afterJSON), courseCodes: courseCodes)
            // A merge and its undo always show: the kept person may have no row of theirs in it.
            let merge = change.entity == "person" && (change.action == "merge" || change.action == "undo")
            if lines.isEmpty && !erased && !merge && (change.beforeJSON != "{}" || change.afterJSON != "{}") { return nil }
            let action = actionWords(change.action), described = ChangeDescription.joined(lines)
            let said =
                change.action == "merge"
                ? described.map { ChangeSummary("trail.merge", .change(action), .change($0)) } ?? action
                : described ?? action
            var entry = AuditEntry(
                at: change.recordedAt, actor: change.actor, device: change.device, source: change.source,
                subject: change.courseID.flatMap { courseCodes[$0] } ?? "record", said: said)
            entry.changeID = change.id
            entry.changeAction = change.action
            return entry
        }
    }

    static func eventEntry(_ e: AttendanceEvent, subject: ChangeSummary) -> AuditEntry {
        var entry = eventEntry(e, subject: subject.text(in: .en))
        entry.subjectSaid = subject
        return entry
    }

    static func eventEntry(_ e: AttendanceEvent, subject: String) -> AuditEntry {
        let mark = ChangeSummary.Part.term("mark.\(e.status.rawValue)")
        let said =
            e.undoes.map { ChangeSummary("trail.undoMark", .text(String($0.lowercaseText.prefix(8))), mark) }
            ?? (e.note.isEmpty ? ChangeSummary("logged", mark) : ChangeSummary("trail.markNote", mark, .text(e.note)))
        return AuditEntry(at: e.recordedAt, actor: e.actor, device: e.device, source: e.source.rawValue, subject: subject, said: said)
    }

    /// Erasures matching `condition` (on the `erasure` table), one entry each: an erasure writes
    /// a fingerprint row per identifier, grouped back here.
    static func erasureEntries(_ db: Database, sql condition: String, arguments: StatementArguments) throws -> [AuditEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT er.erased_ms, er.actor, er.device, er.reason, p.code AS p_code FROM erasure er
                LEFT JOIN person p ON p.id = er.person_id
                WHERE \(condition)
                GROUP BY er.person_id, er.erased_ms, er.actor, er.device, er.reason ORDER BY er.erased_ms
                """, arguments: arguments
        ).map { row -> AuditEntry in
            AuditEntry(
                at: Date(ms: row["erased_ms"]), actor: row["actor"], device: row["device"], source: "erasure",
                subject: row["p_code"] ?? "a person", said: ChangeSummary("trail.erased", .text(row["reason"] as String)))
        }
    }

    /// What kind of change it was, for a change with nothing to say about the person's own rows
    /// (they were the other side of a merge or a substitution, or their erasure scrubbed the
    /// rows): "records merged". An action this version does not know shows as logged.
    static func actionWords(_ action: String) -> ChangeSummary {
        let known = ["merge", "substitute", "undo", "import", "walk-in", "create", "update", "delete", "status"]
        return known.contains(action) ? ChangeSummary("trail.action.\(action)") : ChangeSummary("logged", .text(action))
    }

    /// Oldest first; equal times keep their order (events, then changes, then erasures).
    static func chronological(_ entries: [AuditEntry]) -> [AuditEntry] {
        entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
