import GRDB

/// Writes to `course`. Text arrives sanitised: the course file importer and the editors each
/// clean and validate field by field, as the screens need to name the field that is wrong.
public enum CourseWrites: TableWrites {
    static let table = "course"

    /// Adds a course; returns its id.
    @discardableResult
    public static func insert(_ db: Database, _ course: Course) throws -> Int64 {
        try insertColumns(db, course.columns)
    }

    static func update(_ db: Database, id: Int64, _ course: Course) throws {
        try updateColumns(db, id: id, course.columns)
    }

    /// Deletes a course and what hangs off it (roster, quotas, agency links, sessions), children
    /// first. The caller has checked it has no attendance.
    static func delete(_ db: Database, id: Int64) throws {
        try EnrolmentWrites.deleteAll(db, courseID: id)
        try QuotaWrites.deleteAll(db, courseID: id)
        try CourseAgencyWrites.deleteAll(db, courseID: id)
        try SessionWrites.deleteAll(db, courseID: id)
        try deleteRow(db, id: id)
    }
}
