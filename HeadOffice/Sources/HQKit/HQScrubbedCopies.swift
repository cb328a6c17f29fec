import Foundation

/// A laptop that erased someone scrubs the records that named them in others' words (a note, a
/// facilitator list), each keeping its id and the hash of what it was (`FreeTextScrub`). The
/// head office may hold the original from another device's bundle: the scrubbed copy replaces
/// it, an original arriving after the copy changes nothing, and two different scrubs of one
/// record settle on the smaller body, byte for byte, so the records held do not depend on the
/// order of ingest. This is CourseKit's rule (`SyncScrubbedCopy`), in SQL.
enum HQScrubbedCopies {
    /// After the bundle's new records are in `fresh`: replaces held records by their scrubbed
    /// copies in `stage`, with their fields' stored values, and lists them in `fresh` so the
    /// merge works out their entities again.
    static func take(_ db: HQDatabase) async throws {
        try await db.execute(
            """
            WITH better AS (
                SELECT DISTINCT ON (s.id) s.id, s.body FROM stage s JOIN muster.record r ON r.id = s.id
                WHERE s.kind = r.kind AND s.kind IN ('put', 'event') AND r.body <> s.body AND s.body::jsonb ? 'hash'
                  AND s.body::jsonb->>'hash'
                      = coalesce(r.body::jsonb->>'hash', encode(sha256(convert_to(r.body, 'UTF8')), 'hex'))
                  AND (NOT r.body::jsonb ? 'hash' OR convert_to(s.body, 'UTF8') < convert_to(r.body, 'UTF8'))
                ORDER BY s.id, convert_to(s.body, 'UTF8')
            ), replaced AS (
                UPDATE muster.record r SET body = b.body FROM better b WHERE r.id = b.id
                RETURNING r.id, r.kind, r.entity, r.gid, r.body
            ), fields AS (
                UPDATE muster.field f SET value = x.body::jsonb->'fields'->f.field
                FROM replaced x
                WHERE x.kind = 'put' AND f.record_id = x.id AND f.gid = x.gid AND x.body::jsonb->'fields' ? f.field
                RETURNING 1
            )
            INSERT INTO fresh SELECT id, kind, entity, gid FROM replaced ON CONFLICT DO NOTHING
            """)
    }
}
