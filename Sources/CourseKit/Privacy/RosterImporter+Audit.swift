import Foundation
import GRDB

/// What a roster import must respect and record, kept here beside the other privacy rules so the
/// importer only calls in: people erased at their request stay erased, and the import is one
/// attributable change linked to everyone it touched.
extension RosterImporter {
    /// Refuses an import that would create someone who was erased (matched by the fingerprints
    /// of their code or e-mail), naming the first few lines, unless `allowed` says they asked to
    /// be registered again. An old attendance export or registration list must not bring anyone
    /// back quietly.
    static func refuseErased(_ db: Database, plan: RosterPlan, file: String, allowed: Bool) throws {
        guard !allowed, try Bool.fetchOne(db, sql: "SELECT 1 FROM erasure LIMIT 1") == true else { return }
        var lines: [String] = []
        let key = try ErasureKey(db).read()
        for (i, person) in plan.newPeople.enumerated()
        where try PrivacyAudit.wasErased(db, code: person.code, email: person.email, key: key) {
            let line = plan.report.newPeople.indices.contains(i) ? "line \(plan.report.newPeople[i].line)" : person.code
            lines.append(line)
        }
        guard !lines.isEmpty else { return }
        throw MusterError.importRefused(file: file, .erasedPeople(lines: lines))
    }

    /// The highest person and enrolment ids before an import writes: rows above them are new.
    static func importMarks(_ db: Database) throws -> (person: Int64, enrolment: Int64) {
        (
            try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM person") ?? 0,
            try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM enrolment") ?? 0
        )
    }

    /// Logs a roster import as one change (source `import`), linked to every person it created,
    /// enrolled, filled in or moved to another status, so each of them finds it in their trail.
    /// One entry rather than one per row: a 100,000-row import stays one statement per table.
    func logRosterImport(
        _ db: Database, courseID: Int64, file: String, plan: RosterPlan, snapshot: LibrarySnapshot,
        marks: (person: Int64, enrolment: Int64)
    ) throws {
        let r = plan.report
        let summary = ChangeSummary(
            "rosterImport", .text((file as NSString).lastPathComponent), .number(plan.newPeople.count), .number(plan.newEnrolments.count),
            .number(plan.fills.count), .number(plan.statusChanges.count), .number(plan.events.count), .text(r.format.rawValue))
        guard
            !plan.newPeople.isEmpty || !plan.newEnrolments.isEmpty || !plan.fills.isEmpty
                || !plan.statusChanges.isEmpty || !plan.events.isEmpty
        else { return }
        let change = try store.record(
            db, entity: "course", entityID: courseID, courseID: courseID, action: "import", summary: summary,
            before: ChangeSnapshot(), after: ChangeSnapshot(), source: ChangeSource.import)
        try ChangeLogWrites.link(db, changeID: change.id, peopleAfter: marks.person, enrolmentsAfter: marks.enrolment)
        try ChangeLogWrites.link(db, changeID: change.id, people: plan.fills.keys.map { snapshot.people[$0].id })
        try ChangeLogWrites.link(db, changeID: change.id, enrolments: plan.statusChanges.map(\.enrolmentID))
    }
}
