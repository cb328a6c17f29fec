import Foundation
import GRDB

/// One entry of the append-only change log.
public struct ChangeRecord: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var recordedAt: Date
    public var actor: String
    public var device: String
    /// What was changed: `enrolment`, `session`, `course`, `agency`, `person`.
    public var entity: String
    public var entityID: Int64?
    public var courseID: Int64?
    /// `create`, `update`, `delete`, `status`, `substitute`, `merge` or `undo`.
    public var action: String
    /// One line a person reads, in English ("GT-004 Byron Coyoy Ajú: nominated → confirmed").
    public var summary: String
    /// The rows before and after, as JSON objects `{"table": [{column: value}]}`.
    public var beforeJSON: String
    public var afterJSON: String
    /// For an undo, the change it reversed.
    public var undoes: Int64?
    /// Through what the change came: `coordinator` (the screens), `import` (a course or roster file), `kiosk`.
    public var source: String = ChangeSource.coordinator
    /// Quotas the change took over their limit (or further over), in `QuotaCount.newlyOver`'s
    /// words, for the screen to say at once. Not stored: it is true only at the moment of the change.
    public var quotaWarnings: [ChangeSummary] = []
    /// The summary as words to say in any language; nil for an entry logged before they were kept.
    public var words: ChangeSummary? = nil

    /// The summary in `language`: from its words when the entry has them, else as it was logged.
    public func summary(in language: Language) -> String { words?.text(in: language) ?? summary }

    /// The summary as a refusal quotes it, in whichever language the refusal is said.
    public var quotedSummary: QuotedSummary { QuotedSummary(logged: summary, words: words) }
}

/// Where a logged change came from, as `change_log.source` stores it.
public enum ChangeSource {
    public static let coordinator = "coordinator"
    public static let `import` = "import"
    public static let kiosk = "kiosk"
}

/// The rows a change touches, by table, as they are at one moment; and the attendance events
/// the change appended (which an undo cancels with undo events, never by deleting them).
///
/// Equal when the same rows hold the same values: what an import compares to skip people it
/// left as they were, without encoding both sides to JSON first.
struct ChangeSnapshot: Equatable {
    var rows: [String: [[String: DatabaseValue]]] = [:]
    var appendedEvents: [String] = []

    /// Reads `ids` of each table (rows that do not exist are simply absent).
    static func read(_ db: Database, _ scope: [(table: String, ids: [Int64])]) throws -> ChangeSnapshot {
        var snapshot = ChangeSnapshot()
        for (table, ids) in scope where !ids.isEmpty {
            let key = ChangeLog.keyColumn(table)
            let columns = key == "id" ? "*" : "rowid AS id, *"
            let sql = "SELECT \(columns) FROM \(table) WHERE \(key) IN (\(ids.map { _ in "?" }.joined(separator: ","))) ORDER BY \(key)"
            // Most snapshots are of one or two rows: those statements are kept compiled (an import
            // logs one per person), longer lists are compiled once and dropped.
            let statement = ids.count <= 4 ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            let rows = try Row.fetchAll(statement, arguments: StatementArguments(ids))
            snapshot.rows[table, default: []] += rows.map { row in
                Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, row[$0] as DatabaseValue) })
            }
        }
        return snapshot
    }

    /// The people the rows concern: person rows, and the person and substitute of enrolments.
    var subjects: Set<Int64> {
        var people = ids("person")
        for row in rows["enrolment"] ?? [] {
            for column in ["person_id", "substituted_by"] {
                if let id = row[column].flatMap(Int64.fromDatabaseValue) { people.insert(id) }
            }
        }
        return people
    }

    func ids(_ table: String) -> Set<Int64> {
        Set((rows[table] ?? []).compactMap { Int64.fromDatabaseValue($0["id"] ?? .null) })
    }

    /// The rows as one JSON object of sorted keys, for the change log's row images. Written by
    /// hand (`CanonicalJSON`): `JSONSerialization` took 20 s of the 68 s import of the 100k
    /// course file, boxing every value of 200,000 rows. `init(json:)` reads either form back.
    var json: String {
        let eventsKey = "appended_attendance_events"
        let keys = (Array(rows.keys) + (appendedEvents.isEmpty ? [] : [eventsKey])).sorted()
        var out = CanonicalJSON()
        out.object { o in
            for key in keys {
                o.key(key) { json in
                    if key == eventsKey, rows[key] == nil {
                        json.array(appendedEvents)
                        return
                    }
                    json.array(rows[key] ?? []) { json, row in
                        json.object { r in
                            for column in row.keys.sorted() { r.key(column) { $0.value(Self.jsonValue(row[column]!)) } }
                        }
                    }
                }
            }
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// A stored value as JSON writes it: a blob as base64 text, as the images always held it.
    static func jsonValue(_ value: DatabaseValue) -> SyncValue {
        switch value.storage {
        case .blob(let b): .text(b.base64EncodedString())
        default: SyncValue(value)
        }
    }

    init() {}

    init(json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return }
        for (key, value) in object {
            if key == "appended_attendance_events" { appendedEvents = value as? [String] ?? []; continue }
            guard let list = value as? [[String: Any]] else { continue }
            rows[key] = list.map { row in
                row.mapValues { value -> DatabaseValue in
                    switch value {
                    case let s as String: s.databaseValue
                    case let i as Int64: i.databaseValue
                    case let d as Double: d.databaseValue
                    default: .null
                    }
                }
            }
        }
    }
}
extension ChangeLog {
    /// The change log of a course, newest first.
    public func changes(courseID: Int64, limit: Int = 200) throws -> [ChangeRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM change_log WHERE course_id = ? ORDER BY id DESC LIMIT ?",
                arguments: [courseID, limit]
            ).map(Self.changeRecord(row:))
        }
    }

    /// Every change to one entity, oldest first.
    public func changes(entity: String, id: Int64) throws -> [ChangeRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY id",
                arguments: [entity, id]
            ).map(Self.changeRecord(row:))
        }
    }

    /// Reverses a change by replaying its log entry: rows it created are removed, rows it changed
    /// or deleted get their "before" values back, attendance it appended is cancelled by undo
    /// events. Refused when the rows have changed since (undo the later change first) or the
    /// change was already undone. The undo is itself logged.
    @discardableResult
    public func undoChange(id: Int64) throws -> ChangeRecord {
        try write { db in try undoChange(db, id: id) }
    }

    /// `undoChange(id:)` inside a transaction the caller opened, so an attendance batch can read
    /// back every mark its undo left in the same transaction (`Attendance.undoBatch`).
    func undoChange(_ db: Database, id: Int64) throws -> ChangeRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM change_log WHERE id = ?", arguments: [id]) else {
            throw MusterError.refused(.noChange(id: id))
        }
        let change = Self.changeRecord(row: row)
        guard change.source == ChangeSource.coordinator else {
            throw MusterError.refused(
                .notUndoable(summary: change.quotedSummary, fromKiosk: change.source == ChangeSource.kiosk))
        }
        if change.undoes != nil { throw MusterError.refused(.undoOfUndo) }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM change_log WHERE undoes = ?", arguments: [id]) == true {
            throw MusterError.refused(.changeAlreadyUndone)
        }
        let before = ChangeSnapshot(json: change.beforeJSON), after = ChangeSnapshot(json: change.afterJSON)
        let scope = Self.scope(before, after)
        let now = try ChangeSnapshot.read(db, scope)
        guard Self.sameRows(now, after, scope) else {
            throw MusterError.refused(.changedSince(summary: change.quotedSummary))
        }
        if change.entity == "person" && change.action == "merge" { try PersonMerge.checkUndo(db, change) }
        // Rows the change only updated get their values back first: one may point at a row the
        // change created (a nominee substituted by someone added in the same change), which
        // cannot be deleted while it is pointed at.
        for table in Self.childrenFirst.reversed() {
            let kept = now.ids(table)
            for values in before.rows[table] ?? [] where Int64.fromDatabaseValue(values["id"] ?? .null).map(kept.contains) == true {
                try Writes.table(named: table)?.restore(db, values)
            }
        }
        for table in Self.childrenFirst where after.rows[table] != nil || before.rows[table] != nil {
            for gone in after.ids(table).subtracting(before.ids(table)) {
                try Writes.table(named: table)?.deleteRow(db, id: gone)
            }
        }
        for table in Self.childrenFirst.reversed() {
            for values in before.rows[table] ?? [] { try Writes.table(named: table)?.restore(db, values) }
        }
        for eventID in after.appendedEvents {
            guard let eventRow = try Row.fetchOne(db, sql: "SELECT * FROM attendance_event WHERE id = ?", arguments: [eventID]) else {
                continue
            }
            let event = AttendanceEvent(row: eventRow)
            let events = try Attendance.events(db, sessionID: event.sessionID, personID: event.personID)
            if MarkRule.effective(events).contains(where: { $0.id == event.id }) {
                _ = try store.attendance.appendUndo(db, of: event, among: events, source: event.source)
            }
        }
        let undo = try store.record(
            db, entity: change.entity, entityID: change.entityID, courseID: change.courseID, action: "undo",
            summary: ChangeSummary("undo", .change(change.words ?? ChangeSummary("logged", .text(change.summary)))), before: now,
            after: ChangeSnapshot.read(db, scope), undoes: id)
        // An undo concerns whoever the change did (a merge's kept person, whose rows it may not list).
        try ChangeLogWrites.link(
            db, changeID: undo.id,
            people: Int64.fetchAll(db, sql: "SELECT person_id FROM change_subject WHERE change_id = ?", arguments: [id]))
        return undo
    }

    // MARK: - Replay

    /// Tables in the order rows must be deleted (children before parents); restored in reverse.
    static let childrenFirst = ["enrolment", "quota", "course_agency", "session", "person", "agency", "course"]

    /// How a table's rows are named in a snapshot: by `id`, or by `rowid` for the link tables
    /// whose key is composite (their rowid is stable while the row lives).
    static func keyColumn(_ table: String) -> String { Writes.table(named: table)?.key ?? "id" }

    static func scope(_ a: ChangeSnapshot, _ b: ChangeSnapshot) -> [(table: String, ids: [Int64])] {
        childrenFirst.compactMap { table in
            let ids = a.ids(table).union(b.ids(table))
            return ids.isEmpty ? nil : (table, ids.sorted())
        }
    }

    /// Whether the rows now are those the change left, column by column (derived columns such
    /// as the search key are compared too: they follow the others), all but the global id.
    static func sameRows(_ now: ChangeSnapshot, _ expected: ChangeSnapshot, _ scope: [(table: String, ids: [Int64])]) -> Bool {
        scope.allSatisfy { table, _ in
            let a = (now.rows[table] ?? []).sorted { ($0["id"]?.description ?? "") < ($1["id"]?.description ?? "") }
            let b = (expected.rows[table] ?? []).sorted { ($0["id"]?.description ?? "") < ($1["id"]?.description ?? "") }
            return a.count == b.count
                && zip(a, b).allSatisfy { x, y in
                    // A global id is given at the end of the transaction that made the row,
                    // after the change was logged: its arrival is not a later change.
                    x.allSatisfy { key, value in key == "gid" || (y[key].map { same(value, $0) } ?? true) }
                }
        }
    }

    /// Equal values, counting 1 and 1.0 as equal (JSON does not keep the difference).
    static func same(_ a: DatabaseValue, _ b: DatabaseValue) -> Bool {
        switch (a.storage, b.storage) {
        case (.int64(let x), .double(let y)), (.double(let y), .int64(let x)): Double(x) == y
        default: a == b
        }
    }

    static func changeRecord(row: Row) -> ChangeRecord {
        ChangeRecord(
            id: row["id"], recordedAt: Date(ms: row["recorded_ms"]), actor: row["actor"], device: row["device"],
            entity: row["entity"], entityID: row["entity_id"], courseID: row["course_id"], action: row["action"],
            summary: row["summary"], beforeJSON: row["before_json"], afterJSON: row["after_json"], undoes: row["undoes"],
            source: row["source"] ?? ChangeSource.coordinator, words: ChangeSummary(json: row["summary_words"]))
    }
}
