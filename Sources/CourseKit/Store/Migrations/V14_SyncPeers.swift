extension Migration {
    /// v14: the devices this library exchanges with over the network (`muster sync serve` /
    /// `sync with`). A peer is trusted by its Ed25519 origin key, pinned when it paired; a revoked
    /// peer keeps its row (so it is refused by name, not forgotten) until trusted again.
    static let v14SyncPeers = Migration(
        "v14-sync-peers",
        sql: """
            CREATE TABLE sync_peer (
                origin      TEXT PRIMARY KEY NOT NULL,
                public_key  BLOB NOT NULL,
                label       TEXT NOT NULL DEFAULT '',
                url         TEXT,
                paired_ms   INTEGER NOT NULL,
                revoked_ms  INTEGER,
                last_ms     INTEGER,
                last_result TEXT
            ) WITHOUT ROWID;
            """)
}
