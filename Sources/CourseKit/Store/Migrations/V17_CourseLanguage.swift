extension Migration {
    /// v17: the language a course's kiosk, reports, certificates and sign-in sheets speak by
    /// default (the course file's `language:`, `Language`'s codes); empty when the file sets none.
    static let v17CourseLanguage = Migration(
        "v17-course-language",
        sql: """
            ALTER TABLE course ADD COLUMN language TEXT NOT NULL DEFAULT ''
            """)
}
