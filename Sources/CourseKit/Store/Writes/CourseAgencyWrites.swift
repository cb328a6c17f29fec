import GRDB

/// Writes to `course_agency`: the agencies a course lists, in order.
public enum CourseAgencyWrites: TableWrites {
    static let table = "course_agency"
    static var key: String { "rowid" }

    public static func insert(_ db: Database, courseID: Int64, agencyID: Int64, position: Int) throws {
        try db.execute(
            sql: "INSERT INTO course_agency(course_id, agency_id, position) VALUES (?, ?, ?)",
            arguments: [courseID, agencyID, position])
    }

    static func deleteAll(_ db: Database, courseID: Int64) throws {
        try db.execute(sql: "DELETE FROM course_agency WHERE course_id = ?", arguments: [courseID])
    }
}
