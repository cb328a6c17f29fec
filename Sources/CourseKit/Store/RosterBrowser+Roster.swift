import Foundation
import GRDB

/// A whole roster in one read, for exports, reports and small courses.
extension RosterBrowser {
    /// The course's roster in file order (`position`), with agencies resolved.
    /// `expectedOnly` keeps the people expected in the room (no declined, withdrawn, substituted, waitlisted).
    public func roster(courseID: Int64, expectedOnly: Bool = false) throws -> [RosterEntry] {
        let filter = expectedOnly ? "AND e.status IN ('nominated', 'confirmed', 'walk-in')" : ""
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.entryColumns)
                    FROM enrolment e JOIN person p ON p.id = e.person_id
                    LEFT JOIN agency a ON a.id = p.agency_id
                    WHERE e.course_id = ? \(filter)
                    ORDER BY e.position, e.id
                    """, arguments: [courseID], decoding: Self.rosterEntry(row:))
        }
    }

    /// The columns `rosterEntry(row:)` reads: the person, their enrolment (`e_…`) and agency (`a_…`).
    static let entryColumns = """
        p.*, e.id AS e_id, e.course_id AS e_course_id, e.role AS e_role,
        e.nominated_by AS e_nominated_by, e.status AS e_status,
        e.substituted_by AS e_substituted_by, e.note AS e_note,
        a.id AS a_id, a.code AS a_code, a.name AS a_name, a.acronym AS a_acronym,
        a.kind AS a_kind, a.country AS a_country
        """

    static func rosterEntry(row: some ColumnReading) -> RosterEntry {
        let person = Person(row: row)
        let enrolment = Enrolment(
            id: row["e_id"], courseID: row["e_course_id"], personID: person.id ?? 0,
            role: Role(rawValue: row["e_role"]) ?? .participant,
            nominatedBy: row["e_nominated_by"],
            status: NominationStatus(rawValue: row["e_status"]) ?? .nominated,
            substitutedBy: row["e_substituted_by"], note: row["e_note"])
        let agencyID: Int64? = row["a_id"]
        let agency = agencyID.map { _ in
            Agency(
                id: row["a_id"], code: row["a_code"], name: row["a_name"], acronym: row["a_acronym"],
                kind: AgencyKind(rawValue: row["a_kind"]) ?? .government, country: row["a_country"])
        }
        return RosterEntry(person: person, enrolment: enrolment, agency: agency)
    }
}
