import Foundation
import GRDB

/// How one session's marks add up over a set of people.
public struct SessionMarkTotals: Hashable, Sendable {
    public var present = 0
    public var late = 0
    public var excused = 0
    public var absent = 0

    public init(present: Int = 0, late: Int = 0, excused: Int = 0, absent: Int = 0) {
        self.present = present; self.late = late; self.excused = excused; self.absent = absent
    }

    /// People with any mark.
    public var marked: Int { present + late + excused + absent }
    /// Present or late: in the room.
    public var attending: Int { present + late }
}

extension CourseStore {
    /// Per session, the current marks of the people a roster query admits, counted in SQL over
    /// the derived `attendance_mark` table: the overview's "marked/present" and the matrix's
    /// column totals, without reading the event log.
    public func markTotals(_ query: RosterQuery) throws -> [Int64: SessionMarkTotals] {
        try read { db in
            let facts = try Self.rosterFacts(db, courseID: query.courseID)
            let (filter, arguments) = Self.filterSQL(query.filter, facts: facts)
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.session_id AS s, m.status AS st, count(*) AS n
                FROM (SELECT person_id FROM roster_index INDEXED BY roster_by_name WHERE course_id = ? \(filter)) r
                JOIN session s ON s.course_id = ?
                JOIN attendance_mark m ON m.session_id = s.id AND m.person_id = r.person_id
                WHERE m.status <> 'cleared'
                GROUP BY m.session_id, m.status
                """, arguments: StatementArguments([query.courseID] + arguments + [query.courseID]))
            var totals: [Int64: SessionMarkTotals] = [:]
            for row in rows {
                let session: Int64 = row["s"], count: Int = row["n"]
                switch AttendanceStatus(rawValue: row["st"]) {
                case .present: totals[session, default: .init()].present += count
                case .late: totals[session, default: .init()].late += count
                case .excused: totals[session, default: .init()].excused += count
                case .absent: totals[session, default: .init()].absent += count
                default: break
                }
            }
            return totals
        }
    }

    /// The current marks of some people in a course's sessions: person id → session id →
    /// status, people and sessions without a mark left out. The matrix asks for the rows it
    /// shows, so this stays small however large the course.
    public func currentMarks(courseID: Int64, personIDs: [Int64]) throws -> [Int64: [Int64: AttendanceStatus]] {
        guard !personIDs.isEmpty else { return [:] }
        return try read { db in
            var result: [Int64: [Int64: AttendanceStatus]] = [:]
            for chunk in stride(from: 0, to: personIDs.count, by: 500).map({ Array(personIDs[$0..<min($0 + 500, personIDs.count)]) }) {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT m.person_id, m.session_id, m.status FROM attendance_mark m JOIN session s ON s.id = m.session_id
                    WHERE s.course_id = ? AND m.status <> 'cleared'
                      AND m.person_id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments([courseID] + chunk))
                for row in rows {
                    if let status = AttendanceStatus(rawValue: row["status"]) {
                        result[row["person_id"], default: [:]][row["session_id"]] = status
                    }
                }
            }
            return result
        }
    }
}
