import Foundation
import GRDB

extension PrivacyAudit {
    /// Courses whose retention period is over today (the store's clock, in each course's own time
    /// zone), the longest expired first.
    public func expiredCourses() throws -> [Course] {
        let now = clock()
        return try store.courses.courses().filter { $0.isPastRetention(at: now) }
            .sorted { ($0.retainedUntil!, $0.code) < ($1.retainedUntil!, $1.code) }
    }

    /// The people `purge --expired` would erase, by expired course: those still named, and only
    /// if every course they are on is past its retention period. Someone also on a course that is
    /// still running, still within its period or has no retention period keeps their record: the
    /// purge erases a person everywhere, and that other course still needs them. Changes nothing.
    public func expiredPurgeCandidates() throws -> [(course: Course, people: [Person])] {
        let expired = try expiredCourses()
        guard !expired.isEmpty else { return [] }
        let ids = expired.compactMap(\.id)
        let list = ids.map { _ in "?" }.joined(separator: ",")
        return try read { db in
            try expired.map { course in
                let people = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.* FROM person p JOIN enrolment e ON e.person_id = p.id
                        WHERE e.course_id = ? AND p.given_name || p.family_name <> ''
                          AND NOT EXISTS (SELECT 1 FROM enrolment e2 WHERE e2.person_id = p.id AND e2.course_id NOT IN (\(list)))
                        ORDER BY p.sort_key
                        """, arguments: StatementArguments([course.id] + ids)
                ).map(Person.init(row:))
                return (course, people)
            }
        }
    }

    /// Erases every candidate of `expiredPurgeCandidates` in one transaction, by the same rules
    /// as any erasure (placeholder, fingerprints, change log scrubbed, file rewritten).
    @discardableResult
    public func purgeExpired(keepStatistics: Bool, progress: ProgressReporter = .silent) throws -> ErasureSummary {
        let candidates = try expiredPurgeCandidates()
        var reasons: [Int64: String] = [:]
        var people: [Int64: Person] = [:]
        for (course, list) in candidates {
            for person in list {
                guard let id = person.id else { continue }
                people[id] = person
                reasons[id] = reasons[id] ?? "retention period over (\(course.code): \(course.retention!) after \(course.endDate))"
            }
        }
        var total = ErasureSummary(people: 0, enrolments: 0, notesCleared: 0)
        guard !people.isEmpty else { return total }
        try write(progress: progress) { db in
            for (i, (id, person)) in people.sorted(by: { $0.key < $1.key }).enumerated() {
                let s = try Self.erase(
                    db, person: person, reason: reasons[id]!, keepStatistics: keepStatistics,
                    actor: actor, device: deviceID, now: clock())
                total.add(s)
                progress("erasing", i + 1, of: people.count, "people")
            }
        }
        progress("rewriting the library file", 0, of: nil, "")
        total.filesScrubbed = try scrubFiles()
        return total
    }
}
