import Foundation
import GRDB

extension People {
    /// What merging `other` into `keep` would do; writes nothing. Refused as `mergePeople` would be.
    public func mergePreview(keep: String, other: String) throws -> MergePreview {
        try read { db in
            try PersonMerge.plan(db, keep: PersonMerge.person(db, code: keep), other: PersonMerge.person(db, code: other)).preview
        }
    }

    /// `mergePreview(keep:other:)` by ids (the screens have the rows' ids).
    public func mergePreview(keepID: Int64, otherID: Int64) throws -> MergePreview {
        try read { db in
            try PersonMerge.plan(db, keep: PersonMerge.person(db, id: keepID), other: PersonMerge.person(db, id: otherID)).preview
        }
    }

    /// `mergePeople(keep:other:)` by ids.
    @discardableResult
    public func mergePeople(keepID: Int64, otherID: Int64) throws -> (change: ChangeRecord, preview: MergePreview) {
        let codes = try read { db in try (PersonMerge.person(db, id: keepID).code, PersonMerge.person(db, id: otherID).code) }
        return try mergePeople(keep: codes.0, other: codes.1)
    }

    /// Merges `other` into `keep`, as one logged change (entity person, action `merge`) in one
    /// transaction: `other`'s enrolments move to `keep` (where `keep` is on the course already,
    /// the stronger status stays and `other`'s enrolment goes), the marks `other` has are
    /// recorded again for `keep` where the attendance rule says they decide (events are never
    /// edited or deleted), contact fields `keep` lacks are filled from `other`, and `other`'s
    /// row says `merged_into` and leaves rosters and search. `unmergePerson` undoes it.
    @discardableResult
    public func mergePeople(keep: String, other: String) throws -> (change: ChangeRecord, preview: MergePreview) {
        try write { db in
            let plan = try PersonMerge.plan(db, keep: PersonMerge.person(db, code: keep), other: PersonMerge.person(db, code: other))
            let change = try PersonMerge.apply(
                db, store: store, plan, courseID: nil,
                summary: ChangeSummary("merged", .person(plan.other), .person(plan.keep)))
            return (change, plan.preview)
        }
    }

    /// Takes back the merge that merged `code` away, restoring both people, their enrolments and
    /// marks as they were (the copied marks are cancelled by undo events). `code` is the
    /// merged-away person; it may also be the kept person when exactly one person is merged into
    /// them. Refused when `code` was never merged, when it names a kept person with several
    /// merged into them, or when the rows or marks the merge touched changed since (undo those
    /// first). Reads the merge from the change log, so it works in any later process.
    @discardableResult
    public func unmergePerson(code: String) throws -> ChangeRecord {
        try write { db in
            let person = try PersonMerge.person(db, code: code)
            let otherID: Int64
            if try Int64.fetchOne(db, sql: "SELECT merged_into FROM person WHERE id = ?", arguments: [person.id!]) != nil {
                otherID = person.id!
            } else {
                let merged = try Row.fetchAll(
                    db, sql: "SELECT id, code FROM person WHERE merged_into = ? ORDER BY code", arguments: [person.id!])
                guard !merged.isEmpty else { throw MusterError.refused(.neverMerged(code: person.code)) }
                guard merged.count == 1 else {
                    throw MusterError.refused(.unmergeAmbiguous(code: person.code, merged: merged.map { $0["code"] }))
                }
                otherID = merged[0]["id"]
            }
            guard
                let changeID = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT id FROM change_log c WHERE entity = 'person' AND entity_id = ? AND action = 'merge'
                          AND NOT EXISTS (SELECT 1 FROM change_log u WHERE u.undoes = c.id)
                        ORDER BY id DESC LIMIT 1
                        """, arguments: [otherID])
            else {
                let other = try String.fetchOne(db, sql: "SELECT code FROM person WHERE id = ?", arguments: [otherID]) ?? code
                throw MusterError.refused(.neverMerged(code: other))
            }
            return try store.changeLog.undoChange(db, id: changeID)
        }
    }

    /// Undoes the merge logged as change `changeID` (the trail's `U`); refused as
    /// `unmergePerson` is, and for a change that is not a merge.
    @discardableResult
    public func unmerge(changeID: Int64) throws -> ChangeRecord {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM change_log WHERE id = ?", arguments: [changeID]) else {
                throw MusterError.refused(.noChange(id: changeID))
            }
            let change = ChangeLog.changeRecord(row: row)
            guard change.entity == "person", change.action == "merge" else {
                throw MusterError.refused(.notAMerge(summary: change.quotedSummary))
            }
            return try store.changeLog.undoChange(db, id: changeID)
        }
    }
}
