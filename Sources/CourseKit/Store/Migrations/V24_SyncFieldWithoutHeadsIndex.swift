extension Migration {
    /// v24: `sync_field` loses its second index, `sync_field_heads(gid, field, superseded)`.
    ///
    /// Every read of `sync_field` looks up an entity (`gid`), or an entity's field, which the
    /// table's own key `(gid, field, record_id)` answers: the table is `WITHOUT ROWID`, so a key
    /// lookup lands on the whole row, where the index found the row's key and then looked it
    /// up again. The index only cost: after a 100,000-person roster import it held 186 of the
    /// library's 839 MB, and every field of every record was written into it a second time.
    /// `EXPLAIN QUERY PLAN`: an entity's heads and its conflicts now search the primary key; the
    /// whole-library conflict scan reads the table, as it did with the index.
    static let v24SyncFieldWithoutHeadsIndex = Migration(
        "v24-sync-field-without-heads-index",
        sql: """
            DROP INDEX sync_field_heads;
            """)
}
