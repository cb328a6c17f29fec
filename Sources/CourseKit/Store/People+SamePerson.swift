import Foundation
import GRDB

/// Someone already in the library who may be the person about to be added, and why.
public struct SamePersonCandidate: Hashable, Sendable {
    public var person: Person
    /// The person's own agency, for telling namesakes apart.
    public var agency: Agency?
    /// Their courses, oldest first: id, code and status.
    public var courses: [(id: Int64, code: String, status: NominationStatus)]
    /// The same e-mail, whatever its case: the same person, never someone new.
    public var sameEmail: Bool
    /// The same name (folded, any word order) and country: perhaps a namesake.
    public var sameNameAndCountry: Bool

    public static func == (a: Self, b: Self) -> Bool {
        a.person == b.person && a.agency == b.agency && a.sameEmail == b.sameEmail
            && a.sameNameAndCountry == b.sameNameAndCountry
            && a.courses.map(\.id) == b.courses.map(\.id) && a.courses.map(\.status) == b.courses.map(\.status)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(person) }

    /// Their status on the course `courseID`'s roster; nil when they are not on it.
    public func status(inCourse courseID: Int64) -> NominationStatus? { courses.first { $0.id == courseID }?.status }
}

extension People {
    /// The people already in the library whom `person` (not yet saved) may be, by the rules a
    /// roster import matches by (`RosterPlanner.match`): the same e-mail (`Email.normalise`, so
    /// case does not count) is the same person; the same name key (`NameKey`, folded words in any
    /// order) and country only suggests one, since namesakes exist. Merged walk-ins are left
    /// out (they point at whom they were). E-mail matches first, then by code.
    ///
    /// The screens ask this before adding someone, so that a person typed in twice is offered for
    /// enrolment instead of becoming a second person that later imports cannot tell apart.
    public func samePerson(as person: Person) throws -> [SamePersonCandidate] {
        try read { db in try Self.samePerson(db, as: person) }
    }

    static func samePerson(_ db: Database, as person: Person) throws -> [SamePersonCandidate] {
        let p = PersonWrites.stored(person)
        let email = Email.normalise(p.email)
        let nameKey = NameKey.of(p.givenName, p.familyName)
        var found: [Int64: (Person, email: Bool, name: Bool)] = [:]
        if !email.isEmpty {
            // NOCASE narrows by ASCII case in SQL; `Email.normalise` decides, as the import does.
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM person WHERE email <> '' AND email = ? COLLATE NOCASE AND merged_into IS NULL AND id IS NOT ?",
                arguments: [p.email, p.id])
            for row in rows {
                let other = Person(row: row)
                if Email.normalise(other.email) == email { found[other.id!] = (other, email: true, name: false) }
            }
        }
        if let first = nameKey.split(separator: " ").first {
            // Every word of a name is a token; the first word of the key narrows on the index.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM person p WHERE p.id IN (SELECT person_id FROM name_token WHERE token = ?)
                    AND p.country = ? AND p.merged_into IS NULL AND p.id IS NOT ?
                    """, arguments: [String(first), p.country, p.id])
            for row in rows {
                let other = Person(row: row)
                let key: String = row["sort_key"]
                guard NameKey.sorted(key) == nameKey else { continue }
                found[other.id!, default: (other, email: false, name: false)].name = true
            }
        }
        return try found.values.sorted { a, b in a.email != b.email ? a.email : a.0.code < b.0.code }.map { match in
            let (other, sameEmail, sameName) = match
            let agency = try other.agencyID.flatMap {
                try Row.fetchOne(db, sql: "SELECT * FROM agency WHERE id = ?", arguments: [$0]).map(Agency.init(row:))
            }
            let courses = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.code, e.status FROM enrolment e JOIN course c ON c.id = e.course_id
                    WHERE e.person_id = ? ORDER BY c.start_date, c.code
                    """, arguments: [other.id]
            ).map { (id: $0["id"] as Int64, code: $0["code"] as String, status: NominationStatus(rawValue: $0["status"]) ?? .nominated) }
            return SamePersonCandidate(
                person: other, agency: agency, courses: courses, sameEmail: sameEmail, sameNameAndCountry: sameName)
        }
    }

    /// The refusal for a new person whose e-mail someone in the library has already: the same
    /// e-mail is the same person (an import would match them), so a second one is never made.
    static func refuseTakenEmail(_ db: Database, _ person: Person) throws {
        guard let taken = try samePerson(db, as: person).first(where: \.sameEmail) else { return }
        throw ValidationFailure(
            field: "email",
            key: "person.emailTaken", .text(taken.person.code), .text(taken.person.displayName))
    }

    /// People of `country` who could replace someone on `courseID`'s roster (not already expected
    /// there), those of `agencyID` first, then by name: what the substitute picker suggests
    /// before anything is typed. Erased and merged people are left out.
    public func suggestions(country: String, agencyID: Int64?, courseID: Int64, limit: Int = 30) throws -> [Person] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM person p
                    WHERE p.country = ? AND p.merged_into IS NULL AND p.sort_key <> ''
                      AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = ? AND e.person_id = p.id
                                      AND e.status IN ('nominated', 'confirmed', 'walk-in'))
                    ORDER BY (? IS NOT NULL AND p.agency_id IS ?) DESC, p.sort_key, p.id LIMIT ?
                    """, arguments: [country, courseID, agencyID, agencyID, limit]
            ).map(Person.init(row:))
        }
    }
}
