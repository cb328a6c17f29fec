import Foundation
import GRDB

/// What a logged change did to one person, in words, from the rows it logged before and after.
///
/// A change's one-line summary names everyone it touched ("T-001 … substituted by T-002 …"); a
/// person's own export and trail must hold nothing about anyone else, so they are described from
/// that person's own rows only: their person row and their enrolments. Values shown are their
/// own data; another person involved (a substitute, a merge target) is never named.
enum ChangeDescription {
    static let personFields: [(column: String, label: String, showsValue: Bool)] = [
        ("code", "code", true), ("given_name", "given name", true), ("family_name", "family name", true),
        ("sex", "sex", true), ("country", "country", true), ("agency_id", "agency", false),
        ("position", "position", true), ("email", "e-mail", true), ("phone", "phone", true),
        ("merged_into", "merged into another person's record", false),
    ]
    static let enrolmentFields: [(column: String, label: String, showsValue: Bool)] = [
        ("role", "role", true), ("status", "status", true), ("nominated_by", "nominating agency", false),
        ("substituted_by", "substitute", false), ("note", "note", true),
    ]

    /// The person's own changes in `before` → `after`, e.g. ["e-mail: a@x → b@x",
    /// "mini-2024: status nominated → confirmed"]; empty when none of their own rows changed.
    static func changes(
        of personID: Int64, before: ChangeSnapshot, after: ChangeSnapshot,
        courseCodes: [Int64: String]
    ) -> [String] {
        var lines: [String] = []
        func rows(_ s: ChangeSnapshot, _ table: String, _ column: String) -> [Int64: [String: DatabaseValue]] {
            var byID: [Int64: [String: DatabaseValue]] = [:]
            for row in s.rows[table] ?? [] where row[column].flatMap(Int64.fromDatabaseValue) == personID {
                if let id = row["id"].flatMap(Int64.fromDatabaseValue) { byID[id] = row }
            }
            return byID
        }
        let b = rows(before, "person", "id")[personID], a = rows(after, "person", "id")[personID]
        switch (b, a) {
        case (nil, .some): lines.append("record created")
        case (.some, nil): lines.append("record deleted")
        case (.some(let b), .some(let a)): lines += differences(b, a, personFields)
        default: break
        }
        let be = rows(before, "enrolment", "person_id"), ae = rows(after, "enrolment", "person_id")
        func course(_ row: [String: DatabaseValue]) -> String {
            row["course_id"].flatMap(Int64.fromDatabaseValue).flatMap { courseCodes[$0] } ?? "a course"
        }
        for id in Set(be.keys).union(ae.keys).sorted() {
            let here = course(ae[id] ?? be[id]!)
            switch (be[id], ae[id]) {
            case (nil, .some(let a)):
                lines.append("enrolled in \(here) as \(text(a["role"])), \(text(a["status"]))")
            case (.some, nil):
                lines.append("removed from the \(here) roster")
            case (.some(let b), .some(let a)):
                lines += differences(b, a, enrolmentFields).map { "\($0) in \(here)" }
            default: break
            }
        }
        // Someone else's nomination that names them as the substitute: said without naming them.
        let bs = rows(before, "enrolment", "substituted_by"), asub = rows(after, "enrolment", "substituted_by")
        for id in Set(bs.keys).symmetricDifference(asub.keys).sorted() {
            let here = course(asub[id] ?? bs[id]!)
            lines.append(asub[id] != nil ? "named as a substitute in \(here)" : "no longer named as a substitute in \(here)")
        }
        return lines
    }

    static func differences(
        _ b: [String: DatabaseValue], _ a: [String: DatabaseValue],
        _ fields: [(column: String, label: String, showsValue: Bool)]
    ) -> [String] {
        fields.compactMap { field in
            let old = b[field.column] ?? .null, new = a[field.column] ?? .null
            guard !ChangeLog.same(old, new) else { return nil }
            guard field.showsValue else { return "\(field.label) changed" }
            return "\(field.label) \(shown(old)) → \(shown(new))"
        }
    }

    static func text(_ value: DatabaseValue?) -> String { String.fromDatabaseValue(value ?? .null) ?? "" }

    static func shown(_ value: DatabaseValue) -> String {
        let t = text(value)
        return t.isEmpty ? "—" : t
    }
}
