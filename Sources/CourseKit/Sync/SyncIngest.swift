import Foundation
import GRDB

/// Taking in the records of one bundle, inside the caller's transaction: insert if absent,
/// apply, report. Records are applied as they come; what refers to something not here yet
/// waits in `sync_waiting` and is tried again at the end (and at every later import).
struct SyncIngest {
    let db: Database
    let now: Date
    let actor: String
    let device: String
    var local: SyncLocal
    var summary: SyncImportSummary
    /// (course code or "", kind) → count.
    var added: [String: [String: Int]] = [:]
    var touched: [(entity: SyncEntity, gid: String)] = []
    var touchedSet: Set<String> = []
    var conflictsBefore: Set<String> = []
    /// The entities whose fields this import adds to: the only places a new conflict can open.
    var conflictGids: Set<String> = []
    /// Per origin, how far ahead of this machine's clock its records were stamped (ms).
    var ahead: [String: Int64] = [:]
    var sessionCourse: [String: String] = [:]

    init(db: Database, now: Date, actor: String, device: String, summary: SyncImportSummary) throws {
        guard let local = try SyncLocal.read(db) else { throw MusterError.database("this library has no sync origin") }
        self.db = db; self.now = now; self.actor = actor; self.device = device; self.local = local
        self.summary = summary
    }

    /// One record from the bundle.
    mutating func take(_ record: SyncRecord) throws {
        try Self.validate(record)
        var record = record
        let known = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT body FROM sync_record WHERE id = ?"), arguments: [record.id])
        if let known {
            let held = try SyncRecord.decode(known["body"])
            if held.canonicalJSON == record.canonicalJSON || held.contentHash == record.contentHash {
                summary.skipped += 1
                if SyncScrubbedCopy.replaces(record, held) { try SyncScrubbedCopy.take(db, record, replacing: held) }
            } else {
                summary.refused.append(
                    "record \(GlobalID.short(record.id)) of \(label(record.origin)) #\(record.seq) differs from the one here with that id; kept the one here"
                )
            }
            return
        }
        if let other = try String.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM sync_record WHERE origin = ? AND seq = ?"), arguments: [record.origin, record.seq])
        {
            summary.refused.append(
                "\(label(record.origin)) #\(record.seq) is another record here (\(GlobalID.short(other))); kept the one here")
            return
        }
        let aheadMs = HybridClock.milliseconds(record.hlc) - now.ms
        if record.hlc > 0 && aheadMs > 5 * 60 * 1000 { ahead[record.origin] = max(ahead[record.origin] ?? 0, aheadMs) }
        if record.hlc > 0 { local.clock.receive(record.hlc, now: now) }
        // What arrives about someone erased here is kept scrubbed, never applied.
        if record.kind == .put, record.entity == "person", try SyncErasure.isErased(db, gid: record.gid) {
            record = record.redacted
        }
        // Notes about someone erased here (their events', their nominations') arrive emptied.
        if let scrubbed = record.noteScrubbed, try SyncErasure.isErased(db, gid: try person(of: record)) { record = scrubbed }
        // Which conflicts were open before, looked up per entity as it is first touched: a scan
        // of every open conflict at each import made a live exchange's 500-record chunks pay for
        // the whole library each time.
        if record.kind != .event, conflictGids.insert(record.gid).inserted {
            conflictsBefore.formUnion(try SyncConflicts.open(db, course: nil, gids: [record.gid]).map(\.id))
        }
        try SyncRecordWrites.insert(db, record, body: record.canonicalJSON, receivedMs: now.ms)
        switch record.kind {
        case .put:
            guard let entity = SyncEntity.named(record.entity) else { return }
            // Counted by what it changed here: a genesis record of a course file this library
            // loaded too changes nothing, and is not news.
            let before = try rowValues(entity, record.gid)
            try apply(entity, record.gid)
            let after = try rowValues(entity, record.gid)
            if before != after {
                let kind = before == nil ? Self.kindName(entity.table) : after == nil ? "removals" : "edits"
                count(kind: kind, course: try course(of: entity, gid: record.gid, fields: record.fields))
            }
        case .event:
            count(kind: "events", course: try course(ofSession: record.fields?["session"]))
            if try SyncApply.event(db, record) != .applied {
                try SyncRecordWrites.setWaiting(
                    db, entity: "attendance_event", gid: record.gid, reason: "its session or person has not arrived")
            }
        case .erase:
            count(kind: "erasures", course: "")
            try SyncErasure.apply(db, record, actor: actor, device: device, now: now)
        case .redacted:
            break  // a scrubbed record holds nothing to apply; it keeps its origin's numbers whole
        }
    }

    mutating func apply(_ entity: SyncEntity, _ gid: String) throws {
        switch try SyncApply.materialize(db, entity: entity, gid: gid) {
        case .applied: try SyncRecordWrites.clearWaiting(db, entity: entity.table, gid: gid)
        case .waiting(let why): try SyncRecordWrites.setWaiting(db, entity: entity.table, gid: gid, reason: why)
        }
        if touchedSet.insert(gid).inserted { touched.append((entity, gid)) }
    }

    /// After the last record: what waited is tried again until nothing more applies, then the
    /// summary is completed.
    mutating func finish() throws -> SyncImportSummary {
        try Self.retryWaiting(db)
        try local.save(db)
        summary.waiting = try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_waiting") ?? 0
        summary.added = added.keys.sorted().flatMap { course in
            added[course]!.keys.sorted().map { SyncImportSummary.Added(course: course, kind: $0, count: added[course]![$0]!) }
        }
        summary.newConflicts = try SyncConflicts.open(db, course: nil, gids: conflictGids).filter { !conflictsBefore.contains($0.id) }
        summary.clockWarnings = ahead.keys.sorted().map { origin in
            let hours = Double(ahead[origin]!) / 3_600_000
            return
                "\(label(origin))'s clock is \(String(format: "%.1f", hours)) h ahead of this machine's: its records count as made when they arrived, not later"
        }
        return summary
    }

    /// Applies what waits, in the order entities refer to each other, until a round applies nothing.
    static func retryWaiting(_ db: Database) throws {
        while true {
            let waiting = try Row.fetchAll(db, sql: "SELECT entity, gid FROM sync_waiting")
            if waiting.isEmpty { return }
            var progress = false
            let sorted = waiting.sorted { SyncRecorder.order($0["entity"]) < SyncRecorder.order($1["entity"]) }
            for row in sorted {
                let table: String = row["entity"], gid: String = row["gid"]
                let outcome: SyncApply.Outcome
                if table == "attendance_event" {
                    guard let body = try Data.fetchOne(db, sql: "SELECT body FROM sync_record WHERE id = ?", arguments: [gid]) else {
                        try SyncRecordWrites.clearWaiting(db, entity: table, gid: gid)
                        continue
                    }
                    outcome = try SyncApply.event(db, try SyncRecord.decode(body))
                } else if let entity = SyncEntity.named(table) {
                    outcome = try SyncApply.materialize(db, entity: entity, gid: gid)
                } else {
                    outcome = .applied
                }
                if outcome == .applied {
                    try SyncRecordWrites.clearWaiting(db, entity: table, gid: gid)
                    progress = true
                } else if case .waiting(let why) = outcome {
                    try SyncRecordWrites.setWaiting(db, entity: table, gid: gid, reason: why)
                }
            }
            if !progress { return }
        }
    }

    /// The person an event or a nomination's record is about ("" for other records).
    func person(of record: SyncRecord) throws -> String {
        switch (record.kind, record.entity) {
        case (.event, _):
            if case .text(let person)? = record.fields?["person"] { return person }
        case (.put, "enrolment"):
            if case .text(let person)? = record.fields?["person_id"] { return person }
            if case .text(let person)? = try SyncMerge.winners(db, gid: record.gid)["person_id"] { return person }
        default: break
        }
        return ""
    }

    func rowValues(_ entity: SyncEntity, _ gid: String) throws -> [DatabaseValue]? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(entity.table) WHERE gid = ?"), arguments: [gid])
            .map { Array($0.databaseValues) }
    }

    mutating func count(kind: String, course: String) {
        added[course, default: [:]][kind, default: 0] += 1
    }

    static func kindName(_ table: String) -> String {
        switch table {
        case "course": "courses"
        case "session": "sessions"
        case "agency": "agencies"
        case "person": "people"
        case "enrolment": "enrolments"
        case "quota": "quotas"
        default: "course agencies"
        }
    }

    /// The course code a record concerns, "" for people and agencies.
    mutating func course(of entity: SyncEntity, gid: String, fields: [String: SyncValue]?) throws -> String {
        switch entity.table {
        case "course":
            if case .text(let code)? = fields?["code"] { return code }
            return try String.fetchOne(db, sql: "SELECT code FROM course WHERE gid = ?", arguments: [gid]) ?? ""
        case "session", "enrolment", "quota", "course_agency":
            if case .text(let course)? = fields?["course_id"] {
                return try String.fetchOne(db, sql: "SELECT code FROM course WHERE gid = ?", arguments: [course]) ?? ""
            }
            return try String.fetchOne(
                db, sql: "SELECT c.code FROM \(entity.table) t JOIN course c ON c.id = t.course_id WHERE t.gid = ?", arguments: [gid]) ?? ""
        default: return ""
        }
    }

    mutating func course(ofSession value: SyncValue?) throws -> String {
        guard case .text(let session)? = value else { return "" }
        if let known = sessionCourse[session] { return known }
        var code = try String.fetchOne(
            db, sql: "SELECT c.code FROM session s JOIN course c ON c.id = s.course_id WHERE s.gid = ?", arguments: [session])
        if code == nil, let course = try SyncMerge.winners(db, gid: session)["course_id"], case .text(let g) = course {
            code = try String.fetchOne(db, sql: "SELECT code FROM course WHERE gid = ?", arguments: [g])
        }
        sessionCourse[session] = code ?? ""
        return code ?? ""
    }

    func label(_ origin: String) -> String { SyncLabels.label(db, origin: origin) }

    /// A record the format does not allow refuses the whole bundle (it was checked against its
    /// signature, so this is a bug or a forgery, not damage).
    static func validate(_ r: SyncRecord) throws { try r.checkWellFormed() }
}

extension SyncRecord {
    /// Refuses a record the format does not allow (no valid origin, number, clock or id; an
    /// unknown table; a malformed event or erasure): the laptop's import and the head office's
    /// ingest both check every record with it.
    public func checkWellFormed() throws {
        let r = self
        let hex = r.origin.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        guard r.origin.utf8.count == 32, hex else { throw MusterError.invalid("a record names no valid origin") }
        guard r.seq >= 1, r.hlc >= 0 else { throw MusterError.invalid("record \(r.id.prefix(8)) has no valid number or clock") }
        guard !r.id.isEmpty, r.id.utf8.count <= 64, !r.gid.isEmpty, r.gid.utf8.count <= 64 else {
            throw MusterError.invalid("a record has no valid id")
        }
        switch r.kind {
        case .put, .redacted:
            guard SyncEntity.named(r.entity) != nil else { throw MusterError.invalid("record \(r.id.prefix(8)) names an unknown table") }
        case .event:
            guard r.entity == "attendance_event", r.gid == r.id else {
                throw MusterError.invalid("event record \(r.id.prefix(8)) is malformed")
            }
        case .erase: guard r.entity == "person" else { throw MusterError.invalid("erase record \(r.id.prefix(8)) is malformed") }
        }
    }
}

/// Names of origins as users know them.
enum SyncLabels {
    static func label(_ db: Database, origin: String) -> String {
        let label = (try? String.fetchOne(db, sql: "SELECT label FROM sync_origin WHERE origin = ?", arguments: [origin])) ?? nil
        if let label, !label.isEmpty { return NameSanitizer.clean(label) }
        return String(origin.prefix(8))
    }
}
