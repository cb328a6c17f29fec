import Crypto
import Foundation
import GRDB

/// Sync as commands and screens use it: bundles out and in, status, conflicts (docs/SYNC.md).
extension CourseStore {
    /// This library's origin, holdings, transfers, conflicts and clock warnings.
    public func syncStatus() throws -> SyncStatus {
        try read { db in
            guard let local = try SyncLocal.read(db) else { throw MusterError.database("this library has no sync origin") }
            let version = try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?"
            // The same vector a live exchange sends: one range per origin held without a gap.
            let islands = try SyncVector.holdings(db).mapValues { $0.map { $0[0]...$0[1] } }
            let seen = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT origin, seen_ms FROM sync_origin").map {
                    ($0["origin"] as String, ($0["seen_ms"] as Int64?).map { Date(ms: $0) })
                })
            let holdings = islands.keys.sorted { a, b in
                a == local.origin ? true : b == local.origin ? false : SyncLabels.label(db, origin: a) < SyncLabels.label(db, origin: b)
            }.map { origin in
                let ranges = islands[origin]!
                let gaps = zip(ranges, ranges.dropFirst()).map { ($0.upperBound + 1)...($1.lowerBound - 1) }
                let below = ranges.first.map { $0.lowerBound > 1 ? [1...($0.lowerBound - 1)] : [] } ?? []
                return SyncStatus.Holding(
                    origin: origin, label: SyncLabels.label(db, origin: origin), isLocal: origin == local.origin,
                    ranges: ranges, gaps: below + gaps, lastSeen: origin == local.origin ? nil : seen[origin] ?? nil)
            }
            let transfers = try Row.fetchAll(db, sql: "SELECT * FROM sync_ledger ORDER BY at_ms DESC, id DESC LIMIT 10").map {
                SyncStatus.Transfer(
                    at: Date(ms: $0["at_ms"]), direction: $0["direction"], path: NameSanitizer.clean($0["path"]),
                    name: ($0["name"] as String?).map(NameSanitizer.clean), records: $0["records"])
            }
            var warnings: [String] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT origin, max(hlc >> 16) - max(received_ms) AS ahead FROM sync_record
                    WHERE origin <> ? AND hlc > 0 GROUP BY origin HAVING ahead > 300000
                    """, arguments: [local.origin])
            {
                let hours = Double(row["ahead"] as Int64) / 3_600_000
                warnings.append(
                    "\(SyncLabels.label(db, origin: row["origin"]))'s clock was \(String(format: "%.1f", hours)) h ahead when its records arrived: set its clock"
                )
            }
            return SyncStatus(
                origin: local.origin, label: NameSanitizer.clean(local.label), sqliteVersion: version,
                walResetBug: SQLiteBugs.walReset(version: version), holdings: holdings, transfers: transfers,
                openConflicts: try SyncConflicts.open(db, course: nil).count, clockWarnings: warnings)
        }
    }

    /// Writes a bundle of `courses` (or every course with `all`), or with `sinceLast` only what
    /// the last export of that name did not carry. The file appears whole or not at all.
    public func syncExport(
        to path: String, courses: [String], all: Bool, sinceLast: String?, passphrase: String?,
        progress: ProgressReporter = .silent
    ) throws
        -> SyncExportSummary
    {
        guard all || !courses.isEmpty else { throw MusterError.invalid("name the courses to export, or --all") }
        let name = sinceLast.map(NameSanitizer.clean)
        let (summary, carried) = try syncSnapshot { db -> (SyncExportSummary, [String: [[Int64]]]) in
            try checkCourses(db, courses)
            guard let local = try SyncLocal.read(db) else { throw MusterError.database("this library has no sync origin") }
            let key = try OriginKey(rawPrivateKey: local.privateKey)
            try SyncScope.prepare(db, courses: all ? nil : courses)
            let before = try name.map { try SyncLedger.carried(db, name: $0) } ?? [:]
            var tally = BundleTally()
            let index = try Row.fetchCursor(db, sql: SyncScope.sql(all: all, columns: "origin, seq, kind"))
            while let row = try index.next() {
                let origin: String = row["origin"], seq: Int64 = row["seq"]
                if SyncLedger.contains(before, origin: origin, seq: seq) { continue }
                tally.add(
                    SyncRecord(
                        id: "", origin: origin, seq: seq, hlc: 0, kind: SyncRecord.Kind(rawValue: row["kind"]) ?? .put, entity: "",
                        gid: ""))
            }
            let codes = all ? try String.fetchAll(db, sql: "SELECT code FROM course ORDER BY code") : courses
            let header = SyncBundleHeader(
                key: key, label: local.label, schema: Schema.all.last!.identifier, createdMs: clock().ms, courses: codes, tally: tally)
            let bytes = try BundleFile.write(header: header, key: key, to: path, passphrase: passphrase) { emit in
                let records = try Row.fetchCursor(db, sql: SyncScope.sql(all: all, columns: "origin, seq, body"))
                var written = 0
                while let row = try records.next() {
                    if SyncLedger.contains(before, origin: row["origin"], seq: row["seq"]) { continue }
                    try emit(try SyncRecord.decode(row["body"]))
                    written += 1
                    progress("writing", written, of: tally.count, "records")
                }
            }
            let ranges = tally.ranges.mapValues { $0.map { $0[0]...$0[1] } }
            let summary = SyncExportSummary(
                path: path, bundleID: header.bundleID, courses: codes, records: tally.count, bytes: bytes,
                // Two devices may share a label (one machine, one login): the id tells them apart.
                ranges: Dictionary(
                    uniqueKeysWithValues: ranges.map { ("\(SyncLabels.label(db, origin: $0.key)) \($0.key.prefix(8))", $0.value) }),
                encrypted: passphrase != nil)
            return (summary, SyncLedger.union(before, tally.ranges))
        }
        try write { db in
            try SyncRecordWrites.ledger(
                db, bundleID: summary.bundleID, direction: "export", path: path, name: name, atMs: clock().ms,
                records: summary.records, carried: SyncLedger.json(carried))
        }
        return summary
    }

    /// Imports bundles: every file is verified whole before any is taken in, then each is
    /// taken in its own transaction (rolled back on a dry run).
    public func syncImport(
        paths: [String], dryRun: Bool, passphrase: String?, progress: ProgressReporter = .silent
    ) throws -> [SyncImportSummary] {
        let readers = try paths.map { path in
            let reader = try BundleReader(path: path, passphrase: passphrase)
            guard Schema.all.contains(where: { $0.identifier == reader.header.schema }) else {
                throw MusterError.invalid(
                    "\(NameSanitizer.clean((path as NSString).lastPathComponent)) was written by a newer Muster; update Muster to read it")
            }
            return (path, reader)
        }
        return try readers.map { path, reader in try importBundle(reader: reader, shown: path, dryRun: dryRun, progress: progress) }
    }

    /// Takes in one verified bundle in its own transaction (rolled back on a dry run); `shown` is
    /// what the ledger and the summary call it (a path, or a live exchange's peer).
    ///
    /// A bundle big beside the library (a new device taking a course) keeps the derived roster
    /// tables set-wise, as a big roster import does (`DerivedRoster`), and rebuilds every
    /// course's rows after it: a record may touch any course, and rebuilding all of them costs no
    /// more than the nominations the bundle brings (`DerivedUpkeep.setWise`, `upkeep` for tests).
    func importBundle(
        reader: BundleReader, shown path: String, dryRun: Bool, progress: ProgressReporter = .silent,
        upkeep: DerivedUpkeep = .automatic
    ) throws -> SyncImportSummary {
        let header = reader.header
        return try syncTransaction(rollback: dryRun) { db in
            let label = NameSanitizer.clean(header.label)
            var summary = SyncImportSummary(path: path, bundleID: header.bundleID, from: label, dryRun: dryRun)
            if try SyncLedger.imported(db, bundleID: header.bundleID) {
                summary.alreadyImported = true
                return summary
            }
            try SyncRecordWrites.noteOrigin(
                db, origin: header.origin, publicKey: Data(base64Encoded: header.publicKey), label: label, seenMs: clock().ms)
            var ingest = try SyncIngest(db: db, now: clock(), actor: actor, device: deviceID, summary: summary)
            var count = 0
            let total = header.counts.values.reduce(0, +)
            func takeAll() throws {
                try reader.forEachRecord { record in
                    try ingest.take(record)
                    count += 1
                    progress("merging", count, of: total, "records")
                }
                summary = try ingest.finish()
            }
            let held = try Int.fetchOne(db, sql: "SELECT count(*) FROM enrolment") ?? 0
            let setWise =
                try upkeep.setWise(changes: header.counts[SyncRecord.Kind.put.rawValue] ?? 0, existing: held)
                && DerivedRoster.withTriggersSuspended(db, courses: { try Int64.fetchAll(db, sql: "SELECT id FROM course") }, takeAll)
            if !setWise { try takeAll() }
            try SyncRecordWrites.ledger(
                db, bundleID: header.bundleID, direction: "import", path: path, name: nil, atMs: clock().ms, records: count,
                carried: SyncLedger.json(header.ranges))
            return summary
        }
    }

    /// Open conflicts, of one course or all.
    public func syncConflicts(course: String?) throws -> [SyncConflict] {
        try read { db in
            if let course { try checkCourses(db, [course]) }
            return try SyncConflicts.open(db, course: course)
        }
    }

    /// Resolves a conflict by keeping a value (as typed) or the value of an origin (its label or id prefix).
    public func syncResolve(conflict: String, keep: String) throws -> SyncConflict {
        try requireWriter()
        return try write { db in try SyncConflicts.resolve(db, conflict: conflict, keep: keep, now: clock()) }
    }

    /// SHA-256 of the library's synced state by global ids (identical on devices holding the same records).
    public func syncDigest() throws -> String { try read { db in try SyncDigest.compute(db) } }

    /// A consistent read on the writer connection, which may fill temporary tables.
    func syncSnapshot<T>(_ body: (Database) throws -> T) throws -> T {
        try requireWriter()
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let e as DatabaseError { throw MusterError(e, path: path) }
    }
}

/// The ledger of bundles: which bundles were imported, and what each named export carried.
enum SyncLedger {
    static func imported(_ db: Database, bundleID: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM sync_ledger WHERE bundle_id = ? AND direction = 'import'", arguments: [bundleID]) ?? false
    }

    /// Per origin, the numbers every export named `name` carried.
    static func carried(_ db: Database, name: String) throws -> [String: [[Int64]]] {
        var result: [String: [[Int64]]] = [:]
        for text in try String.fetchAll(
            db, sql: "SELECT carried FROM sync_ledger WHERE direction = 'export' AND name = ?", arguments: [name])
        {
            let ranges = (try? JSONDecoder().decode([String: [[Int64]]].self, from: Data(text.utf8))) ?? [:]
            result = union(result, ranges)
        }
        return result
    }

    static func contains(_ ranges: [String: [[Int64]]], origin: String, seq: Int64) -> Bool {
        guard let list = ranges[origin] else { return false }
        return list.contains { $0.count == 2 && $0[0] <= seq && seq <= $0[1] }
    }

    static func union(_ a: [String: [[Int64]]], _ b: [String: [[Int64]]]) -> [String: [[Int64]]] {
        var result = a
        for (origin, ranges) in b {
            let all = (result[origin] ?? []) + ranges
            var merged: [[Int64]] = []
            for r in all.filter({ $0.count == 2 }).sorted(by: { $0[0] < $1[0] }) {
                if let last = merged.last, r[0] <= last[1] + 1 {
                    merged[merged.count - 1][1] = max(last[1], r[1])
                } else {
                    merged.append(r)
                }
            }
            result[origin] = merged
        }
        return result
    }

    static func json(_ ranges: [String: [[Int64]]]) -> String {
        String(decoding: (try? SyncRecord.encoder.encode(ranges)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// SHA-256 over a set of records as stored (id and body, sorted by id byte by byte): equal on
/// two stores exactly when they hold the same records with the same bytes. The head office and
/// a laptop library compare with it.
public enum SyncRecordsDigest {
    public static func compute(_ records: [(id: String, body: Data)]) -> String {
        var hasher = SHA256()
        for r in records.sorted(by: { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) }) {
            hasher.update(data: Data(r.id.utf8))
            hasher.update(data: Data([0x0A]))
            hasher.update(data: r.body)
            hasher.update(data: Data([0x0A]))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

extension CourseStore {
    /// `SyncRecordsDigest` of every record this library holds.
    public func syncRecordsDigest() throws -> String {
        try read { db in
            SyncRecordsDigest.compute(try Row.fetchAll(db, sql: "SELECT id, body FROM sync_record").map { ($0["id"], $0["body"]) })
        }
    }
}
