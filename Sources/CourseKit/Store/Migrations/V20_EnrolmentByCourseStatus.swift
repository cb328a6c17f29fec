extension Migration {
    /// v20: enrolments by course and status, the course list's "expected" count. Counted on the
    /// roster index's status index, each entry carried the whole roster row (eleven columns):
    /// 45–60 of the 100,000-person library's 64–82 ms for the list's summaries. On this narrow
    /// index the count is about 5 ms for all 1,000 courses, and a mark never touches it (only a
    /// nomination's status or a new enrolment does).
    static let v20EnrolmentByCourseStatus = Migration(
        "v20-enrolment-by-course-status",
        sql: """
            CREATE INDEX enrolment_by_course_status ON enrolment(course_id, status)
            """)
}
