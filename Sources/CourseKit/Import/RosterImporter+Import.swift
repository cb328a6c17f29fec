import Foundation
import GRDB

extension RosterImporter {
    /// Imports a roster file (any layout of docs/FORMATS.md) into a course: people, enrolments and,
    /// from attendance exports and meeting reports, attendance events.
    ///
    /// The whole file is read and every row planned before anything is written; the writing is
    /// one transaction. Rejected rows refuse the whole import (nothing is written) unless
    /// `skipRejected` is set; a dry run plans and reports without writing. Importing the same file
    /// again changes nothing. Errors about the file itself (encoding, quoting, limits) are one line
    /// naming the file and the line.
    @discardableResult
    public func importRoster(
        path: String, course: String, options: RosterImportOptions = RosterImportOptions()
    ) throws
        -> RosterImportReport
    {
        let file = try Self.readRoster(name: path) { try DelimitedFileReader.read(path: path, limits: options.limits) }
        return try importRoster(file, name: path, course: course, options: options)
    }

    /// The same from bytes already in memory (the TUI's preview, tests).
    @discardableResult
    public func importRoster(
        data: Data, name: String, course: String, options: RosterImportOptions = RosterImportOptions()
    ) throws
        -> RosterImportReport
    {
        let file = try Self.readRoster(name: name) { try DelimitedFileReader.read(data: data, limits: options.limits) }
        return try importRoster(file, name: name, course: course, options: options)
    }

    func importRoster(
        _ file: DelimitedFile, name: String, course code: String, options: RosterImportOptions
    ) throws
        -> RosterImportReport
    {
        let course = try store.courses.course(code: code)
        guard let courseID = course.id else { throw MusterError.unknownCourse(code) }
        var format = options.format
        if !options.mappings.isEmpty {
            guard format == .auto || format == .generic else {
                throw MusterError.importRefused(file: "", .mapNeedsGenericFormat(format: format.rawValue))
            }
            format = .generic
        }
        let context = LayoutContext(
            zone: options.timeZone ?? course.zone, limits: options.limits,
            overrides: options.mappings, courseCode: course.code)
        let (found, layout, header, body) = try Self.prefixingErrors(name) {
            try LayoutFinder.locate(file, format: format, context: context)
        }
        let outcomes = layout.outcomes(body, header: header)
        let now = clock(), device = deviceID
        func plan(_ db: Database) throws -> (RosterPlan, LibrarySnapshot) {
            let snapshot = try LibrarySnapshot.load(db, course: course)
            for key in options.sessions where !snapshot.sessions.contains(where: { $0.key == key }) {
                throw MusterError.unknownSession(course: course.code, session: Cell.clean(key))
            }
            let (settled, dateNote) = DateOrder.settle(outcomes, sessions: snapshot.sessions)
            var planner = RosterPlanner(
                snapshot: snapshot, format: found, options: options, file: name, dialect: file.dialect,
                notes: file.notes + (dateNote.map { [$0] } ?? []), now: now, deviceID: device, rows: settled.count)
            for (i, outcome) in settled.enumerated() {
                planner.add(outcome)
                options.progress("matching", i + 1, of: settled.count, "rows")
            }
            let plan = try planner.finish { event, personID, byContent in
                try RosterWriter.isRecorded(db, event, personID: personID, byContent: byContent)
            }
            return (plan, planner.snapshot)
        }
        if options.dryRun {
            return try read { db in
                let plan = try plan(db).0
                try Self.refuseErased(db, plan: plan, file: name, allowed: options.allowErased)
                return plan.report
            }
        }
        return try planThenWrite(plan, progress: options.progress) { db, planned in
            let (plan, snapshot) = planned
            let rejected = plan.report.rejected
            if !rejected.isEmpty && !options.skipRejected {
                throw MusterError.importRefused(file: name, .rowsRejected(count: rejected.count, first: Array(rejected.prefix(3))))
            }
            try Self.refuseErased(db, plan: plan, file: name, allowed: options.allowErased)
            let marks = try Self.importMarks(db)
            // Tallied only for a course with quotas: on a 100k roster each tally reads every row.
            let hasQuotas = try Bool.fetchOne(db, sql: "SELECT 1 FROM quota WHERE course_id = ? LIMIT 1", arguments: [courseID]) ?? false
            let quotasBefore = hasQuotas ? try Nominations.quotaLines(db, courseID: courseID) : []
            try RosterWriter(db: db, courseID: courseID, actor: actor, progress: options.progress).apply(plan, snapshot: snapshot)
            try logRosterImport(db, courseID: courseID, file: name, plan: plan, snapshot: snapshot, marks: marks)
            var report = plan.report
            report.applied = true
            if hasQuotas {
                report.quotaWarnings = QuotaCount.newlyOver(before: quotasBefore, after: try Nominations.quotaLines(db, courseID: courseID))
            }
            return report
        }
    }

    /// Plans outside the write lock, then writes in one IMMEDIATE transaction.
    ///
    /// Matching 100,000 rows against the library takes seconds; holding the write lock meanwhile
    /// would make a kiosk check-in or a roll-call mark in another process wait that long too (and
    /// past its busy timeout on a slow laptop). So the plan is made in a read transaction on the
    /// writer connection, and the write checks `PRAGMA data_version`, which changes only when
    /// another connection has committed: unchanged, the plan still describes the library exactly;
    /// changed, it is made again inside the transaction, as before.
    func planThenWrite<P, T>(
        _ plan: (Database) throws -> P, progress: ProgressReporter = .silent, _ apply: (Database, P) throws -> T
    ) throws -> T {
        // A guest (another process writes the library) is told who, not "read-only".
        try store.requireWriter()
        do {
            return try pool.writeWithoutTransaction { db in
                func version() throws -> Int { try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
                var planned: P?
                var seen = 0
                try db.inTransaction(.deferred) {
                    seen = try version()
                    planned = try plan(db)
                    return .commit
                }
                var result: T?
                try BulkWrite.settings(db) {
                    try db.inTransaction(.immediate) {
                        let current = try version() == seen ? planned! : try plan(db)
                        result = try apply(db, current)
                        try store.recordForSync(db, progress: progress)
                        return .commit
                    }
                }
                return result!
            }
        } catch let e as DatabaseError { throw MusterError(e, path: path) }
    }

    /// Reads a file, turning problems with its text into one-line errors that name file and line.
    static func readRoster(name: String, _ body: () throws -> DelimitedFile) throws -> DelimitedFile {
        do { return try body() } catch let e as CSVError {
            if let limit = e.sizeLimit { throw MusterError.importRefused(file: name, .tooLarge(limitBytes: limit)) }
            throw MusterError.importRefused(file: name, .unreadable(e))
        }
    }

    static func prefixingErrors<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch MusterError.importRefused(file: "", let refusal) {
            throw MusterError.importRefused(file: name, refusal)
        } catch MusterError.invalid(let message) {
            throw MusterError.invalid("\(name): \(message)")
        }
    }
}
