extension Migration {
    /// v19: how the last exchange with a peer went, as words (`ChangeSummary`, JSON), so
    /// `muster sync peers` and the sync screen say it in the reader's language; the English
    /// sentence stays in `last_result` for tools that predate this. Exchanges noted before keep
    /// only their sentence (NULL here).
    static let v19SyncPeerResultWords = Migration(
        "v19-sync-peer-result-words",
        sql: """
            ALTER TABLE sync_peer ADD COLUMN last_said TEXT
            """)
}
