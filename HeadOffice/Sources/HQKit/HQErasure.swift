import CourseKit
import Foundation

/// Erasure at the head office, as on a laptop (`SyncErasure`): a person's erasure wins over
/// every other record of them. Their own records become `redacted` stubs and the notes in their
/// nominations' and events' records are emptied, each keeping the hash of what it was; records
/// about them that arrive later are stored scrubbed. The scrubbing itself is CourseKit's
/// (`SyncRecord.redacted`, `SyncRecord.noteScrubbed`), so the stored bytes match a laptop's.
enum HQErasure {
    /// After the bundle's records are in `muster.record` and listed in `fresh`.
    static func take(_ db: HQDatabase) async throws {
        let newly = try await db.rows(
            """
            INSERT INTO muster.erased (gid, record_id, fields)
            SELECT r.gid, r.id, coalesce(r.body::jsonb->'fields', '{}'::jsonb)
            FROM fresh x JOIN muster.record r ON r.id = x.id WHERE x.kind = 'erase'
            ON CONFLICT DO NOTHING RETURNING gid
            """
        ).compactMap { $0[0] }
        let anyErased = !(try await db.rows("SELECT 1::text FROM muster.erased LIMIT 1")).isEmpty
        guard anyErased else { return }
        // What to scrub: new records about anyone erased, and every record about the newly erased.
        let candidates = try await db.rows(
            """
            SELECT r.id, r.body FROM fresh x JOIN muster.record r ON r.id = x.id
            WHERE x.kind = 'put' AND x.entity = 'person' AND x.gid IN (SELECT gid FROM muster.erased)
            UNION ALL
            SELECT r.id, r.body FROM muster.record r
            WHERE r.kind = 'put' AND r.entity = 'person' AND r.gid = ANY(\(newly))
            UNION ALL
            SELECT r.id, r.body FROM fresh x JOIN muster.record r ON r.id = x.id
            WHERE x.kind = 'event' AND r.body::jsonb->'fields'->>'person' IN (SELECT gid FROM muster.erased)
            UNION ALL
            SELECT r.id, r.body FROM muster.event e JOIN muster.record r ON r.id = e.id
            WHERE e.person_gid = ANY(\(newly))
            UNION ALL
            SELECT r.id, r.body FROM fresh x JOIN muster.record r ON r.id = x.id
            LEFT JOIN muster.entity n ON n.gid = x.gid
            WHERE x.kind = 'put' AND x.entity = 'enrolment'
              AND coalesce(r.body::jsonb->'fields'->>'person_id', n.fields->>'person_id') IN (SELECT gid FROM muster.erased)
            UNION ALL
            SELECT r.id, r.body FROM muster.entity n JOIN muster.record r ON r.gid = n.gid AND r.kind = 'put'
            WHERE n.entity = 'enrolment' AND n.fields->>'person_id' = ANY(\(newly))
            """)
        var done: Set<String> = []
        for row in candidates {
            guard let id = row[0], let body = row[1], done.insert(id).inserted else { continue }
            let record = try SyncRecord.decode(Data(body.utf8))
            let scrubbed: SyncRecord?
            if record.kind == .put && record.entity == "person" {
                scrubbed = record.redacted
            } else {
                scrubbed = record.noteScrubbed
            }
            guard let scrubbed else { continue }
            let text = String(decoding: scrubbed.canonicalJSON, as: UTF8.self)
            try await db.query("UPDATE muster.record SET body = \(text), kind = \(scrubbed.kind.rawValue) WHERE id = \(id)")
            try await db.query("UPDATE fresh SET kind = \(scrubbed.kind.rawValue) WHERE id = \(id)")
        }
        guard !newly.isEmpty else { return }
        // The merge's copies of their values go too; the rows stay so the heads stay true.
        try await db.query("UPDATE muster.field SET value = NULL WHERE gid = ANY(\(newly))")
        try await db.query(
            """
            UPDATE muster.field f SET value = '""'::jsonb FROM muster.entity n
            WHERE f.gid = n.gid AND f.field = 'note' AND n.entity = 'enrolment' AND n.fields->>'person_id' = ANY(\(newly))
            """)
    }
}
