import GRDB

/// Writes to `course`, `session`, `agency` and the course's links to agencies and its quotas:
/// what a course file, the screens and the generators create. Text arrives sanitised (the
/// course file importer and the editors each clean and validate field by field).
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

/// Writes to `session`, by column (the stored position and time-zone override are not in `Session`).
public enum SessionWrites: TableWrites {
    static let table = "session"

    /// Adds a session from its columns (`course_id`, `key`, `position`, `title`, `kind`,
    /// `start_ms`, `end_ms`, …); returns its id.
    @discardableResult
    public static func insert(_ db: Database, _ columns: [String: (any DatabaseValueConvertible)?]) throws -> Int64 {
        try insertColumns(db, columns)
    }

    static func update(_ db: Database, id: Int64, _ columns: [String: (any DatabaseValueConvertible)?]) throws {
        try updateColumns(db, id: id, columns)
    }

    static func delete(_ db: Database, id: Int64) throws {
        try deleteRow(db, id: id)
    }

    static func deleteAll(_ db: Database, courseID: Int64) throws {
        try db.execute(sql: "DELETE FROM session WHERE course_id = ?", arguments: [courseID])
    }
}

/// Writes to `agency`.
public enum AgencyWrites: TableWrites {
    static let table = "agency"

    /// Adds an agency (whose `id` is ignored); returns its id.
    @discardableResult
    public static func insert(_ db: Database, _ agency: Agency) throws -> Int64 {
        try insertColumns(db, columns(agency))
    }

    static func update(_ db: Database, id: Int64, _ agency: Agency) throws {
        try updateColumns(db, id: id, columns(agency))
    }

    /// The id of the agency with `code`, nil when there is none.
    public static func id(_ db: Database, code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE code = ?", arguments: [code])
    }

    static func columns(_ a: Agency) -> [String: (any DatabaseValueConvertible)?] {
        ["code": a.code, "name": a.name, "acronym": a.acronym, "kind": a.kind.rawValue, "country": a.country]
    }
}

/// Writes to `course_agency`: the agencies a course lists, in order.
public enum CourseAgencyWrites: TableWrites {
    static let table = "course_agency"
    static var key: String { "rowid" }

    public static func insert(_ db: Database, courseID: Int64, agencyID: Int64, position: Int) throws {
        try db.execute(sql: "INSERT INTO course_agency(course_id, agency_id, position) VALUES (?, ?, ?)",
                       arguments: [courseID, agencyID, position])
    }

    static func deleteAll(_ db: Database, courseID: Int64) throws {
        try db.execute(sql: "DELETE FROM course_agency WHERE course_id = ?", arguments: [courseID])
    }
}

/// Writes to `quota`: a course's limits per country or agency.
enum QuotaWrites: TableWrites {
    static let table = "quota"
    static var key: String { "rowid" }

    static func insert(_ db: Database, courseID: Int64, scope: QuotaScope, key: String, limit: Int, position: Int) throws {
        try db.execute(sql: "INSERT INTO quota(course_id, scope, key, lim, position) VALUES (?, ?, ?, ?, ?)",
                       arguments: [courseID, scope.rawValue, key, limit, position])
    }

    static func deleteAll(_ db: Database, courseID: Int64) throws {
        try db.execute(sql: "DELETE FROM quota WHERE course_id = ?", arguments: [courseID])
    }
}
