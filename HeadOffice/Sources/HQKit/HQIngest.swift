import CourseKit
import Foundation

/// What one bundle brought.
public struct HQIngestSummary: Sendable {
    public var file: String
    public var bundleID: String
    /// The device that wrote it, as it names itself.
    public var from: String
    public var records: Int
    /// Records new to the head office.
    public var added = 0
    /// Records the head office held already.
    public var skipped = 0
    /// Records refused (another record here with the same id or number), one line each.
    public var refused: [String] = []
    public var alreadyIngested = false
    /// Courses whose verdicts were worked out again.
    public var courses = 0
}

/// Taking in sync bundles: verified as the laptop verifies them (`BundleReader`), copied into a
/// staging table, then inserted if absent by record id, merged by the same per-field rule as the
/// laptop (`field`, `supersede`), scrubbed after erasures as the laptop scrubs (a scrubbed copy
/// replacing its original, `HQScrubbedCopies`), and the verdicts
/// of the courses touched worked out again with CourseKit's rules. One transaction per bundle:
/// a refused, dropped or killed ingest leaves nothing of it. The result is a function of the set
/// of records, so bundles in any order, or twice, give the same database.
public enum HQIngest {
    public static func ingest(
        _ db: HQDatabase, path: String, passphrase: String?, progress: ProgressReporter = .silent
    ) async throws -> HQIngestSummary {
        let name = NameSanitizer.clean((path as NSString).lastPathComponent)
        let reader = try BundleReader(path: path, passphrase: passphrase)
        let header = reader.header
        guard CourseStore.readsSchema(header.schema) else {
            throw HQError("\(name) was written by a newer Muster; update muster-hq to read it")
        }
        var summary = HQIngestSummary(
            file: name, bundleID: header.bundleID, from: NameSanitizer.clean(header.label), records: reader.recordCount)
        return try await db.transaction { db in
            try await db.execute("SELECT pg_advisory_xact_lock(\(HQSchema.ingestKey))")
            if !(try await db.rows("SELECT 1::text FROM muster.bundle WHERE bundle_id = \(header.bundleID)")).isEmpty {
                summary.alreadyIngested = true
                summary.skipped = reader.recordCount
                return summary
            }
            try await stage(db, reader, progress: progress)
            progress("merging", 0, of: nil, "")
            summary.refused = try await refusals(db)
            try await db.execute(
                """
                CREATE TEMP TABLE fresh (id text PRIMARY KEY, kind text, entity text, gid text) ON COMMIT DROP;
                """)
            try await db.query(
                """
                WITH ins AS (
                    INSERT INTO muster.record (id, origin, seq, hlc, kind, entity, gid, body, bundle_id)
                    SELECT id, origin, seq, hlc, kind, entity, gid, body, \(header.bundleID) FROM stage
                    -- A record already here, or twice in the bundle, is taken once.
                    ON CONFLICT DO NOTHING RETURNING id, kind, entity, gid)
                INSERT INTO fresh SELECT * FROM ins
                """)
            summary.added = try await db.int("SELECT count(*)::text FROM fresh")
            summary.skipped = summary.records - summary.added - summary.refused.count
            try await HQScrubbedCopies.take(db)
            try await HQErasure.take(db)
            try await merge(db)
            // A big bundle changes the tables' shape: fresh statistics keep the per-course
            // lookups below on their indexes (ANALYZE sees this transaction's rows).
            if summary.added > 10_000 { try await db.execute("ANALYZE muster.entity;\nANALYZE muster.event") }
            let courses = try await HQVerdicts.touchedCourses(db)
            for (i, course) in courses.enumerated() {
                try await HQVerdicts.recompute(db, course: course)
                progress("working out verdicts", i + 1, of: courses.count, "courses")
            }
            summary.courses = courses.count
            try await db.query(
                """
                INSERT INTO muster.origin (origin, public_key, label) VALUES (\(header.origin), \(header.publicKey), \(summary.from))
                ON CONFLICT (origin) DO UPDATE SET last_seen = now(),
                    label = CASE WHEN excluded.label <> '' THEN excluded.label ELSE muster.origin.label END
                """)
            try await db.query(
                """
                INSERT INTO muster.bundle (bundle_id, origin, label, courses, records, added, sha256, file, written_ms)
                VALUES (\(header.bundleID), \(header.origin), \(summary.from), \(header.courses.joined(separator: " ")),
                        \(summary.records), \(summary.added), \(reader.sha256), \(name), \(header.createdMs))
                """)
            return summary
        }
    }

    /// COPY of every record into a temporary staging table, streamed.
    static func stage(_ db: HQDatabase, _ reader: BundleReader, progress: ProgressReporter) async throws {
        try await db.execute(
            """
            CREATE TEMP TABLE stage (
                id text, origin text, seq bigint, hlc bigint, kind text, entity text, gid text, body text
            ) ON COMMIT DROP;
            """)
        try await db.copy(into: "stage", columns: ["id", "origin", "seq", "hlc", "kind", "entity", "gid", "body"]) { put in
            try BundleCopyText.write(reader, progress: progress, to: put)
        }
        try await db.execute("ANALYZE stage")
    }

    /// Records the head office holds with other content under the same id, or another record
    /// under the same origin and number: kept as they are here, and named, as the laptop does.
    /// A scrubbed record and its original are the same record (the scrub keeps its hash).
    static func refusals(_ db: HQDatabase) async throws -> [String] {
        let rows = try await db.rows(
            """
            SELECT s.id, s.origin, s.seq::text, 'id' FROM stage s JOIN muster.record r ON r.id = s.id
            WHERE r.body <> s.body
              AND coalesce(r.body::jsonb->>'hash', encode(sha256(convert_to(r.body, 'UTF8')), 'hex'))
               <> coalesce(s.body::jsonb->>'hash', encode(sha256(convert_to(s.body, 'UTF8')), 'hex'))
            UNION ALL
            SELECT s.id, s.origin, s.seq::text, r.id FROM stage s JOIN muster.record r ON r.origin = s.origin AND r.seq = s.seq
            WHERE r.id <> s.id
            """)
        return rows.map { row in
            let (id, origin, seq, other) = (row[0] ?? "", row[1] ?? "", row[2] ?? "", row[3] ?? "")
            return other == "id"
                ? "record \(GlobalID.short(id)) of \(origin.prefix(8)) #\(seq) differs from the one here with that id; kept the one here"
                : "\(origin.prefix(8)) #\(seq) is another record here (\(GlobalID.short(other))); kept the one here"
        }
    }

    /// The merge's working set for the new records, then the merged values of what they touched.
    /// The per-field rule is the laptop's (`SyncMerge`): heads are the values no record named in
    /// `prev` (a clock-0 value is replaced by any edit); the current value is the head with the
    /// greatest (clock, origin, record id), compared byte by byte.
    static func merge(_ db: HQDatabase) async throws {
        try await db.execute(
            """
            INSERT INTO muster.field (gid, field, record_id, entity, hlc, origin, value)
            SELECT r.gid, f.key, r.id, r.entity, r.hlc, r.origin, f.value
            FROM fresh x JOIN muster.record r ON r.id = x.id, jsonb_each(r.body::jsonb->'fields') f
            WHERE r.kind = 'put'
            ON CONFLICT DO NOTHING;
            INSERT INTO muster.supersede (gid, field, record_id, by_record)
            SELECT r.gid, p.key, replaced, r.id
            FROM fresh x JOIN muster.record r ON r.id = x.id, jsonb_each(r.body::jsonb->'prev') p,
                 jsonb_array_elements_text(p.value) replaced
            WHERE r.kind = 'put' AND (r.body::jsonb->'fields') ? p.key
            ON CONFLICT DO NOTHING;
            CREATE TEMP TABLE touched ON COMMIT DROP AS
                SELECT DISTINCT gid, entity FROM fresh WHERE kind IN ('put', 'redacted', 'erase');
            ANALYZE touched;
            UPDATE muster.field f SET superseded = true FROM muster.supersede s
            WHERE s.gid = f.gid AND s.field = f.field AND s.record_id = f.record_id AND NOT f.superseded
              AND f.gid IN (SELECT gid FROM touched);
            UPDATE muster.field f SET superseded = true
            WHERE f.hlc = 0 AND NOT f.superseded AND f.gid IN (SELECT gid FROM touched)
              AND EXISTS (SELECT 1 FROM muster.field g WHERE g.gid = f.gid AND g.field = f.field AND g.hlc > 0);
            INSERT INTO muster.entity (gid, entity, fields)
            SELECT gid, min(entity), jsonb_object_agg(field, value) FROM (
                SELECT DISTINCT ON (gid, field) gid, field, entity, value FROM muster.field
                WHERE gid IN (SELECT gid FROM touched) AND NOT superseded
                ORDER BY gid, field, hlc DESC, origin COLLATE "C" DESC, record_id COLLATE "C" DESC
            ) heads GROUP BY gid
            ON CONFLICT (gid) DO UPDATE SET fields = excluded.fields, entity = excluded.entity;
            INSERT INTO muster.event (id, session_gid, person_gid, status, recorded_ms, arrival_ms, source, undoes)
            SELECT x.gid, b->'fields'->>'session', b->'fields'->>'person', b->'fields'->>'status',
                   (b->'fields'->>'recorded_ms')::bigint,
                   CASE WHEN jsonb_typeof(b->'fields'->'arrival_ms') = 'number' THEN (b->'fields'->>'arrival_ms')::bigint END,
                   coalesce(b->'fields'->>'source', ''), nullif(b->'fields'->>'undoes', '')
            FROM fresh x JOIN muster.record r ON r.id = x.id, LATERAL (SELECT r.body::jsonb AS b) j
            WHERE x.kind = 'event' AND jsonb_typeof(b->'fields'->'session') = 'string'
              AND jsonb_typeof(b->'fields'->'person') = 'string' AND jsonb_typeof(b->'fields'->'status') = 'string'
              AND jsonb_typeof(b->'fields'->'recorded_ms') = 'number'
            ON CONFLICT DO NOTHING;
            """)
    }
}
