import Foundation
import GRDB

/// An erasure in sync: it wins over every other record of the person, travels as an `erase`
/// record with no personal data (the placeholder code, and sex, country and agency only when
/// statistics are kept), and scrubs what this library's records held of the person: their own
/// records become `redacted` stubs, and notes in their enrolments' and events' records are
/// emptied. Each scrubbed record keeps the hash of what it was, so a device still holding the
/// original knows it is the same record, and ranges stay gap-free.
enum SyncErasure {
    static func isErased(_ db: Database, gid: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM sync_erased WHERE gid = ?"), arguments: [gid]) ?? false
    }

    /// After a local erasure (the row already blanked): the erase record, then the scrub.
    static func recordLocal(_ db: Database, personID: Int64, placeholder: String, keepStatistics: Bool, now: Date) throws {
        guard var local = try SyncLocal.read(db) else { return }
        let gid = try SyncIDs.ensure(db, table: "person", key: personID, fromCourseFile: false)
        guard !(try isErased(db, gid: gid)) else { return }
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [personID])
        var fields: [String: SyncValue] = ["placeholder": .text(placeholder), "keep_statistics": .int(keepStatistics ? 1 : 0)]
        if keepStatistics, let row {
            fields["sex"] = SyncValue(row["sex"])
            fields["country"] = SyncValue(row["country"])
            if let agency = row["agency_id"] as Int64? {
                fields["agency_id"] = .text(try SyncIDs.ensure(db, table: "agency", key: agency, fromCourseFile: false))
            }
        }
        let record = try SyncRecorder.emit(
            db, kind: .erase, entity: "person", gid: gid, fields: fields, prev: nil, id: GlobalID.record(), local: &local,
            now: now, genesis: false)
        try local.save(db)
        try scrub(db, personID: personID, recordID: record.id)
    }

    /// Marks the person erased and scrubs the records held of them.
    static func scrub(_ db: Database, personID: Int64, recordID: String) throws {
        guard let gid = try String.fetchOne(db.cachedStatement(sql: "SELECT gid FROM person WHERE id = ?"), arguments: [personID]) else {
            return
        }
        try SyncRecordWrites.markErased(db, gid: gid, recordID: recordID)
        // The person's own records.
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, body FROM sync_record WHERE gid = ? AND kind = 'put'"), arguments: [gid])
        {
            try SyncRecordWrites.scrub(db, try SyncRecord.decode(row["body"]).redacted)
        }
        try SyncRecordWrites.blankFields(db, gid: gid)
        // Notes in their enrolments' and events' records.
        let enrolments = try String.fetchAll(
            db.cachedStatement(sql: "SELECT gid FROM enrolment WHERE person_id = ? AND gid IS NOT NULL"), arguments: [personID])
        for enrolment in enrolments {
            for row in try Row.fetchAll(
                db.cachedStatement(sql: "SELECT body FROM sync_record WHERE gid = ? AND kind = 'put'"), arguments: [enrolment])
            {
                try scrubNote(db, try SyncRecord.decode(row["body"]))
            }
            try SyncRecordWrites.blankNote(db, gid: enrolment)
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT r.body FROM sync_record r JOIN attendance_event e ON e.id = r.id
                WHERE e.person_id = ? AND r.kind = 'event'
                """, arguments: [personID])
        {
            try scrubNote(db, try SyncRecord.decode(row["body"]))
        }
    }

    /// The columns an erasure that keeps statistics sets, from its record.
    static func statistics(_ db: Database, _ fields: [String: SyncValue]) throws -> [String: (any DatabaseValueConvertible)?] {
        var agency: Int64?
        if case .text(let gid) = fields["agency_id"] ?? .null { agency = try SyncIDs.local(db, table: "agency", gid: gid) }
        return [
            "sex": fields["sex"]?.databaseValue ?? "not-disclosed".databaseValue,
            "country": fields["country"]?.databaseValue ?? "".databaseValue, "agency_id": agency,
        ]
    }

    static func scrubNote(_ db: Database, _ record: SyncRecord) throws {
        guard let scrubbed = record.noteScrubbed else { return }
        try SyncRecordWrites.scrub(db, scrubbed)
    }

    /// An erase record that arrived: the local erasure routine on the person, or a placeholder
    /// row when this library never had them (so every library ends with the same row).
    static func apply(_ db: Database, _ record: SyncRecord, actor: String, device: String, now: Date) throws {
        guard !(try isErased(db, gid: record.gid)) else { return }
        let fields = record.fields ?? [:]
        guard case .text(let placeholder) = fields["placeholder"] ?? .null else { return }
        let keep = fields["keep_statistics"] == .int(1)
        if let id = try SyncIDs.local(db, table: "person", gid: record.gid),
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [id])
        {
            _ = try PrivacyAudit.erase(
                db, person: Person(row: row), reason: "erased on another device", keepStatistics: keep, actor: actor,
                device: device, now: now, fromSync: (placeholder, record.id))
            // What statistics keep is what the erasing device had: an edit it had not seen yet
            // (and which now arrives scrubbed) does not make this library differ from it.
            if keep { try PersonWrites.updateColumns(db, id: id, try statistics(db, fields)) }
            return
        }
        var values: [String: DatabaseValue] = [
            "code": placeholder.databaseValue, "sex": "not-disclosed".databaseValue, "country": "".databaseValue,
        ]
        if keep {
            for (column, value) in try statistics(db, fields) { values[column] = value?.databaseValue ?? .null }
        }
        let id = try PersonWrites.applySynced(db, key: nil, gid: record.gid, values)
        try SyncRecordWrites.markErased(db, gid: record.gid, recordID: record.id)
        try db.execute(
            sql: "INSERT INTO erasure(fingerprint, erased_ms, actor, device, reason, person_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: ["sync:" + record.gid, now.ms, actor, device, "erased on another device", id])
    }
}
