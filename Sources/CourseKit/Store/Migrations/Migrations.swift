import GRDB

/// One change to the library's schema: an identifier GRDB records in `grdb_migrations` once it
/// has run, and the plain SQL it runs, in one file `Vnn_Name.swift` per migration.
///
/// **A migration is never edited once shipped.** Libraries in the field have already run it and
/// recorded its identifier, so an edit would never reach them (and a renamed identifier would run
/// again and fail on their tables): the two kinds of library would quietly differ. A change to the
/// schema, a fix included, is always a new file with the next number, appended to `Schema.all`.
/// Keep the SQL a plain literal, so what ran is what the file says; `MigrationTests` holds the
/// schema, the backfills and the identifiers to recorded snapshots.
///
/// The one exception to plain SQL is data derived by a rule that lives in Swift: a migration that
/// changes how marks are derived re-derives the stored ones with `MarkRule` itself
/// (`rederiveMarks`), so the rule is never written a second time in SQL.
struct Migration: Sendable {
    /// The name GRDB records; changing it makes every existing library run the migration again.
    let identifier: String
    /// Run as one script in the migration's transaction.
    let sql: String
    /// After the SQL, in the same transaction: derive every stored mark again with `MarkRule`.
    let rederiveMarks: Bool
    /// Whether the SQL moves or changes rows. GRDB runs such a migration with foreign keys off
    /// and then checks every row of the library against them (`.deferred`): 3.4 s on the 100k
    /// library, whatever the migration did. One that only drops and makes triggers or indexes
    /// runs with foreign keys on (`.immediate`) and pays no such check.
    let touchesRows: Bool

    init(_ identifier: String, sql: String, rederiveMarks: Bool = false, touchesRows: Bool = true) {
        self.identifier = identifier
        self.sql = sql
        self.rederiveMarks = rederiveMarks
        self.touchesRows = touchesRows
    }
}

/// The database schema: every migration, in the order they run.
enum Schema {
    static let all: [Migration] = [
        .v01Library,
        .v02CourseShortTitle,
        .v03DerivedRoster,
        .v04ChangeLog,
        .v05PersonMergedInto,
        .v06KioskPIN,
        .v07Erasure,
        .v08SessionTally,
        .v09CourseRetention,
        .v10AuditTrail,
        .v11MarksDerivedByMarkRule,
        .v12CheckInWindow,
        .v13Sync,
        .v14SyncPeers,
        .v15SessionTallyBySexAndCountry,
        .v16EventNoteRedaction,
        .v17CourseLanguage,
        .v18ChangeSummaryWords,
        .v19SyncPeerResultWords,
        .v20EnrolmentByCourseStatus,
        .v21EnrolmentCount,
        .v22RosterCount,
        .v23RosterIndexUpdateColumns,
        .v24SyncFieldWithoutHeadsIndex,
        .v25SyncDirtySkipsIDAssignment,
        .v26MarkCountsOnlyWhenChanged,
        .v27SyncRecordByCourse,
        .v28SyncRecordsInArrivalOrder,
        .v29RosterCompletedFlag,
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            migrator.registerMigration(migration.identifier, foreignKeyChecks: migration.touchesRows ? .deferred : .immediate) { db in
                try db.execute(sql: migration.sql)
                if migration.rederiveMarks { try AttendanceMarkWrites.rederiveAll(db) }
            }
        }
        return migrator
    }
}

extension CourseStore {
    /// The id of this Muster's last migration: what a bundle's header names as its schema, for
    /// writers of bundles outside a library (the head office's pull).
    public static var schemaIdentifier: String { Schema.all.last!.identifier }
}

extension CourseStore {
    /// Whether this Muster knows the schema a bundle was written with (older or the same).
    public static func readsSchema(_ identifier: String) -> Bool { Schema.all.contains { $0.identifier == identifier } }
}
