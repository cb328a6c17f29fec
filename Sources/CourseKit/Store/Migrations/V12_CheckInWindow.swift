extension Migration {
    /// v12: how many minutes before a session's start the kiosk opens its check-in, per course
    /// (the course file's `check_in_opens_minutes`). 30 for every existing course, the default.
    static let v12CheckInWindow = Migration(
        "v12-check-in-window",
        sql: """
            ALTER TABLE course ADD COLUMN check_in_opens_minutes INTEGER NOT NULL DEFAULT 30
            """)
}
