import Foundation
import GRDB

/// Writes a roster plan inside the caller's transaction, through the per-table writers like every
/// other write. A 100,000-person roster is half a million rows, so each of those writers uses one
/// cached statement, bound and stepped per row: preparing each insert would cost more than SQLite's work. Not multi-row INSERTs: inside a transaction those make
/// SQLite keep a statement journal (a copy of every page each statement touches, written to a temp
/// file), which measured 400,000 extra writes for 100,000 people. Big imports keep the derived
/// roster tables set-wise (`DerivedRoster`) instead of through the per-row triggers.
struct RosterWriter {
    let db: Database
    let courseID: Int64
    let actor: String
    var progress = ProgressReporter.silent

    /// The people and nominations it adds are noted for sync in one statement per table
    /// (`SyncRecorder.notingInsertsSetWise`) rather than by a trigger per row.
    func apply(_ plan: RosterPlan, snapshot: LibrarySnapshot) throws {
        try SyncRecorder.notingInsertsSetWise(db, tables: ["person", "enrolment"]) { try write(plan, snapshot: snapshot) }
    }

    private func write(_ plan: RosterPlan, snapshot: LibrarySnapshot) throws {
        let total = plan.newPeople.count + plan.fills.count + plan.newEnrolments.count + plan.statusChanges.count + plan.events.count
        var done = 0
        func step() {
            done += 1
            progress("writing", done, of: total, "rows")
        }
        var personIDs: [Int64] = []
        personIDs.reserveCapacity(plan.newPeople.count)
        for p in plan.newPeople {
            var person = Person(
                code: p.code, givenName: p.givenName, familyName: p.familyName, sex: p.sex,
                country: p.country, agencyID: p.agencyID, position: p.position, email: p.email, phone: p.phone)
            personIDs.append(try PersonWrites.insert(db, &person, sortKey: p.sortKey))
            step()
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
            try PersonWrites.fill(db, id: snapshot.people[index].id, values)
            step()
        }
        func writeEnrolments() throws {
            for (offset, e) in plan.newEnrolments.enumerated() {
                try EnrolmentWrites.insert(
                    db, courseID: courseID, personID: id(e.person), position: snapshot.lastPosition + 1 + offset,
                    role: e.role, status: e.status, note: e.note)
                step()
            }
            for change in plan.statusChanges {
                try EnrolmentWrites.update(db, id: change.enrolmentID, ["status": change.status.rawValue])
                step()
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
        for e in plan.events {
            try AttendanceEventWrites.append(
                db,
                AttendanceEvent(
                    id: e.id, sessionID: e.sessionID, personID: id(e.person), status: e.status, arrival: e.arrival,
                    departure: e.departure, note: e.note, recordedAt: e.recordedAt, actor: e.actor ?? actor, device: e.device,
                    source: e.source))
            step()
        }
    }

    /// Whether an event is in the library already: by id, or, for marks restored from Muster's
    /// own export, by what they record (the library the file came from has them under other ids).
    static func isRecorded(_ db: Database, _ e: RosterPlan.Event, personID: Int64, byContent: Bool) throws -> Bool {
        if try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM attendance_event WHERE id = ?"),
            arguments: [e.id.lowercaseText]) == true
        {
            return true
        }
        guard byContent else { return false }
        return try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT 1 FROM attendance_event WHERE session_id = ? AND person_id = ? AND recorded_ms = ?
                      AND status = ? AND source = ? AND device = ? AND undoes IS NULL
                    """), arguments: [e.sessionID, personID, e.recordedAt.ms, e.status.rawValue, e.source.rawValue, e.device]) == true
    }
}
