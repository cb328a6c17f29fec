extension Migration {
    /// v2: `course.short_title`, a shorter name for the course ('' when it has none).
    static let v02CourseShortTitle = Migration(
        "v2-course-short-title",
        sql: """
            ALTER TABLE course ADD COLUMN short_title TEXT NOT NULL DEFAULT ''
            """)
}
