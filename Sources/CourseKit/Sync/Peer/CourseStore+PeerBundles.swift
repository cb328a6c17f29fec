import Foundation
import GRDB

/// The bundles a live exchange sends: the same signed files `sync export` writes, made a chunk at
/// a time in (origin, seq) order and handed over as bytes, and taken in exactly as `sync import`
/// takes a file (verified whole first, one transaction each). A chunk is bounded, so a write
/// never holds the library for long while a facilitator marks on the same laptop.
extension CourseStore {
    /// The ledger's "path" of a bundle taken in live: this, then the peer's label ("live from
    /// kiosk-door" in English, "en vivo desde kiosk-door" in Spanish: `SyncText`).
    public static let liveSource = "live:"

    /// At most `max` records of `courses` (all with nil) after `cursor` that `have` lacks, as a
    /// signed bundle; nil when none is lacking. `next` is where the following chunk starts (nil
    /// once every record was looked at).
    func peerBundle(
        courses: [String]?, lacking have: SyncVector.Ranges, after cursor: PeerCursor?, max: Int
    ) throws
        -> (bundle: Data?, records: Int, next: PeerCursor?)
    {
        // Every course: a plain read, which never holds the writer a facilitator marks through.
        // Some courses: the scope's temporary table needs the writer's connection.
        let body = { (db: Database) throws -> (records: [SyncRecord], next: PeerCursor?, key: OriginKey, label: String, codes: [String]) in
            guard let local = try SyncLocal.read(db) else { throw MusterError.database("this library has no sync origin") }
            if let courses {
                try self.checkCourses(db, courses)
                try SyncScope.prepare(db, courses: courses)
            }
            let scope = courses == nil ? "" : "AND gid IN (SELECT gid FROM temp.sync_scope)"
            let stretch = try db.cachedStatement(
                sql: "SELECT seq, body FROM sync_record WHERE origin = ? AND seq BETWEEN ? AND ? \(scope) ORDER BY seq")
            var records: [SyncRecord] = []
            var next: PeerCursor?
            search: for (origin, lo, hi) in try SyncVector.lacking(db, have: have, after: cursor) {
                let rows = try Row.fetchCursor(stretch, arguments: [origin, lo, hi])
                while let row = try rows.next() {
                    records.append(try SyncRecord.decode(row["body"]))
                    if records.count == max {
                        next = PeerCursor(origin: origin, seq: row["seq"])
                        break search
                    }
                }
            }
            let codes = try courses ?? String.fetchAll(db, sql: "SELECT code FROM course ORDER BY code")
            return (records, next, try OriginKey(rawPrivateKey: local.privateKey), local.label, codes)
        }
        let chunk = try courses == nil ? read(body) : syncSnapshot(body)
        guard !chunk.records.isEmpty else { return (nil, 0, nil) }
        var tally = BundleTally()
        chunk.records.forEach { tally.add($0) }
        let header = SyncBundleHeader(
            key: chunk.key, label: chunk.label, schema: Schema.all.last!.identifier, createdMs: clock().ms, courses: chunk.codes,
            tally: tally)
        let bytes = try PeerScratch.roundTrip { path in
            try BundleFile.write(header: header, records: chunk.records, key: chunk.key, to: path, passphrase: nil)
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return (bytes, chunk.records.count, chunk.next)
    }

    /// Takes in a bundle that arrived from `origin` over a live exchange: refused unless that
    /// origin signed it; then verified and imported like a file, named in the ledger by the
    /// peer's label (`liveSource`), which the status says in its reader's language.
    func peerTake(bundle: Data, from origin: String, label: String) throws -> SyncImportSummary {
        let shown = Self.liveSource + label
        return try PeerScratch.roundTrip { path in
            let file = try PrivateFileWriter(path: path)
            try file.file.write(bundle)
            try file.commit()
            let reader = try BundleReader(path: path, passphrase: nil)
            guard reader.header.origin == origin else {
                throw MusterError.invalid("the peer sent records signed by another device (\(reader.header.origin.prefix(8)))")
            }
            let summary = try importBundle(reader: reader, shown: shown, dryRun: false)
            // Screens in this process notice their own writer's commits by the generation.
            if summary.addedTotal > 0 { bumpGeneration() }
            return summary
        }
    }
}

/// A private folder for the bundles of a live exchange on their way in or out (0700, in the
/// system's temporary folder, removed at once): the bundle code reads and writes files, and
/// these bytes hold personal data.
enum PeerScratch {
    static func roundTrip<T>(_ body: (String) throws -> T) throws -> T {
        var template = Array((NSTemporaryDirectory() + "/muster-sync-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw MusterError.unreadable(path: NSTemporaryDirectory(), reason: "cannot make a private folder for the exchange")
        }
        let dir = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try body(dir + "/chunk.bundle")
    }
}
