extension Migration {
    /// v27: `sync_record_by_course`, the course a course part's record names, read from its body.
    ///
    /// An entity written once keeps its fields in its record's body, not in `sync_field`
    /// (`SyncRecordWrites.materializeFields`), so a bundle of one course found the sessions,
    /// nominations, course agencies and quotas written once by reading every record's body:
    /// 0.3 s of a 100,000-person library for a course of any size (a 1,255-record course took
    /// 1.1 s to export, 0.35 s before). This index answers it with the course's own entries
    /// (`SyncScope`); the query must say the same expression and at least this `WHERE`.
    static let v27SyncRecordByCourse = Migration(
        "v27-sync-record-by-course",
        sql: """
            CREATE INDEX sync_record_by_course ON sync_record (json_extract(CAST(body AS TEXT), '$.fields.course_id'))
                WHERE kind = 'put' AND entity IN ('session', 'enrolment', 'course_agency', 'quota');
            """)
}
