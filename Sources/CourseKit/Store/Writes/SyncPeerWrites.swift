import Foundation
import GRDB

/// Writes to `sync_peer`, the devices this library exchanges with live: paired (trusted by
/// key), revoked, and how the last exchange with each went. Local to this library: not synced
/// (another device's trust is its own decision).
enum SyncPeerWrites {
    /// Trusts `publicKey` (its origin is derived from it): a new peer, or a revoked one trusted again.
    static func trust(_ db: Database, publicKey: Data, label: String, url: String?, atMs: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_peer (origin, public_key, label, url, paired_ms) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(origin) DO UPDATE SET revoked_ms = NULL, label = excluded.label,
                    url = coalesce(excluded.url, url), paired_ms = excluded.paired_ms
                """,
            arguments: [OriginKey.origin(ofPublicKey: publicKey), publicKey, NameSanitizer.clean(label), url, atMs])
    }

    static func revoke(_ db: Database, origin: String, atMs: Int64) throws {
        try db.execute(sql: "UPDATE sync_peer SET revoked_ms = ? WHERE origin = ?", arguments: [atMs, origin])
    }

    /// Notes an exchange with a peer: when, where it was reached, its label now, and a one-line
    /// result, as words and as its English sentence.
    static func noteExchange(_ db: Database, origin: String, label: String, url: String?, atMs: Int64, result: ChangeSummary) throws {
        try db.execute(
            sql: """
                UPDATE sync_peer SET last_ms = ?, last_result = ?, last_said = ?, label = ?, url = coalesce(?, url) WHERE origin = ?
                """, arguments: [atMs, result.text(in: .en), result.json, NameSanitizer.clean(label), url, origin])
    }
}
