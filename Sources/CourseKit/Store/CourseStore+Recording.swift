import Foundation
import GRDB

/// Logging a change inside the caller's transaction; every part of the store that edits records through these.
extension CourseStore {
    // MARK: - Recording

    /// Appends one change to the log, inside the caller's transaction, and links it to every
    /// person its rows concern (`change_subject`), so their audit trail and their erasure find it.
    func record(
        _ db: Database, entity: String, entityID: Int64?, courseID: Int64?, action: String, summary words: ChangeSummary,
        before: ChangeSnapshot, after: ChangeSnapshot, undoes: Int64? = nil,
        source: String = ChangeSource.coordinator, actor: String? = nil
    ) throws -> ChangeRecord {
        let at = clock(), actor = actor ?? self.actor
        var subjects = before.subjects.union(after.subjects)
        if entity == "person", let entityID { subjects.insert(entityID) }
        // Encoded once each: JSONSerialization is most of what logging a change costs.
        let beforeJSON = before.json, afterJSON = after.json
        // The English sentence is stored beside its words, for what reads the log without them.
        let summary = words.text(in: .en)
        let id = try ChangeLogWrites.append(
            db, recordedAt: at, actor: actor, device: deviceID, entity: entity, entityID: entityID,
            courseID: courseID, action: action, summary: summary, words: words.json, beforeJSON: beforeJSON,
            afterJSON: afterJSON, undoes: undoes, source: source, subjects: subjects)
        return ChangeRecord(
            id: id, recordedAt: at, actor: actor, device: deviceID, entity: entity,
            entityID: entityID, courseID: courseID, action: action, summary: summary,
            beforeJSON: beforeJSON, afterJSON: afterJSON, undoes: undoes, source: source, words: words)
    }

    /// Runs `change` between two snapshots of `scope` and logs it. `scope` is called again after
    /// the change, so rows it created (new ids) are in the "after" snapshot.
    func logged(
        _ db: Database, entity: String, entityID: () -> Int64?, courseID: Int64?, action: String,
        summary: () -> ChangeSummary, scope: () throws -> [(table: String, ids: [Int64])],
        _ change: () throws -> [String]
    ) throws -> ChangeRecord {
        let before = try ChangeSnapshot.read(db, try scope())
        // Any change to a course (a status, an enrolment, a person added, a quota lowered) is
        // counted before and after by `QuotaCount`, so the screen warns as it happens; so is a
        // change to people outside a course (a country or agency edited on the person view),
        // on every course they are nominated to.
        let courses = try Self.quotaCourses(db, courseID: courseID, people: before.subjects)
        let quotasBefore = try courses.map { try Self.quotaLinesIfAny(db, courseID: $0) }
        let appended = try change()
        var after = try ChangeSnapshot.read(db, try scope())
        after.appendedEvents = appended
        var change = try record(
            db, entity: entity, entityID: entityID(), courseID: courseID, action: action,
            summary: summary(), before: before, after: after)
        for (course, linesBefore) in zip(courses, quotasBefore) {
            let linesAfter = try Self.quotaLinesIfAny(db, courseID: course)
            if !linesAfter.isEmpty { change.quotaWarnings += QuotaCount.newlyOver(before: linesBefore, after: linesAfter) }
        }
        return change
    }

    /// The courses whose quotas a change may move: its own, or for a change outside any course,
    /// the courses with quotas its people are enrolled in.
    static func quotaCourses(_ db: Database, courseID: Int64?, people: Set<Int64>) throws -> [Int64] {
        if let courseID { return [courseID] }
        guard !people.isEmpty else { return [] }
        return try Int64.fetchAll(
            db,
            sql: """
                SELECT DISTINCT e.course_id FROM enrolment e
                WHERE e.person_id IN (\(people.map { _ in "?" }.joined(separator: ",")))
                  AND EXISTS (SELECT 1 FROM quota q WHERE q.course_id = e.course_id)
                ORDER BY e.course_id
                """, arguments: StatementArguments(people.sorted()))
    }

    /// The course's quota lines, or none without a quota (a tally reads the whole roster).
    static func quotaLinesIfAny(_ db: Database, courseID: Int64) throws -> [QuotaLine] {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM quota WHERE course_id = ? LIMIT 1", arguments: [courseID]) ?? false else {
            return []
        }
        return try Nominations.quotaLines(db, courseID: courseID)
    }
}
