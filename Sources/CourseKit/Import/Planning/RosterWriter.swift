import Foundation
import GRDB

/// Writes a roster plan inside the caller's transaction. A 100,000-person roster is half a million
/// rows, so each table gets one cached statement, bound and stepped per row: preparing each insert
/// would cost more than SQLite's work. Not multi-row INSERTs: inside a transaction those make
/// SQLite keep a statement journal (a copy of every page each statement touches, written to a temp
/// file), which measured 400,000 extra writes for 100,000 people. Big imports keep the derived
/// roster tables set-wise (`DerivedRoster`) instead of through the per-row triggers.
struct RosterWriter {
    let db: Database
    let courseID: Int64
    let actor: String

    func apply(_ plan: RosterPlan, snapshot: LibrarySnapshot) throws {
        var personIDs: [Int64] = []
        personIDs.reserveCapacity(plan.newPeople.count)
        let insertPerson = try db.cachedStatement(sql: """
            INSERT INTO person (code, given_name, family_name, sex, country, agency_id, position, email, phone, sort_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertToken = try db.cachedStatement(sql: "INSERT OR IGNORE INTO name_token (token, person_id) VALUES (?, ?)")
        for p in plan.newPeople {
            try insertPerson.execute(arguments: [p.code, p.givenName, p.familyName, p.sex.rawValue, p.country, p.agencyID,
                                                 p.position, p.email, p.phone, p.sortKey])
            let id = db.lastInsertedRowID
            personIDs.append(id)
            // The sort key holds the folded words of the name: the same tokens the search index stores.
            // (Splitting them in SQL with a recursive CTE instead measured 0.5 s more CPU for 100,000 people.)
            for token in Set(p.sortKey.split(separator: " ")) { try insertToken.execute(arguments: [String(token), id]) }
        }
        func id(_ ref: RosterPlan.PersonRef) -> Int64 {
            switch ref {
            case .existing(let i): snapshot.people[i].id
            case .planned(let i): personIDs[i]
            }
        }
        for (index, fill) in plan.fills.sorted(by: { $0.key < $1.key }) {
            var values: [String: (any DatabaseValueConvertible)?] = [:]
            if let v = fill.email { values["email"] = v }
            if let v = fill.phone { values["phone"] = v }
            if let v = fill.position { values["position"] = v }
            if let v = fill.country { values["country"] = v }
            if let v = fill.sex { values["sex"] = v.rawValue }
            if let v = fill.agencyID { values["agency_id"] = v }
            try db.update("person", id: snapshot.people[index].id, values)
        }
        func writeEnrolments() throws {
            let insertEnrolment = try db.makeStatement(sql: """
                INSERT INTO enrolment (course_id, person_id, position, role, status, note) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (offset, e) in plan.newEnrolments.enumerated() {
                try insertEnrolment.execute(arguments: [courseID, id(e.person), snapshot.lastPosition + 1 + offset, e.role.rawValue,
                                                        e.status.rawValue, e.note])
            }
            for change in plan.statusChanges {
                try db.execute(sql: "UPDATE enrolment SET status = ? WHERE id = ?", arguments: [change.status.rawValue, change.enrolmentID])
            }
        }
        // Before the events: their trigger keeps the marks, the tally and the counts per row from
        // here on, on top of derived rows that are complete by then.
        let changes = plan.newEnrolments.count + plan.statusChanges.count
        var written = false
        if plan.upkeep.setWise(changes: changes, existing: snapshot.enrolments.count) {
            written = try DerivedRoster.withTriggersSuspended(db, courseID: courseID, writeEnrolments)
        }
        if !written { try writeEnrolments() }
        let insertEvent = try db.cachedStatement(sql: """
            INSERT INTO attendance_event (id, session_id, person_id, status, arrival_ms, departure_ms, note,
                                          recorded_ms, actor, device, source, undoes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
            """)
        for e in plan.events {
            try insertEvent.execute(arguments: [e.id.uuidString.lowercased(), e.sessionID, id(e.person), e.status.rawValue,
                                                e.arrival?.ms, e.departure?.ms, e.note, e.recordedAt.ms, actor, e.device,
                                                e.source.rawValue])
        }
    }

    /// Whether an event is in the library already: by id, or, for marks restored from Muster's
    /// own export, by what they record (the library the file came from has them under other ids).
    static func isRecorded(_ db: Database, _ e: RosterPlan.Event, personID: Int64, byContent: Bool) throws -> Bool {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM attendance_event WHERE id = ?"),
                             arguments: [e.id.uuidString.lowercased()]) == true { return true }
        guard byContent else { return false }
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM attendance_event WHERE session_id = ? AND person_id = ? AND recorded_ms = ?
              AND status = ? AND source = ? AND device = ? AND undoes IS NULL
            """), arguments: [e.sessionID, personID, e.recordedAt.ms, e.status.rawValue, e.source.rawValue, e.device]) == true
    }
}
