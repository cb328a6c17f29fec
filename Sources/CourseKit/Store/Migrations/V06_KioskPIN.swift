extension Migration {
    /// v6: one PIN per course: the only way out of that course's kiosk.
    static let v06KioskPIN = Migration(
        "v6-kiosk-pin",
        sql: """
            CREATE TABLE kiosk_pin (
                course_id  INTEGER PRIMARY KEY REFERENCES course(id) ON DELETE CASCADE,
                salt       BLOB NOT NULL,
                hash       BLOB NOT NULL,
                iterations INTEGER NOT NULL,
                set_at_ms  INTEGER NOT NULL
            )
            """)
}
