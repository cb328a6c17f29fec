import Foundation
import GRDB

/// One attributable change: who, on which device, when, through what, to whom, and what.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var device: String
    public var source: String
    public var subject: String
    public var what: String
}

extension CourseStore {
    /// Every recorded change in a course, oldest first: each attendance event (marks, undos,
    /// kiosk check-ins, imports) and each erasure. Erasures name no one: the person is gone.
    public func audit(courseCode: String) throws -> [AuditEntry] {
        let course = try self.course(code: courseCode)
        return try read { db in
            let events = try Row.fetchAll(db, sql: """
                SELECT ae.*, s.key AS s_key, p.code AS p_code FROM attendance_event ae
                JOIN session s ON s.id = ae.session_id JOIN person p ON p.id = ae.person_id
                WHERE s.course_id = ? ORDER BY ae.recorded_ms, ae.id
                """, arguments: [course.id]).map { row -> AuditEntry in
                let e = AttendanceEvent(row: row)
                let action = e.undoes.map { "undo \($0.uuidString.lowercased().prefix(8)): now \(e.status.rawValue)" }
                    ?? "\(e.status.rawValue)\(e.note.isEmpty ? "" : " (\(e.note))")"
                return AuditEntry(at: e.recordedAt, actor: e.actor, device: e.device, source: e.source.rawValue,
                                  subject: "\(row["p_code"] as String) in \(row["s_key"] as String)", what: action)
            }
            let erasures = try Row.fetchAll(db, sql: """
                SELECT erased_ms, actor, device, reason, count(*) AS n FROM erasure GROUP BY erased_ms, actor, device, reason
                """).map { row -> AuditEntry in
                AuditEntry(at: Date(ms: row["erased_ms"]), actor: row["actor"], device: row["device"], source: "erasure",
                           subject: "a person", what: "erased: \(row["reason"] as String)")
            }
            return (events + erasures).sorted { $0.at < $1.at }
        }
    }
}
