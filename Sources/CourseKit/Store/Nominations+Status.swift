import Foundation
import GRDB

extension Nominations {
    /// The course's quota lines (`QuotaCount.lines`, the one count), tallied from the roster
    /// counts (`roster_count`): with `country`, only that country's lines (what the roster's
    /// info line needs), plus the course-wide counts of the agencies there that have a quota of
    /// their own.
    public func quotaLines(courseID: Int64, country only: String? = nil) throws -> [QuotaLine] {
        try read { db in try Self.quotaLines(db, courseID: courseID, country: only) }
    }

    /// The same inside a transaction already open (an import compares before and after its write).
    static func quotaLines(_ db: Database, courseID: Int64, country only: String? = nil) throws -> [QuotaLine] {
        do {
            let quotas = try Row.fetchAll(
                db, sql: "SELECT scope, key, lim FROM quota WHERE course_id = ? ORDER BY position", arguments: [courseID]
            ).map { Quota(scope: QuotaScope(rawValue: $0["scope"]) ?? .country, key: $0["key"], limit: $0["lim"]) }
            func tallies(_ condition: String, _ arguments: [any DatabaseValueConvertible]) throws -> [QuotaCount.Tally] {
                try RosterCounts.quotaTallies(db, courseID: courseID, condition, arguments)
            }
            let agencies = Dictionary(
                try Row.fetchAll(db, sql: "SELECT * FROM agency").map(Agency.init(row:)).compactMap { a in a.id.map { ($0, a) } },
                uniquingKeysWith: { a, _ in a })
            guard let only else { return QuotaCount.lines(quotas: quotas, tallies: try tallies("", []), agencies: agencies) }
            var found = try tallies("AND country = ?", [only])
            let quotaAgencies = Set(quotas.filter { $0.scope == .agency }.map(\.key))
            let elsewhere = Set(found.compactMap(\.agencyID)).filter { agencies[$0].map { quotaAgencies.contains($0.code) } ?? false }
            if !elsewhere.isEmpty {
                let marks = elsewhere.map { _ in "?" }.joined(separator: ", ")
                found += try tallies(
                    "AND country <> ? AND quota_agency IN (\(marks))", [only] + elsewhere.sorted())
            }
            return QuotaCount.lines(quotas: quotas, tallies: found, agencies: agencies, only: only)
        }
    }

    /// Moves a nomination to another status (not `substituted`: see `substitute`), logged.
    /// Confirming a walk-in awaiting review accepts them as the new person they registered as.
    @discardableResult
    public func setNominationStatus(courseID: Int64, personID: Int64, to status: NominationStatus) throws -> ChangeRecord {
        guard status != .substituted else { throw MusterError.refused(.substituteNotNamed) }
        return try write { db in
            let (enrolment, person) = try Self.enrolment(db, courseID: courseID, personID: personID)
            guard enrolment.status != status else {
                throw MusterError.refused(.alreadyInStatus(code: person.code, name: person.displayName, status: status.rawValue))
            }
            return try store.logged(
                db, entity: "enrolment", entityID: { enrolment.id }, courseID: courseID, action: "status",
                summary: { ChangeSummary("statusChanged", .person(person), .status(enrolment.status), .status(status)) },
                scope: { [("enrolment", [enrolment.id!])] }
            ) {
                try EnrolmentWrites.setStatus(db, id: enrolment.id!, status, substitutedBy: nil)
                return []
            }
        }
    }

    /// Replaces a nominee by someone else, logged as one change: the nominee becomes
    /// `substituted` (naming the substitute) and the substitute is nominated in their place, with
    /// the same role and nominating agency. A substitute already on the roster but not expected
    /// (waitlisted, declined, withdrawn) is nominated again.
    @discardableResult
    public func substitute(courseID: Int64, personID: Int64, by substituteID: Int64) throws -> ChangeRecord {
        guard personID != substituteID else { throw MusterError.refused(.substituteIsThemselves) }
        return try write { db in
            let (enrolment, person) = try Self.enrolment(db, courseID: courseID, personID: personID)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [substituteID]) else {
                throw MusterError.unknownParticipant("#\(substituteID)")
            }
            let substitute = Person(row: row)
            let existing = try Row.fetchOne(
                db, sql: "SELECT * FROM enrolment WHERE course_id = ? AND person_id = ?",
                arguments: [courseID, substituteID]
            ).map(Enrolment.init(row:))
            if let existing, existing.status.isExpected {
                throw MusterError.refused(
                    .substituteAlreadyExpected(code: substitute.code, name: substitute.displayName, status: existing.status.rawValue))
            }
            let scope: () throws -> [(table: String, ids: [Int64])] = {
                [
                    (
                        "enrolment",
                        try Int64.fetchAll(
                            db, sql: "SELECT id FROM enrolment WHERE course_id = ? AND person_id IN (?, ?)",
                            arguments: [courseID, personID, substituteID])
                    )
                ]
            }
            return try store.logged(
                db, entity: "enrolment", entityID: { enrolment.id }, courseID: courseID, action: "substitute",
                summary: { ChangeSummary("substituted", .person(person), .person(substitute)) },
                scope: scope
            ) {
                try EnrolmentWrites.setStatus(db, id: enrolment.id!, .substituted, substitutedBy: substituteID)
                if let existing {
                    try EnrolmentWrites.setStatus(db, id: existing.id!, .nominated, substitutedBy: nil)
                } else {
                    try EnrolmentWrites.insert(
                        db, courseID: courseID, personID: substituteID, role: enrolment.role,
                        nominatedBy: enrolment.nominatedBy, status: .nominated)
                }
                return []
            }
        }
    }

    /// Replaces a nominee by someone not yet in the library, in one step: the newcomer is added
    /// (checked like any new person: a code or an e-mail someone has already is refused) and
    /// nominated in the nominee's place, with the same role and nominating agency. One
    /// transaction and one logged change, so one undo takes back both; adding the newcomer to
    /// the roster first and substituting after would be refused, since they would already be
    /// nominated. The newcomer's `id` is ignored.
    @discardableResult
    public func substitute(courseID: Int64, personID: Int64, byNew newcomer: Person) throws -> (Person, ChangeRecord) {
        var p = try People.checked(newcomer)
        p.id = nil
        return try write { db in
            let (enrolment, person) = try Self.enrolment(db, courseID: courseID, personID: personID)
            try People.refuseTaken(db, p)
            let scope: () throws -> [(table: String, ids: [Int64])] = {
                [
                    (
                        "enrolment",
                        try Int64.fetchAll(
                            db, sql: "SELECT id FROM enrolment WHERE course_id = ? AND person_id IN (?, ?)",
                            arguments: [courseID, personID, p.id])
                    ), ("person", p.id.map { [$0] } ?? []),
                ]
            }
            let change = try store.logged(
                db, entity: "enrolment", entityID: { enrolment.id }, courseID: courseID, action: "substitute",
                summary: { ChangeSummary("substitutedByNew", .person(person), .person(p)) },
                scope: scope
            ) {
                try PersonWrites.insert(db, &p)
                try EnrolmentWrites.setStatus(db, id: enrolment.id!, .substituted, substitutedBy: p.id!)
                try EnrolmentWrites.insert(
                    db, courseID: courseID, personID: p.id!, role: enrolment.role, nominatedBy: enrolment.nominatedBy,
                    status: .nominated)
                return []
            }
            return (p, change)
        }
    }

    /// Resolves a walk-in awaiting review who turned out to be someone already in the library:
    /// a person merge (`PersonMerge`, the same as `People.mergePeople`) whose enrolment step
    /// confirms the existing person on the roster in the walk-in's place, whose marks step
    /// records the walk-in's check-ins again for them where the attendance rule says they
    /// decide, and which leaves the walk-in's row saying whom it was merged into. One logged
    /// change, on this course; `undoChange` takes all of it back, the copied marks by undo
    /// events, since attendance is never deleted.
    @discardableResult
    public func mergeWalkIn(courseID: Int64, walkInID: Int64, into targetID: Int64) throws -> ChangeRecord {
        guard walkInID != targetID else { throw MusterError.refused(.mergeIntoThemselves) }
        return try write { db in
            let (enrolment, walkIn) = try Self.enrolment(db, courseID: courseID, personID: walkInID)
            guard enrolment.status == .walkIn else {
                throw MusterError.refused(.notAWalkIn(code: walkIn.code, status: enrolment.status.rawValue))
            }
            let target = try PersonMerge.person(db, id: targetID)
            let plan = try PersonMerge.plan(db, keep: target, other: walkIn)
            return try PersonMerge.apply(
                db, store: store, plan, courseID: courseID,
                summary: ChangeSummary("walkIn.merged", .person(walkIn), .person(target)))
        }
    }

    // MARK: - Helpers

    static func enrolment(_ db: Database, courseID: Int64, personID: Int64) throws -> (Enrolment, Person) {
        guard let personRow = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [personID]) else {
            throw MusterError.unknownParticipant("#\(personID)")
        }
        let person = Person(row: personRow)
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM enrolment WHERE course_id = ? AND person_id = ?",
                arguments: [courseID, personID])
        else {
            let code = try String.fetchOne(db, sql: "SELECT code FROM course WHERE id = ?", arguments: [courseID]) ?? "?"
            throw MusterError.notEnrolled(person: person.code, course: code)
        }
        return (Enrolment(row: row), person)
    }
}
