extension Migration {
    /// v9: how long a course's people are kept after it ends ("5 years"); '' when no rule was
    /// set. Text in RetentionPeriod's canonical form, as the course file writes it.
    static let v09CourseRetention = Migration(
        "v9-course-retention",
        sql: """
            ALTER TABLE course ADD COLUMN retention TEXT NOT NULL DEFAULT ''
            """)
}
