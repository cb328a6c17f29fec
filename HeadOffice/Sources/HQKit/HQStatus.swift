import CourseKit
import Foundation

/// What the head office holds: courses, devices (origins) with the record numbers held and the
/// gaps between them, and the last bundles taken in.
public struct HQStatus: Sendable {
    public struct CourseLine: Sendable {
        public var code: String, title: String, dates: String, sessions: Int, trainees: Int, events: Int
    }
    public struct OriginLine: Sendable {
        public var origin: String, label: String, ranges: [ClosedRange<Int64>], lastSeen: String
        /// Numbers missing below the highest held: records of that device not here yet.
        public var gaps: [ClosedRange<Int64>] {
            var out: [ClosedRange<Int64>] = []
            var next: Int64 = 1
            for r in ranges {
                if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
                next = r.upperBound + 1
            }
            return out
        }
    }
    public struct BundleLine: Sendable {
        public var at: String, file: String, from: String, records: Int, added: Int
    }
    public var server: String
    public var schema: Int
    public var records: Int
    public var courses: [CourseLine]
    public var origins: [OriginLine]
    public var bundles: [BundleLine]

    public static func read(_ db: HQDatabase) async throws -> HQStatus {
        try await HQSchema.check(db)
        return try await db.transaction { db in
            try await db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            let courses = try await db.rows(
                """
                SELECT c.code, c.title, c.start_date, c.end_date,
                       (SELECT count(*) FROM muster.session_now s WHERE s.course_gid = c.gid)::text,
                       (SELECT count(*) FROM muster.trainee t WHERE t.course_gid = c.gid)::text,
                       (SELECT count(*) FROM muster.event e JOIN muster.session_now s ON s.gid = e.session_gid
                        WHERE s.course_gid = c.gid)::text
                FROM muster.course_now c ORDER BY c.start_date, c.code
                """
            ).map { r in
                CourseLine(
                    code: r[0] ?? "", title: NameSanitizer.clean(r[1] ?? ""),
                    dates: CalendarDate.rangeText(HQReport.date(r[2]), HQReport.date(r[3])), sessions: HQReport.int(r[4]),
                    trainees: HQReport.int(r[5]), events: HQReport.int(r[6]))
            }
            // Runs of consecutive numbers per origin (gaps and islands).
            var ranges: [String: [ClosedRange<Int64>]] = [:]
            for r in try await db.rows(
                """
                SELECT origin, min(seq)::text, max(seq)::text FROM (
                    SELECT origin, seq, seq - row_number() OVER (PARTITION BY origin ORDER BY seq) AS run FROM muster.record
                ) runs GROUP BY origin, run ORDER BY origin, min(seq)
                """)
            {
                guard let origin = r[0], let lo = Int64(r[1] ?? ""), let hi = Int64(r[2] ?? "") else { continue }
                ranges[origin, default: []].append(lo...hi)
            }
            var labels: [String: (String, String)] = [:]
            for r in try await db.rows(
                "SELECT origin, label, to_char(last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM muster.origin")
            {
                labels[r[0] ?? ""] = (NameSanitizer.clean(r[1] ?? ""), r[2] ?? "")
            }
            let origins = ranges.keys.map { o in
                OriginLine(origin: o, label: labels[o]?.0 ?? "", ranges: ranges[o]!, lastSeen: labels[o]?.1 ?? "")
            }.sorted { ($0.label, $0.origin) < ($1.label, $1.origin) }
            let bundles = try await db.rows(
                """
                SELECT to_char(ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), file, label, records::text, added::text
                FROM muster.bundle ORDER BY ingested_at DESC, bundle_id LIMIT 10
                """
            ).map { r in
                BundleLine(
                    at: r[0] ?? "", file: NameSanitizer.clean(r[1] ?? ""), from: NameSanitizer.clean(r[2] ?? ""),
                    records: HQReport.int(r[3]), added: HQReport.int(r[4]))
            }
            return HQStatus(
                server: db.url.shown, schema: try await db.int("SELECT max(version)::text FROM muster.migration"),
                records: try await db.int("SELECT count(*)::text FROM muster.record"), courses: courses, origins: origins,
                bundles: bundles)
        }
    }
}

extension HQDatabase {
    /// `SyncRecordsDigest` of every record the head office holds: equal to a laptop library's
    /// `syncRecordsDigest()` when both hold the same records with the same bytes.
    public func recordsDigest() async throws -> String {
        var records: [(id: String, body: Data)] = []
        try await forEachRow("SELECT id, body FROM muster.record") { row in
            records.append((row[0] ?? "", Data((row[1] ?? "").utf8)))
        }
        return SyncRecordsDigest.compute(records)
    }
}
