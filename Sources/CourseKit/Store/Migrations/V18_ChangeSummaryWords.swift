extension Migration {
    /// v18: a logged change's summary as words (`ChangeSummary`, JSON), so the trail, an undo's
    /// message and `muster audit` say it in the reader's language. Entries logged before keep
    /// only their English sentence (NULL here). The append-only trigger already lets an erasure
    /// rewrite it, as it does the sentence.
    static let v18ChangeSummaryWords = Migration(
        "v18-change-summary-words",
        sql: """
            ALTER TABLE change_log ADD COLUMN summary_words TEXT
            """)
}
