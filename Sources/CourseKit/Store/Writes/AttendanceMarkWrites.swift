import GRDB

/// Writes to `attendance_mark`, the cache of each person's current mark per session that
/// screens, totals and the roster index read. It is only ever `MarkRule.currentMark` of the
/// log, written here right after the log changes; no trigger and no SQL derives a mark.
enum AttendanceMarkWrites {
    /// Derives one person's mark in one session from their events and stores it (`cleared` when
    /// nothing counts). Triggers on the table move `session_tally` and the roster's counts.
    /// A mark that stays what it was (a second "present", a kiosk check-in of someone already
    /// marked) writes nothing: replacing the row would run the triggers, which take the person
    /// out of the tallies and put them back and rewrite their roster entry in eight indexes.
    /// Returns the current mark (nil: none), which the caller reports without reading it again.
    @discardableResult
    static func derive(_ db: Database, sessionID: Int64, personID: Int64) throws -> AttendanceEvent? {
        let current = MarkRule.currentMark(of: try Attendance.events(db, sessionID: sessionID, personID: personID))
        let status = (current?.status ?? .cleared).rawValue
        let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT status FROM attendance_mark WHERE session_id = ? AND person_id = ?"),
            arguments: [sessionID, personID])
        if stored == status { return current }
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO attendance_mark(session_id, person_id, status) VALUES (?, ?, ?)")
        try statement.execute(arguments: [sessionID, personID, status])
        return current
    }

    /// Every stored mark derived again: after a migration that changes how the rule decides.
    /// Only pairs whose mark changes are written, so the tallies move for those alone.
    static func rederiveAll(_ db: Database) throws {
        let pairs = try Row.fetchAll(db, sql: "SELECT DISTINCT session_id, person_id FROM attendance_event")
        for pair in pairs {
            let sessionID: Int64 = pair["session_id"], personID: Int64 = pair["person_id"]
            let stored = try String.fetchOne(
                db, sql: "SELECT status FROM attendance_mark WHERE session_id = ? AND person_id = ?", arguments: [sessionID, personID])
            let current = MarkRule.currentMark(of: try Attendance.events(db, sessionID: sessionID, personID: personID))
            if stored != (current?.status ?? .cleared).rawValue { try derive(db, sessionID: sessionID, personID: personID) }
        }
    }
}
