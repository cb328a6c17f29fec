import Foundation
import GRDB

// Every write to a table goes through one function, which is what lets sync record it.
//
// Each table Muster writes has a small type in this folder (`PersonWrites`, `EnrolmentWrites`,
// `AttendanceEventWrites`, …) holding that table's INSERT, UPDATE and DELETE statements; no other
// code runs them. The rules of a table are kept there once: sanitising and NFC, a person's sort
// key and search tokens. Sync will record each change in these functions, so a write that
// bypasses them is a change another device never hears of. `attendance_mark` is derived by
// `MarkRule` in `AttendanceMarkWrites`, called by the log's writer; the triggers that count
// (`roster_index`'s totals, `session_tally`) are schema, not writers.

/// The row-level plumbing the per-table types share. Only types in this folder conform, so the
/// column-dictionary INSERT and UPDATE below are never called on a table from outside it.
protocol TableWrites {
    static var table: String { get }
    /// `id`, or `rowid` for the link tables whose key is composite (their rowid is stable while the row lives).
    static var key: String { get }
    /// Writes back a row as a change-log snapshot holds it (undo). Tables with derived rows of
    /// their own (a person's name tokens) do that work too.
    static func restore(_ db: Database, _ values: [String: DatabaseValue]) throws
}

extension TableWrites {
    static var key: String { "id" }

    // The statements below are kept compiled (`cachedStatement`, keyed by their text): one on a
    // table with triggers compiles every trigger too, and a sync import writes its 200,000 rows
    // with a handful of column sets. Compiling each was about a third of a 100k bundle's import.

    /// INSERT of a column dictionary; returns the new row id.
    static func insertColumns(_ db: Database, _ values: [String: (any DatabaseValueConvertible)?]) throws -> Int64 {
        let keys = values.keys.sorted()
        let sql = "INSERT INTO \(table) (\(keys.joined(separator: ", "))) VALUES (\(keys.map { _ in "?" }.joined(separator: ", ")))"
        // Typed: passed straight to `execute(arguments:)`, whose parameter is optional, the
        // expression would pick GRDB's failable `[Any]` initialiser and bind nothing.
        let arguments: StatementArguments = StatementArguments(keys.map { values[$0]! })
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        return db.lastInsertedRowID
    }

    /// UPDATE of a column dictionary for one row.
    static func updateColumns(_ db: Database, id: Int64, _ values: [String: (any DatabaseValueConvertible)?]) throws {
        guard !values.isEmpty else { return }
        let keys = values.keys.sorted()
        let sql = "UPDATE \(table) SET \(keys.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(key) = ?"
        let arguments: StatementArguments = StatementArguments(keys.map { values[$0]! } + [id])
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// DELETE of one row by its key.
    static func deleteRow(_ db: Database, id: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(key) = ?").execute(arguments: [id])
    }

    static func restore(_ db: Database, _ values: [String: DatabaseValue]) throws {
        try restoreRow(db, values)
    }

    /// An UPDATE when the row still exists (an INSERT OR REPLACE would cascade deletes to its
    /// children), else an INSERT with its old key. Returns the key, nil for a snapshot without one.
    @discardableResult
    static func restoreRow(_ db: Database, _ values: [String: DatabaseValue]) throws -> Int64? {
        guard let id = values["id"].flatMap(Int64.fromDatabaseValue) else { return nil }
        let columns = values.keys.filter { $0 != "id" }.sorted()
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE \(key) = ?", arguments: [id]) == true {
            try db.execute(
                sql: "UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(key) = ?",
                arguments: StatementArguments(columns.map { values[$0]! } + [id.databaseValue]))
        } else {
            try db.execute(
                sql: """
                    INSERT INTO \(table) (\(([key] + columns).joined(separator: ", ")))
                    VALUES (\((["?"] + columns.map { _ in "?" }).joined(separator: ", ")))
                    """, arguments: StatementArguments([id.databaseValue] + columns.map { values[$0]! }))
        }
        return id
    }
}

/// Text as the writers store it.
enum StoredText {
    /// `NameSanitizer.clean`, skipping text it would return unchanged: bulk writers pass clean
    /// text, and a 100,000-person import should not pay for cleaning it again.
    static func clean(_ text: String) -> String {
        Cell.isAlreadyClean(Substring(text)) ? text : NameSanitizer.clean(text)
    }
}

enum Writes {
    /// The writer of a table the change log replays (undo), by the name its snapshots use.
    static func table(named name: String) -> (any TableWrites.Type)? {
        switch name {
        case CourseWrites.table: CourseWrites.self
        case SessionWrites.table: SessionWrites.self
        case AgencyWrites.table: AgencyWrites.self
        case CourseAgencyWrites.table: CourseAgencyWrites.self
        case QuotaWrites.table: QuotaWrites.self
        case PersonWrites.table: PersonWrites.self
        case EnrolmentWrites.table: EnrolmentWrites.self
        default: nil
        }
    }
}
