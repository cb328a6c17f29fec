import Foundation
import GRDB

/// What travels of one synced table: its columns (all but the local key, the global id and
/// what is derived locally), and which columns refer to other entities (sent as global ids).
struct SyncEntity: Sendable, Hashable {
    let table: String
    /// Column → the table it refers to, by local id here and by global id in records.
    let refs: [String: String]
    /// Columns derived on each device (a person's sort key), never sent.
    let derived: Set<String>

    /// The order records are applied in: what others refer to first.
    static let ordered: [SyncEntity] = [
        SyncEntity(table: "agency", refs: [:], derived: []),
        SyncEntity(table: "course", refs: [:], derived: []),
        SyncEntity(table: "session", refs: ["course_id": "course"], derived: []),
        SyncEntity(table: "person", refs: ["agency_id": "agency", "merged_into": "person"], derived: ["sort_key"]),
        SyncEntity(
            table: "enrolment",
            refs: ["course_id": "course", "person_id": "person", "nominated_by": "agency", "substituted_by": "person"],
            derived: []),
        SyncEntity(table: "course_agency", refs: ["course_id": "course", "agency_id": "agency"], derived: []),
        SyncEntity(table: "quota", refs: ["course_id": "course"], derived: []),
    ]

    static func named(_ table: String) -> SyncEntity? { ordered.first { $0.table == table } }

    /// The link tables have composite keys; their rowid is stable while the row lives.
    var key: String { table == "course_agency" || table == "quota" ? "rowid" : "id" }

    /// The field every put of a creation or removal sets: 1 while the entity exists.
    static let exists = "_exists"

    /// The synced columns, read from the schema so a later migration's column travels too.
    func columns(_ db: Database) throws -> [String] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT name FROM pragma_table_info(?)"), arguments: [table])
            .map { $0["name"] as String }
            .filter { $0 != "id" && $0 != "gid" && !derived.contains($0) }
    }

    /// The global id a row gets when it has none yet: derived from its natural key where it has
    /// one (see `GlobalID`); a person only from a course file (`fromCourseFile`). Nil when it has
    /// none: the row gets a random id. `fromNew`: a reference it is derived from was given a new
    /// id in this recording (`SyncIDs.Known`), so no library can hold this one either. Only the
    /// references in the natural key count: a nomination's substitute is not one.
    func naturalGID(
        _ db: Database, row: Row, fromCourseFile: Bool, known: SyncIDs.Known? = nil
    ) throws -> (gid: String, fromNew: Bool)? {
        var fromNew = false
        func ref(_ column: String) throws -> String {
            guard let id = row[column] as Int64?, let target = refs[column] else { return "" }
            let gid = try SyncIDs.ensure(db, table: target, key: id, fromCourseFile: fromCourseFile, known: known)
            if known?.isNew(table: target, key: id) ?? false { fromNew = true }
            return gid
        }
        guard let gid = try naturalKey(row, fromCourseFile: fromCourseFile, ref) else { return nil }
        return (gid, fromNew)
    }

    private func naturalKey(_ row: Row, fromCourseFile: Bool, _ ref: (String) throws -> String) throws -> String? {
        switch table {
        case "course": return GlobalID.course(code: row["code"])
        case "agency": return GlobalID.agency(code: row["code"])
        case "session": return GlobalID.session(course: try ref("course_id"), key: row["key"])
        case "enrolment": return GlobalID.enrolment(course: try ref("course_id"), person: try ref("person_id"))
        case "course_agency": return GlobalID.courseAgency(course: try ref("course_id"), agency: try ref("agency_id"))
        case "quota": return GlobalID.quota(course: try ref("course_id"), scope: row["scope"], key: row["key"])
        default:
            let code: String = row["code"]
            return fromCourseFile && !code.hasPrefix("W-") ? GlobalID.person(code: code) : nil
        }
    }
}

/// Local ids ↔ global ids.
enum SyncIDs {
    /// How a row came by its global id.
    enum Assigned: Equatable {
        /// It had one.
        case held
        /// Now, from its natural key: another library may hold records of it.
        case natural
        /// Now, and nothing anywhere can hold it yet: made at random, or derived from an id made
        /// at random in this recording (a new person's enrolment).
        case new
    }

    /// The global ids one recording has read or given, by table and local key.
    ///
    /// A row's id never changes once it has one, so within one recording (one transaction's
    /// end) an id read once holds: a 100,000-person import's enrolments refer to their course
    /// and person four times each, which were 400,000 look-ups of ids already known.
    ///
    /// It also keeps the ids it made at random: an id derived from one of them (the enrolment of
    /// a person new to sync) is as new, so nothing needs looking up to know that no row, no
    /// erasure and no record holds it: three look-ups for each of an import's 100,000 enrolments.
    final class Known {
        private var ids: [String: [Int64: String]] = [:]
        /// The keys, by table, of the rows given a new id (`Assigned.new`) in this recording.
        private var made: [String: Set<Int64>] = [:]
        subscript(table: String, key: Int64) -> String? {
            get { ids[table]?[key] }
            set { ids[table, default: [:]][key] = newValue }
        }

        func madeNew(table: String, key: Int64) { made[table, default: []].insert(key) }

        /// Whether the row was given a new id in this recording.
        func isNew(table: String, key: Int64) -> Bool { made[table]?.contains(key) ?? false }
    }

    /// The global id of a row, assigned now if it has none (which marks the row for recording).
    static func ensure(_ db: Database, table: String, key: Int64, fromCourseFile: Bool, known: Known? = nil) throws -> String {
        if let gid = known?[table, key] { return gid }
        guard let entity = SyncEntity.named(table) else { throw MusterError.database("no sync for table \(table)") }
        if let gid = try String.fetchOne(
            db.cachedStatement(sql: "SELECT gid FROM \(table) WHERE \(entity.key) = ?"), arguments: [key])
        {
            known?[table, key] = gid
            return gid
        }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(table) WHERE \(entity.key) = ?"), arguments: [key]) else {
            throw MusterError.database("\(table) \(key) is gone")
        }
        return try assign(db, entity: entity, key: key, row: row, fromCourseFile: fromCourseFile, known: known).gid
    }

    /// The global id of `row` (already read by the caller), assigned now if it has none.
    static func assign(
        _ db: Database, entity: SyncEntity, key: Int64, row: Row, fromCourseFile: Bool, known: Known? = nil
    ) throws -> (gid: String, how: Assigned) {
        // A row read before this recording gave it an id (a reference to it, `ensure`) has it in `known`.
        if let gid = row["gid"] as String? ?? known?[entity.table, key] {
            known?[entity.table, key] = gid
            return (gid, .held)
        }
        var gid: String
        var how = Assigned.natural
        if let natural = try entity.naturalGID(db, row: row, fromCourseFile: fromCourseFile, known: known) {
            gid = natural.gid
            if natural.fromNew {
                how = .new
            } else if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(entity.table) WHERE gid = ?"), arguments: [gid]) ?? false
                || SyncErasure.isErased(db, gid: gid)
            {
                // A natural id another row holds: a person erased under a code, registered again
                // from a course file with `--allow-erased`, is another person to sync.
                gid = GlobalID.random()
                how = .new
            }
        } else {
            // No row and no erasure can hold an id made just now: nothing to look up.
            gid = GlobalID.random()
            how = .new
        }
        if how == .new { known?.madeNew(table: entity.table, key: key) }
        try db.cachedStatement(sql: "UPDATE \(entity.table) SET gid = ? WHERE \(entity.key) = ?").execute(arguments: [gid, key])
        known?[entity.table, key] = gid
        return (gid, how)
    }

    /// The local key of the row with `gid`, if it is here.
    static func local(_ db: Database, table: String, gid: String) throws -> Int64? {
        guard let entity = SyncEntity.named(table) else { return nil }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT \(entity.key) FROM \(table) WHERE gid = ?"), arguments: [gid])
    }
}

extension SyncValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let i): self = .int(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob(let b): self = .text(b.base64EncodedString())
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .int(let i): i.databaseValue
        case .real(let d): d.databaseValue
        case .text(let s): s.databaseValue
        }
    }

    /// Equal as SQLite would store them: JSON writes 1.0 as 1, which reads back as an integer
    /// (the change log's comparison, `ChangeLog.same`).
    func same(_ other: SyncValue) -> Bool { ChangeLog.same(databaseValue, other.databaseValue) }
}
