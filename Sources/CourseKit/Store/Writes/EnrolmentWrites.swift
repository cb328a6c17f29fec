import GRDB

/// Writes to `enrolment`: a person's place on a course's roster. The triggers on this table keep
/// `roster_index` and `session_tally`; a big roster import suspends them (`DerivedRoster`) around
/// its calls to `insert` and rebuilds those rows set-wise instead.
public enum EnrolmentWrites: TableWrites {
    static let table = "enrolment"

    /// Puts a person on a course's roster and returns the enrolment id. `position` nil puts them
    /// last. One cached statement, so a bulk import or generator calling this per row pays for
    /// binding only.
    @discardableResult
    public static func insert(
        _ db: Database, courseID: Int64, personID: Int64, position: Int? = nil, role: Role,
        nominatedBy: Int64? = nil, status: NominationStatus, substitutedBy: Int64? = nil,
        note: String = ""
    ) throws -> Int64 {
        let position = try position ?? nextPosition(db, courseID: courseID)
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO enrolment (course_id, person_id, position, role, nominated_by, status, substituted_by, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            courseID, personID, position, role.rawValue, nominatedBy, status.rawValue,
            substitutedBy, StoredText.clean(note),
        ])
        return db.lastInsertedRowID
    }

    /// The position after the last one on the course's roster (0 on an empty one).
    static func nextPosition(_ db: Database, courseID: Int64) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT max(position) FROM enrolment WHERE course_id = ?", arguments: [courseID]) ?? -1) + 1
    }

    /// Rewrites columns of one enrolment (a course file's values, an edit on the screens).
    static func update(_ db: Database, id: Int64, _ values: [String: (any DatabaseValueConvertible)?]) throws {
        var values = values
        if let note = values["note"] as? String { values["note"] = StoredText.clean(note) }
        try updateColumns(db, id: id, values)
    }

    /// Moves an enrolment to another nomination status, naming the substitute for `substituted`
    /// (nil clears it).
    static func setStatus(_ db: Database, id: Int64, _ status: NominationStatus, substitutedBy: Int64?) throws {
        try updateColumns(db, id: id, ["status": status.rawValue, "substituted_by": substitutedBy])
    }

    static func delete(_ db: Database, id: Int64) throws {
        try deleteRow(db, id: id)
    }

    static func delete(_ db: Database, courseID: Int64, personID: Int64) throws {
        try db.execute(sql: "DELETE FROM enrolment WHERE course_id = ? AND person_id = ?", arguments: [courseID, personID])
    }

    /// Empties a course's roster (the course is being deleted).
    static func deleteAll(_ db: Database, courseID: Int64) throws {
        try db.execute(sql: "DELETE FROM enrolment WHERE course_id = ?", arguments: [courseID])
    }

    /// Clears an erased person's notes on every roster; returns how many enrolments they had.
    static func clearNotes(_ db: Database, personID: Int64) throws -> Int {
        try db.execute(sql: "UPDATE enrolment SET note = '' WHERE person_id = ?", arguments: [personID])
        return db.changesCount
    }
}
