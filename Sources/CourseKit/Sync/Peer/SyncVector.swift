import Foundation
import GRDB

/// What a library holds, per origin, as ranges of sequence numbers: the "what do you have" of a
/// live exchange (`[[lo, hi], …]` per origin, the shape bundle headers and the ledger use).
///
/// Most origins are held without a gap (records arrive in order from their origin, or in whole
/// bundles), so one grouped pass over `sync_record`'s (origin, seq) index gives them as a single
/// range; only an origin whose count falls short of its span is walked for its islands.
enum SyncVector {
    typealias Ranges = [String: [[Int64]]]

    static func holdings(_ db: Database) throws -> Ranges {
        var result: Ranges = [:]
        var gapped: [String] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT origin, min(seq) AS lo, max(seq) AS hi, count(*) AS n FROM sync_record GROUP BY origin")
        {
            let origin: String = row["origin"], lo: Int64 = row["lo"], hi: Int64 = row["hi"], n: Int64 = row["n"]
            if n == hi - lo + 1 { result[origin] = [[lo, hi]] } else { gapped.append(origin) }
        }
        for origin in gapped {
            result[origin] = try Row.fetchAll(
                db,
                sql: """
                    SELECT min(seq) AS lo, max(seq) AS hi FROM (
                        SELECT seq, seq - row_number() OVER (ORDER BY seq) AS run FROM sync_record WHERE origin = ?)
                    GROUP BY run ORDER BY lo
                    """, arguments: [origin]
            ).map { [$0["lo"], $0["hi"]] }
        }
        return result
    }

    /// The origins held, by a loose index scan of `sync_record`'s (origin, seq) index: one probe
    /// per origin, not a pass over every record.
    static func origins(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE o(origin) AS (
                    SELECT min(origin) FROM sync_record
                    UNION ALL SELECT (SELECT min(origin) FROM sync_record WHERE origin > o.origin) FROM o WHERE o.origin IS NOT NULL)
                SELECT origin FROM o WHERE origin IS NOT NULL
                """)
    }

    /// The stretches of sequence numbers this library may hold and `have` lacks, in (origin, seq)
    /// order after `cursor`: per origin, 1 up to its highest held number, less `have`'s ranges.
    /// What a pull or push then reads by index range, so an exchange where the other side lacks
    /// nothing costs a probe per origin, not a pass over a million records.
    static func lacking(_ db: Database, have: Ranges, after cursor: PeerCursor?) throws -> [(origin: String, lo: Int64, hi: Int64)] {
        var out: [(origin: String, lo: Int64, hi: Int64)] = []
        for origin in try origins(db) {
            if let cursor, origin < cursor.origin { continue }
            guard let top = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM sync_record WHERE origin = ?", arguments: [origin])
            else { continue }
            var start: Int64 = cursor?.origin == origin ? cursor!.seq + 1 : 1
            for range in (have[origin] ?? []).sorted(by: { $0[0] < $1[0] }) where range[1] >= start {
                if range[0] > start { out.append((origin, start, Swift.min(range[0] - 1, top))) }
                start = Swift.max(start, range[1] + 1)
                if start > top { break }
            }
            if start <= top { out.append((origin, start, top)) }
        }
        return out.filter { $0.lo <= $0.hi }
    }

    /// A vector as it arrived from a peer, checked: origins are 32 hex digits, ranges are pairs
    /// with 1 ≤ lo ≤ hi, and there are not absurdly many. Nil when it is not that.
    static func checked(_ ranges: Ranges?, limit: Int = 200_000) -> Ranges? {
        guard let ranges else { return [:] }
        var total = 0
        for (origin, list) in ranges {
            total += list.count
            guard origin.utf8.count == 32, origin.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }), total <= limit,
                list.allSatisfy({ $0.count == 2 && 1 <= $0[0] && $0[0] <= $0[1] })
            else { return nil }
        }
        return ranges
    }
}
