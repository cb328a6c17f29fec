import Foundation
import GRDB

/// What an unmerge checks that `undoChange`'s row comparison cannot see: the marks.
extension PersonMerge {
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
