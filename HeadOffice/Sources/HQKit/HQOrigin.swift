import CourseKit
import Foundation

/// The head office's own origin key: it signs the bundles `pull` writes, as a laptop signs its
/// exports. Made once, by `init`, and kept in `muster.meta`; whoever can read the database can
/// act as the head office, as whoever holds a laptop's file can act as that laptop.
enum HQOrigin {
    static func ensure(_ db: HQDatabase) async throws {
        let key = OriginKey().rawPrivateKey.base64EncodedString()
        try await db.query("INSERT INTO muster.meta (key, value) VALUES ('origin_key', \(key)) ON CONFLICT DO NOTHING")
    }

    static func key(_ db: HQDatabase) async throws -> OriginKey {
        guard let text = try await db.rows("SELECT value FROM muster.meta WHERE key = 'origin_key'").first?.first ?? nil,
            let raw = Data(base64Encoded: text)
        else { throw HQError("\(db.url.shown) has no head-office key: run muster-hq init") }
        return try OriginKey(rawPrivateKey: raw)
    }
}
