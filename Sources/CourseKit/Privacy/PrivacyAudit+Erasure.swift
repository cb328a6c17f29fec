import Crypto
import Foundation
import GRDB

/// What an erasure or a purge did.
public struct ErasureSummary: Sendable, Equatable {
    public var people: Int
    public var enrolments: Int
    public var notesCleared: Int
    /// Other people's notes that named them, now saying "(erased)" there.
    public var othersNotesScrubbed = 0
    /// Sessions that listed them as a facilitator.
    public var facilitatorListsScrubbed = 0
    /// Change-log entries about someone else that named them.
    public var logEntriesScrubbed = 0
    /// False when another process was reading the library: the erasure is committed, but the
    /// old copies in the library's files go only when it lets go (`PrivacyAudit.finishDueScrub`).
    public var filesScrubbed = true

    public init(people: Int, enrolments: Int, notesCleared: Int) {
        self.people = people; self.enrolments = enrolments; self.notesCleared = notesCleared
    }

    /// Adds another erasure's counts (a purge, a merged walk-in).
    public mutating func add(_ other: ErasureSummary) {
        people += other.people; enrolments += other.enrolments; notesCleared += other.notesCleared
        othersNotesScrubbed += other.othersNotesScrubbed; facilitatorListsScrubbed += other.facilitatorListsScrubbed
        logEntriesScrubbed += other.logEntriesScrubbed
    }

    /// "2 notes by others, 1 facilitator list, 3 change-log entries", or "" when none named them.
    public var elsewhere: String {
        func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
        return [
            count(othersNotesScrubbed, "note by someone else", "notes by others"),
            count(facilitatorListsScrubbed, "facilitator list", "facilitator lists"),
            count(logEntriesScrubbed, "change-log entry", "change-log entries"),
        ].compactMap { $0 }.joined(separator: ", ")
    }
}

extension PrivacyAudit {
    /// Everything held about one person (see `PersonExport`).
    ///
    /// One thing is left out: a merge that was undone (`unmergePerson`), with its undo and the
    /// attendance it copied and cancelled. Those copies were the other person's marks, never
    /// this person's: listing them would hand one person's attendance to another on request.
    /// And the unmerge restored exactly the rows the merge changed (it refuses otherwise), so
    /// the pair left nothing of theirs changed; the export then reads byte for byte as before the
    /// merge. The library keeps every row of it: the audit trail (`t` in the person view,
    /// `muster audit COURSE`) still lists the merge and the unmerge with who, where and when.
    /// Any other history — a mark corrected, a change undone by hand — is exported as it is.
    public func personExport(code: String) throws -> PersonExport {
        let person = try store.people.person(code: code)
        guard let id = person.id else { throw MusterError.unknownParticipant(code) }
        return try read { db in
            let (hiddenChanges, hiddenEvents) = try Self.undoneMerges(db, personID: id)
            let agency = try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [person.agencyID]) ?? ""
            let enrolments = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.code, c.title, e.role, e.status, e.note, coalesce(a.name, '') AS nominated_by
                    FROM enrolment e JOIN course c ON c.id = e.course_id LEFT JOIN agency a ON a.id = e.nominated_by
                    WHERE e.person_id = ? ORDER BY c.start_date, c.code
                    """, arguments: [id]
            ).map {
                PersonExport.EnrolmentRecord(
                    course: $0["code"], courseTitle: $0["title"], role: $0["role"],
                    nominatedBy: $0["nominated_by"], status: $0["status"], note: $0["note"])
            }
            let events = try Row.fetchAll(
                db,
                sql: """
                    SELECT ae.*, s.key AS s_key, s.title AS s_title, c.code AS c_code, c.time_zone AS c_zone
                    FROM attendance_event ae JOIN session s ON s.id = ae.session_id JOIN course c ON c.id = s.course_id
                    WHERE ae.person_id = ? ORDER BY ae.recorded_ms, ae.id
                    """, arguments: [id]
            ).filter { row in
                !hiddenEvents.contains(row["id"]) && !hiddenEvents.contains((row["undoes"] as String?) ?? "")
            }.map { row -> PersonExport.EventRecord in
                let e = AttendanceEvent(row: row)
                let zone = TimeZone(identifier: row["c_zone"]) ?? .gmt
                return PersonExport.EventRecord(
                    id: e.id.lowercaseText, course: row["c_code"], session: row["s_key"], sessionTitle: row["s_title"],
                    status: e.status.rawValue, arrival: e.arrival.map { LocalTime.iso8601($0, in: zone) } ?? "",
                    departure: e.departure.map { LocalTime.iso8601($0, in: zone) } ?? "", note: e.note,
                    recordedAt: LocalTime.iso8601(e.recordedAt, in: zone, milliseconds: true), actor: e.actor,
                    device: e.device, source: e.source.rawValue, undoes: e.undoes?.lowercaseText ?? "")
            }
            let changes = try Self.personChanges(db, personID: id).filter { !hiddenChanges.contains($0.changeID ?? -1) }.map {
                PersonExport.ChangeEntry(
                    recordedAt: LocalTime.iso8601($0.at, in: .gmt, milliseconds: true), actor: $0.actor,
                    device: $0.device, source: $0.source, course: $0.subject, what: $0.what)
            }
            return PersonExport(
                exportedAt: LocalTime.iso8601(clock(), in: .gmt),
                profile: .init(
                    code: person.code, givenName: person.givenName, familyName: person.familyName,
                    sex: person.sex.rawValue, country: person.country, agency: agency, position: person.position,
                    email: person.email, phone: person.phone),
                enrolments: enrolments, attendance: events, changes: changes)
        }
    }

    /// The merges concerning a person that were undone: the merge's and its undo's change ids,
    /// and the attendance events the merge appended (the undo events naming them go with them).
    static func undoneMerges(_ db: Database, personID: Int64) throws -> (changes: Set<Int64>, events: Set<String>) {
        var changes = Set<Int64>(), events = Set<String>()
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.after_json, u.id AS undo_id FROM change_log c JOIN change_log u ON u.undoes = c.id
                WHERE c.entity = 'person' AND c.action = 'merge'
                  AND c.id IN (SELECT change_id FROM change_subject WHERE person_id = ?)
                """, arguments: [personID])
        {
            changes.formUnion([row["id"], row["undo_id"]])
            events.formUnion(ChangeSnapshot(json: row["after_json"]).appendedEvents)
        }
        return (changes, events)
    }

    /// Erases a person's identifying data everywhere and leaves an anonymous placeholder, so
    /// course totals stay right. With `keepStatistics`, sex and country stay for disaggregated
    /// counts; otherwise they go too. The erasure is recorded (who, when, why) with one-way
    /// fingerprints, then the files are rewritten so no old copy stays in them (now, or when the
    /// readers in the way let go: `filesScrubbed`).
    @discardableResult
    public func erase(code: String, reason: String, keepStatistics: Bool) throws -> ErasureSummary {
        let person = try store.people.person(code: code)
        var summary = try write { db in
            try Self.erase(
                db, person: person, reason: reason, keepStatistics: keepStatistics,
                actor: actor, device: deviceID, now: clock())
        }
        summary.filesScrubbed = try scrubFiles()
        return summary
    }

    /// People of courses that ended before `date` (the retention period is over), with what
    /// erasing them would touch. Changes nothing.
    public func purgeCandidates(endedBefore date: CalendarDate) throws -> [(course: Course, people: [Person])] {
        try read { db in
            let courses = try Row.fetchAll(
                db, sql: "SELECT * FROM course WHERE end_date < ? ORDER BY end_date, code",
                arguments: [date.description]
            ).map(Course.init(row:))
            return try courses.map { course in
                // Only people whose every course has ended before the date: someone still in a
                // current course keeps their record.
                let people = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.* FROM person p JOIN enrolment e ON e.person_id = p.id
                        WHERE e.course_id = ? AND p.given_name || p.family_name <> ''
                          AND NOT EXISTS (SELECT 1 FROM enrolment e2 JOIN course c2 ON c2.id = e2.course_id
                                          WHERE e2.person_id = p.id AND c2.end_date >= ?)
                        ORDER BY p.sort_key
                        """, arguments: [course.id, date.description]
                ).map(Person.init(row:))
                return (course, people)
            }
        }
    }

    /// Erases every purge candidate in one transaction.
    @discardableResult
    public func purge(
        endedBefore date: CalendarDate, keepStatistics: Bool, progress: ProgressReporter = .silent
    ) throws -> ErasureSummary {
        let people = Dictionary(
            try purgeCandidates(endedBefore: date).flatMap(\.people).map { ($0.id ?? 0, $0) },
            uniquingKeysWith: { a, _ in a }
        ).values
        var total = ErasureSummary(people: 0, enrolments: 0, notesCleared: 0)
        try write(progress: progress) { db in
            for (i, person) in people.enumerated() {
                let s = try Self.erase(
                    db, person: person, reason: "retention period over (courses ended before \(date))",
                    keepStatistics: keepStatistics, actor: actor, device: deviceID, now: clock())
                total.add(s)
                progress("erasing", i + 1, of: people.count, "people")
            }
        }
        progress("rewriting the library file", 0, of: nil, "")
        total.filesScrubbed = try scrubFiles()
        return total
    }

    /// Whether a code or e-mail belongs to someone erased (imports refuse them unless asked).
    public func wasErased(code: String, email: String = "") throws -> Bool {
        let key = ErasureKey(library: store.path).read()
        return try read { db in try Self.wasErased(db, code: code, email: email, key: key) }
    }

    static func wasErased(_ db: Database, code: String, email: String, key: SymmetricKey?) throws -> Bool {
        // Most libraries have erased nobody: then no fingerprint is worth computing (an import
        // asks once per person).
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM erasure LIMIT 1")) ?? false else { return false }
        let marks = (key.map { Fingerprint.of(code: code, email: email, key: $0) } ?? []) + Fingerprint.legacy(code: code, email: email)
        return try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM erasure WHERE fingerprint IN (\(marks.map { _ in "?" }.joined(separator: ",")))"),
            arguments: StatementArguments(marks)) ?? false
    }

    /// `fromSync`: the erasure arrived in a bundle with its placeholder code; it is applied here
    /// and not recorded again, and a walk-in merged into the person is erased by its own record.
    static func erase(
        _ db: Database, person: Person, reason: String, keepStatistics: Bool,
        actor: String, device: String, now: Date, fromSync: (placeholder: String, recordID: String)? = nil
    ) throws -> ErasureSummary {
        guard let id = person.id else { throw MusterError.unknownParticipant(person.code) }
        var placeholder = fromSync?.placeholder ?? "X-"
        while fromSync == nil || placeholder.isEmpty {
            placeholder = "X-" + String(UUID().uuidString.prefix(8))
            if !(try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE code = ?", arguments: [placeholder]) ?? false) { break }
        }
        try PersonWrites.erase(db, id: id, placeholder: placeholder, keepStatistics: keepStatistics)
        try noteScrubDue(db, at: now)
        // Recorded against the placeholder (so the course's audit can list it) with one-way
        // fingerprints; a reason that names them ("request of José Núñez") is scrubbed too.
        let why = ChangeLogScrub.redact(
            NameSanitizer.clean(reason),
            secrets: [person.displayName, person.email, person.phone]
                .filter { $0.count >= 3 }, code: person.code, placeholder: placeholder)
        for mark in Fingerprint.of(person: person, key: try ErasureKey(db).readOrCreate()) {
            try db.execute(
                sql: "INSERT INTO erasure(fingerprint, erased_ms, actor, device, reason, person_id) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [mark, now.ms, actor, device, why, id])
        }
        // Other people's words are redacted where the erasure is made: the notes and facilitator
        // lists it rewrites travel to other devices as ordinary edits. A library applying an
        // erasure that arrived from another device does not redo it: its own edits would be new
        // records the others never made, and the libraries would no longer agree.
        let secrets = fromSync == nil ? try FreeTextScrub.secrets(db, person: person, personID: id) : []
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id]) {
            try ChangeLogScrub.run(db, person: person, personID: id, placeholder: row)
        }
        let enrolments = try EnrolmentWrites.clearNotes(db, personID: id)
        let notes = try AttendanceEventWrites.clearNotes(db, personID: id)
        var summary = ErasureSummary(people: 1, enrolments: enrolments, notesCleared: notes)
        let elsewhere = try FreeTextScrub.run(db, secrets: secrets, personID: id, now: now)
        summary.othersNotesScrubbed = elsewhere.notes
        summary.facilitatorListsScrubbed = elsewhere.facilitatorLists
        summary.logEntriesScrubbed = elsewhere.logEntries
        // Erasure travels as an erasure (no personal data in it), and the records this library
        // holds of the person are scrubbed.
        if let fromSync {
            try SyncErasure.scrub(db, personID: id, recordID: fromSync.recordID)
            return summary
        }
        try SyncErasure.recordLocal(db, personID: id, placeholder: placeholder, keepStatistics: keepStatistics, now: now)
        // A walk-in record merged into them is the same human under the name they typed at the
        // kiosk: it goes with them.
        let walkIns = try Row.fetchAll(
            db, sql: "SELECT * FROM person WHERE merged_into = ? AND given_name || family_name <> ''",
            arguments: [id]
        ).map(Person.init(row:))
        for walkIn in walkIns {
            summary.add(try erase(db, person: walkIn, reason: why, keepStatistics: keepStatistics, actor: actor, device: device, now: now))
        }
        return summary
    }
}
