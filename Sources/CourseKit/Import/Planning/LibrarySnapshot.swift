import Foundation
import GRDB

/// What an import needs to know of the library, read once inside the import's transaction and
/// indexed for matching: people by code, e-mail and name, the course's enrolments, agencies,
/// sessions. Reading everything once and matching in memory keeps a 100,000-row import to a few
/// queries instead of several per row.
struct LibrarySnapshot {
    struct KnownPerson {
        var id: Int64
        var code: String
        var givenName: String
        var familyName: String
        var email: String
        var phone: String
        var position: String
        var country: String
        var sex: Sex
        var agencyID: Int64?
    }

    struct EnrolmentState {
        var id: Int64
        var status: NominationStatus
        var role: Role
    }

    var course: Course
    var sessions: [Session]
    var people: [KnownPerson] = []
    /// Each person's name key (see `NameKey`), by the same index.
    var nameKeys: [String] = []
    var byCode: [String: Int] = [:]
    /// Codes of people merged into someone else; `byCode` maps each to the person kept.
    var mergedCodes: Set<String> = []
    var byEmail: [String: [Int]] = [:]
    /// Name key + "|" + country → people.
    var byNameAndCountry: [String: [Int]] = [:]
    /// Name key → people enrolled in this course (matching without a country).
    var rosterByName: [String: [Int]] = [:]
    var enrolments: [Int64: EnrolmentState] = [:]
    var lastPosition = -1
    /// Folded agency codes, acronyms and names → the agencies they could mean.
    var agencies: [String: [AgencyRef]] = [:]

    struct AgencyRef {
        var id: Int64
        var country: String
        /// One of the course's own agencies.
        var own: Bool
    }

    static func load(_ db: Database, course: Course) throws -> LibrarySnapshot {
        guard let courseID = course.id else { throw MusterError.unknownCourse(course.code) }
        let sessions = try Row.fetchAll(
            db, sql: "SELECT * FROM session WHERE course_id = ? ORDER BY start_ms, position",
            arguments: [courseID]
        ).map(Session.init(row:))
        var s = LibrarySnapshot(course: course, sessions: sessions)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, code, given_name, family_name, email, phone, position, country, sex, agency_id, sort_key, merged_into
                FROM person
                """)
        // A person merged into someone else is matched as that someone: a file that still has
        // their code finds the person they became, never the merged record (which would come
        // back onto a roster). Their e-mail and name were taken over or are the kept person's.
        var merged: [(code: String, into: Int64)] = []
        var mergedInto: [Int64: Int64] = [:]
        while let row = try rows.next() {
            if let into = row[11] as Int64? {
                merged.append((row[1], into))
                mergedInto[row[0]] = into
                continue
            }
            let p = KnownPerson(
                id: row[0], code: row[1], givenName: row[2], familyName: row[3], email: Email.normalise(row[4]),
                phone: row[5], position: row[6], country: row[7], sex: Sex(rawValue: row[8]) ?? .notDisclosed,
                agencyID: row[9])
            let sortKey: String = row[10]
            s.add(p, nameKey: sortKey.isEmpty ? NameKey.of(p.givenName, p.familyName) : NameKey.sorted(sortKey))
        }
        if !merged.isEmpty {
            let byID = Dictionary(s.people.indices.map { (s.people[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
            for (code, first) in merged {
                // Someone merged into a person later merged in turn is the last one's.
                var into = first, steps = 0
                while let next = mergedInto[into], steps < merged.count { into = next; steps += 1 }
                if let index = byID[into], s.byCode[code.uppercased()] == nil {
                    s.byCode[code.uppercased()] = index
                    s.mergedCodes.insert(code.uppercased())
                }
            }
        }
        let enrolled = try Row.fetchCursor(
            db, sql: "SELECT id, person_id, status, role, position FROM enrolment WHERE course_id = ?",
            arguments: [courseID])
        while let row = try enrolled.next() {
            s.enrolments[row[1]] = EnrolmentState(
                id: row[0], status: NominationStatus(rawValue: row[2]) ?? .nominated,
                role: Role(rawValue: row[3]) ?? .participant)
            s.lastPosition = max(s.lastPosition, row[4])
        }
        for (index, person) in s.people.enumerated() where s.enrolments[person.id] != nil {
            s.rosterByName[s.nameKeys[index], default: []].append(index)
        }
        let agencies = try Row.fetchAll(
            db,
            sql: """
                SELECT a.id, a.code, a.acronym, a.name, a.country, ca.course_id IS NOT NULL AS own FROM agency a
                LEFT JOIN course_agency ca ON ca.agency_id = a.id AND ca.course_id = ? ORDER BY a.code
                """, arguments: [courseID])
        for row in agencies {
            let ref = AgencyRef(id: row[0], country: row[4], own: row[5])
            for key in Set([row[1] as String, row[2] as String, row[3] as String].map(NameFolding.fold)) where !key.isEmpty {
                s.agencies[key, default: []].append(ref)
            }
        }
        return s
    }

    mutating func add(_ p: KnownPerson, nameKey: String) {
        let index = people.count
        people.append(p)
        nameKeys.append(nameKey)
        byCode[p.code.uppercased()] = index
        if !p.email.isEmpty { byEmail[p.email, default: []].append(index) }
        byNameAndCountry[nameKey + "|" + p.country, default: []].append(index)
    }

    /// The agency a file's text names (code, acronym or name), preferring the course's own agencies
    /// and then one of the person's country ("DGME" is Costa Rica's or El Salvador's); nil when
    /// unknown or still ambiguous.
    func agencyID(for text: String, country: String) -> Int64? {
        guard !text.isEmpty, let refs = agencies[NameFolding.fold(text)] else { return nil }
        func score(_ r: AgencyRef) -> Int { (r.own ? 2 : 0) + (r.country == country ? 1 : 0) }
        let ranked = refs.sorted { score($0) > score($1) }
        if ranked.count > 1, score(ranked[0]) == score(ranked[1]) { return nil }
        return ranked.first?.id
    }
}

/// The key names are matched by: folded words in sorted order, so "Ana Tellei", "TELLEI, Ana"
/// and "Tellei Ana" agree, and "José" matches "Jose" in either Unicode form.
enum NameKey {
    static func of(_ given: String, _ family: String) -> String {
        sorted(NameFolding.fold(given + " " + family))
    }

    /// A folded text's words sorted (the stored `sort_key` is folded already).
    static func sorted(_ folded: String) -> String {
        folded.split(separator: " ").sorted().joined(separator: " ")
    }
}
