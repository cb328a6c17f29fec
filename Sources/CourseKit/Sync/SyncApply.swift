import Foundation
import GRDB

/// Brings the tables to the merged state of the records held, for the entities a batch of
/// records touched; the same on every device holding the same records.
enum SyncApply {
    enum Outcome: Equatable { case applied, waiting(String) }

    /// Writes the merged value of every field of `gid` to its table through the table's writer.
    /// Waits (and says why) when the entity has no creation record yet or refers to one not here.
    static func materialize(_ db: Database, entity: SyncEntity, gid: String) throws -> Outcome {
        if entity.table == "person", try SyncErasure.isErased(db, gid: gid) { return .applied }
        let winners = try SyncMerge.winners(db, gid: gid)
        guard let exists = winners[SyncEntity.exists] else { return .waiting("its creation has not arrived") }
        guard let writer = Writes.table(named: entity.table) else { return .applied }
        let key = try SyncIDs.local(db, table: entity.table, gid: gid)
        guard exists.same(.int(1)) else {
            if let key { try writer.deleteSynced(db, key: key) }
            return .applied
        }
        var values: [String: DatabaseValue] = [:]
        for column in try SyncRecorder.columns(db, entity) {
            guard let value = winners[column] else { continue }
            if let target = entity.refs[column], case .text(let ref) = value {
                guard let id = try SyncIDs.local(db, table: target, gid: ref) else {
                    return .waiting("\(target) \(ref.prefix(8)) has not arrived")
                }
                values[column] = id.databaseValue
            } else {
                values[column] = value.databaseValue
            }
        }
        if entity.table == "person", case .text(let code)? = winners["code"] {
            values["code"] = try PersonCodeClash.settle(db, gid: gid, code: code).databaseValue
        }
        do {
            _ = try writer.applySynced(db, key: key, gid: gid, values)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return .waiting("it clashes with a row here (\(error.message ?? "constraint"))")
        }
        return .applied
    }

    /// Appends an event that arrived, unless it is here; waits for its session or person.
    static func event(_ db: Database, _ record: SyncRecord) throws -> Outcome {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM attendance_event WHERE id = ?"), arguments: [record.gid]) ?? false {
            return .applied
        }
        let f = record.fields ?? [:]
        guard case .text(let sessionGID)? = f["session"], case .text(let personGID)? = f["person"] else {
            return .waiting("it names no session or person")
        }
        guard let session = try SyncIDs.local(db, table: "session", gid: sessionGID) else {
            return .waiting("session \(GlobalID.short(sessionGID)) has not arrived")
        }
        guard let person = try SyncIDs.local(db, table: "person", gid: personGID) else {
            return .waiting("person \(GlobalID.short(personGID)) has not arrived")
        }
        guard let id = UUID(uuidString: record.gid), case .text(let status)? = f["status"],
            let mark = AttendanceStatus(rawValue: status), case .int(let recorded)? = f["recorded_ms"]
        else { return .waiting("it is not a whole event") }
        func text(_ k: String) -> String { if case .text(let s)? = f[k] { s } else { "" } }
        func date(_ k: String) -> Date? { if case .int(let ms)? = f[k] { Date(ms: ms) } else { nil } }
        let event = AttendanceEvent(
            id: id, sessionID: session, personID: person, status: mark, arrival: date("arrival_ms"),
            departure: date("departure_ms"), note: text("note"), recordedAt: Date(ms: recorded), actor: text("actor"),
            device: text("device"), source: EventSource(rawValue: text("source")) ?? .importFile,
            undoes: UUID(uuidString: text("undoes")))
        try AttendanceEventWrites.append(db, event)
        return .applied
    }
}

/// Two people made on different devices with the same code: the later claim (by the clock,
/// origin and id of the record that set the code) is renamed CODE-XXXX (from its global id's last digits),
/// on every device alike, and the rename is recorded as an edit so it travels.
enum PersonCodeClash {
    /// The code `gid` gets: `code`, or its renamed form when another person here claimed it first.
    static func settle(_ db: Database, gid: String, code: String) throws -> String {
        guard
            let other = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, gid FROM person WHERE code = ? AND gid IS NOT ?"), arguments: [code, gid]),
            let otherGID = other["gid"] as String?
        else { return code }
        let mine = try SyncMerge.heads(db, gid: gid)["code"]?.first
        let theirs = try SyncMerge.heads(db, gid: otherGID)["code"]?.first
        guard let mine, let theirs else { return code }
        func key(_ h: SyncMerge.Head) -> (Int64, String, String) { (h.hlc, h.origin, h.recordID) }
        // The earlier claim keeps the code; when that is the incoming one, the row here moves aside.
        if key(mine) < key(theirs) {
            try PersonWrites.updateColumns(db, id: other["id"], ["code": renamed(code, gid: otherGID)])
            return code
        }
        return renamed(code, gid: gid)
    }

    /// CODE-XXXX, XXXX the last four hex digits of the global id: its first ones are a new
    /// person's time, shared by everyone made in the same minute (two such people once both
    /// became `CODE-01A2`).
    static func renamed(_ code: String, gid: String) -> String { "\(code)-\(GlobalID.short(gid, digits: 4).uppercased())" }
}
