extension Migration {
    /// v5: a walk-in merged into an existing person keeps their row (their kiosk check-ins
    /// point at it and the log is never rewritten) and says who they turned out to be.
    static let v05PersonMergedInto = Migration(
        "v5-person-merged-into",
        sql: """
            ALTER TABLE person ADD COLUMN merged_into INTEGER REFERENCES person(id)
            """)
}
