import Foundation
import GRDB

/// A course's quotas edited from the screens: one logged change each, undoable, written by
/// `QuotaWrites`. The rules are the course file's (`CourseFileValidator`): a known country or
/// agency, a limit that is not negative, one quota per country or agency.
extension Nominations {
    /// The course's quotas in their order.
    public func quotas(courseID: Int64) throws -> [Quota] {
        try read { db in try Self.quotas(db, courseID: courseID) }
    }

    static func quotas(_ db: Database, courseID: Int64) throws -> [Quota] {
        try Row.fetchAll(db, sql: "SELECT scope, key, lim FROM quota WHERE course_id = ? ORDER BY position", arguments: [courseID])
            .map { Quota(scope: QuotaScope(rawValue: $0["scope"]) ?? .country, key: $0["key"], limit: $0["lim"]) }
    }

    /// Adds a quota, or with `replacing`, changes that one (its group or its limit) in place,
    /// keeping its position. The record's `quotaWarnings` say when the new limit is already exceeded.
    @discardableResult
    public func saveQuota(courseID: Int64, _ quota: Quota, replacing old: Quota? = nil) throws -> ChangeRecord {
        guard quota.limit >= 0 else { throw ValidationFailure(field: "limit", key: "quota.negative") }
        return try write { db in
            let label = try Self.quotaLabel(db, quota.scope, quota.key)
            let existing = try Self.quotaRowID(db, courseID: courseID, scope: quota.scope, key: quota.key)
            let oldID = try old.flatMap { try Self.quotaRowID(db, courseID: courseID, scope: $0.scope, key: $0.key) }
            if old != nil && oldID == nil { throw MusterError.invalid("that quota was removed meanwhile: reload and try again") }
            if let existing, existing != oldID {
                throw ValidationFailure(field: "key", key: "quota.exists", Self.quotaGroup(quota.scope, quota.key, label: label))
            }
            let action = old == nil ? "create" : "update"
            let group = Self.quotaGroup(quota.scope, quota.key, label: label)
            let summary =
                old.map { o in
                    o.scope == quota.scope && o.key == quota.key
                        ? ChangeSummary("quota.changed", group, .number(o.limit), .places(quota.limit))
                        : ChangeSummary(
                            "quota.moved", Self.quotaGroup(o.scope, o.key, label: (try? Self.quotaLabel(db, o.scope, o.key)) ?? o.key),
                            group,
                            .places(quota.limit))
                } ?? ChangeSummary("quota.set", group, .places(quota.limit))
            var id = oldID
            return try store.logged(
                db, entity: "quota", entityID: { id }, courseID: courseID, action: action, summary: { summary },
                scope: {
                    let row = try oldID ?? Self.quotaRowID(db, courseID: courseID, scope: quota.scope, key: quota.key)
                    return [("quota", row.map { [$0] } ?? [])]
                }
            ) {
                if let oldID {
                    try QuotaWrites.update(db, rowID: oldID, scope: quota.scope, key: quota.key, limit: quota.limit)
                } else {
                    let position =
                        try Int.fetchOne(
                            db, sql: "SELECT coalesce(max(position) + 1, 0) FROM quota WHERE course_id = ?", arguments: [courseID]) ?? 0
                    id = try QuotaWrites.insert(
                        db, courseID: courseID, scope: quota.scope, key: quota.key, limit: quota.limit, position: position)
                }
                return []
            }
        }
    }

    /// Removes a quota; the group's nominations stay as they are.
    @discardableResult
    public func deleteQuota(courseID: Int64, scope: QuotaScope, key: String) throws -> ChangeRecord {
        try write { db in
            guard let id = try Self.quotaRowID(db, courseID: courseID, scope: scope, key: key),
                let limit = try Int.fetchOne(db, sql: "SELECT lim FROM quota WHERE rowid = ?", arguments: [id])
            else { throw MusterError.invalid("this line has no quota to remove") }
            let label = (try? Self.quotaLabel(db, scope, key)) ?? key
            return try store.logged(
                db, entity: "quota", entityID: { id }, courseID: courseID, action: "delete",
                summary: { ChangeSummary("quota.removed", Self.quotaGroup(scope, key, label: label), .places(limit)) },
                scope: { [("quota", [id])] }
            ) {
                try QuotaWrites.deleteRow(db, id: id)
                return []
            }
        }
    }

    /// "Guatemala", "SEGEPLAN": the group as the nominations screen names it; throws for a
    /// country or agency the library does not know.
    static func quotaLabel(_ db: Database, _ scope: QuotaScope, _ key: String) throws -> String {
        switch scope {
        case .country:
            guard let name = Countries.name(of: key) else {
                throw ValidationFailure(field: "key", key: "quota.noCountry", .text(NameSanitizer.clean(key)))
            }
            return name
        case .agency:
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM agency WHERE code = ?", arguments: [key]) else {
                throw ValidationFailure(field: "key", key: "quota.noAgency", .text(NameSanitizer.clean(key)))
            }
            let agency = Agency(row: row)
            return agency.acronym.isEmpty ? agency.name : agency.acronym
        }
    }

    /// A quota's group in a change's words: a country by its code (named in the reader's
    /// language), an agency by its label.
    static func quotaGroup(_ scope: QuotaScope, _ key: String, label: String) -> ChangeSummary.Part {
        scope == .country ? .country(key) : .text(label)
    }

    static func quotaRowID(_ db: Database, courseID: Int64, scope: QuotaScope, key: String) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT rowid FROM quota WHERE course_id = ? AND scope = ? AND key = ?",
            arguments: [courseID, scope.rawValue, key])
    }
}
