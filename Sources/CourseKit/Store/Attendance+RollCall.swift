import Foundation
import GRDB

/// How a roll call's session stands: how many people it expects and their marks, counted
/// without reading them (the header's "18/24 marked · 14 present" and each filter's row count).
public struct RollCallCounts: Hashable, Sendable {
    /// People the roll call marks (`RosterFilter.rollCallOnly`).
    public var expected: Int
    /// Their current marks in the session, by status.
    public var marks: SessionMarkTotals

    public init(expected: Int, marks: SessionMarkTotals) {
        self.expected = expected; self.marks = marks
    }

    /// How many rows the roll call shows under `filter`.
    public func rows(_ filter: MarkFilter) -> Int {
        switch filter {
        case .all: expected
        case .unmarked: max(0, expected - marks.marked)
        case .present: marks.present
        case .absent: marks.absent
        case .late: marks.late
        case .excused: marks.excused
        }
    }
}

extension Attendance {
    /// The session's counts for its roll call: the expected people from the trigger-kept
    /// `enrolment_count`, their marks from the trigger-kept `session_tally` (a few rows each),
    /// and a guest's own marks that the library has not absorbed yet put in place of what the
    /// tally says of those people.
    public func rollCallCounts(courseID: Int64, sessionID: Int64) throws -> RollCallCounts {
        try store.logRead { log in
            let db = log.db
            let expected = try EnrolmentCounts.count(
                db, courseID: courseID, statuses: EnrolmentCounts.expectedStatuses, roles: EnrolmentCounts.rollCallRoles)
            var marks =
                Self.totals(
                    try Row.fetchAll(
                        db,
                        sql: """
                            SELECT t.session_id AS s, t.mark AS st, sum(t.n) AS n FROM session_tally t
                            WHERE t.session_id = ? AND t.mark <> 'cleared' AND \(Self.rollCallTally)
                            GROUP BY t.mark
                            """, arguments: [sessionID]))[sessionID] ?? SessionMarkTotals()
            let journal = try log.journalMarks(sessionID: sessionID)
            guard !journal.isEmpty else { return RollCallCounts(expected: expected, marks: marks) }
            let ids = journal.keys.sorted()
            // Only the journal's people the roll call expects count; their stored marks make way.
            let expectedIDs = Set(
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT person_id FROM roster_index INDEXED BY roster_by_person
                        WHERE course_id = ? AND status IN ('nominated', 'confirmed', 'walk-in') AND role IN ('participant', 'observer')
                          AND person_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
                        """, arguments: StatementArguments([courseID] + ids)))
            let stored = try Row.fetchAll(
                db,
                sql: """
                    SELECT person_id, status FROM attendance_mark
                    WHERE session_id = ? AND person_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
                    """, arguments: StatementArguments([sessionID] + ids))
            for row in stored where expectedIDs.contains(row["person_id"]) {
                marks.add(AttendanceStatus(rawValue: row["status"]), -1)
            }
            for (personID, mark) in journal where expectedIDs.contains(personID) { marks.add(mark?.status, 1) }
            return RollCallCounts(expected: expected, marks: marks)
        }
    }
}

extension SessionMarkTotals {
    /// Counts `n` more (or fewer) marks of `status`; none and cleared count nowhere.
    mutating func add(_ status: AttendanceStatus?, _ n: Int) {
        switch status {
        case .present: present += n
        case .late: late += n
        case .excused: excused += n
        case .absent: absent += n
        case .cleared, nil: break
        }
    }
}
