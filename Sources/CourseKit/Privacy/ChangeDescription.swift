import Foundation
import GRDB

/// What a logged change did to one person, in words, from the rows it logged before and after.
///
/// A change's one-line summary names everyone it touched ("T-001 … substituted by T-002 …"); a
/// person's own export and trail must hold nothing about anyone else, so they are described from
/// that person's own rows only: their person row and their enrolments. Values shown are their
/// own data; another person involved (a substitute, a merge target) is never named.
enum ChangeDescription {
    /// Each column a trail describes: its label's key (`field.<column>` in `Changes`), and
    /// whether its values are shown (another person's id never is) and as which terms.
    struct Field {
        var column: String
        var showsValue = true
        /// The `Terms` prefix its values are said with ("role", "nomination"); nil: as stored.
        var terms: String? = nil
    }

    static let personFields: [Field] = [
        Field(column: "code"), Field(column: "given_name"), Field(column: "family_name"), Field(column: "sex"),
        Field(column: "country"), Field(column: "agency_id", showsValue: false), Field(column: "position"),
        Field(column: "email"), Field(column: "phone"), Field(column: "merged_into", showsValue: false),
    ]
    static let enrolmentFields: [Field] = [
        Field(column: "role", terms: "role"), Field(column: "status", terms: "nomination"),
        Field(column: "nominated_by", showsValue: false), Field(column: "substituted_by", showsValue: false),
        Field(column: "note"),
    ]

    /// The person's own changes in `before` → `after`, e.g. ["e-mail: a@x → b@x",
    /// "mini-2024: status nominated → confirmed"], as words for any language; empty when none
    /// of their own rows changed.
    static func changes(
        of personID: Int64, before: ChangeSnapshot, after: ChangeSnapshot,
        courseCodes: [Int64: String]
    ) -> [ChangeSummary] {
        var lines: [ChangeSummary] = []
        func rows(_ s: ChangeSnapshot, _ table: String, _ column: String) -> [Int64: [String: DatabaseValue]] {
            var byID: [Int64: [String: DatabaseValue]] = [:]
            for row in s.rows[table] ?? [] where row[column].flatMap(Int64.fromDatabaseValue) == personID {
                if let id = row["id"].flatMap(Int64.fromDatabaseValue) { byID[id] = row }
            }
            return byID
        }
        let b = rows(before, "person", "id")[personID], a = rows(after, "person", "id")[personID]
        switch (b, a) {
        case (nil, .some): lines.append(ChangeSummary("trail.created"))
        case (.some, nil): lines.append(ChangeSummary("trail.deleted"))
        case (.some(let b), .some(let a)): lines += differences(b, a, personFields)
        default: break
        }
        let be = rows(before, "enrolment", "person_id"), ae = rows(after, "enrolment", "person_id")
        func course(_ row: [String: DatabaseValue]) -> ChangeSummary.Part {
            row["course_id"].flatMap(Int64.fromDatabaseValue).flatMap { courseCodes[$0] }.map { .text($0) }
                ?? .change(ChangeSummary("trail.aCourse"))
        }
        for id in Set(be.keys).union(ae.keys).sorted() {
            let here = course(ae[id] ?? be[id]!)
            switch (be[id], ae[id]) {
            case (nil, .some(let a)):
                lines.append(
                    ChangeSummary("trail.enrolled", here, value(a["role"], terms: "role"), value(a["status"], terms: "nomination")))
            case (.some, nil):
                lines.append(ChangeSummary("trail.removed", here))
            case (.some(let b), .some(let a)):
                lines += differences(b, a, enrolmentFields).map { ChangeSummary("trail.inCourse", .change($0), here) }
            default: break
            }
        }
        // Someone else's nomination that names them as the substitute: said without naming them.
        let bs = rows(before, "enrolment", "substituted_by"), asub = rows(after, "enrolment", "substituted_by")
        for id in Set(bs.keys).symmetricDifference(asub.keys).sorted() {
            let here = course(asub[id] ?? bs[id]!)
            lines.append(ChangeSummary(asub[id] != nil ? "trail.substituteNamed" : "trail.substituteUnnamed", here))
        }
        return lines
    }

    static func differences(_ b: [String: DatabaseValue], _ a: [String: DatabaseValue], _ fields: [Field]) -> [ChangeSummary] {
        fields.compactMap { field in
            let old = b[field.column] ?? .null, new = a[field.column] ?? .null
            guard !ChangeLog.same(old, new) else { return nil }
            let label = ChangeSummary.Part.change(ChangeSummary("field.\(field.column)"))
            guard field.showsValue else { return ChangeSummary("trail.fieldChanged", label) }
            return ChangeSummary("trail.fieldValue", label, value(old, terms: field.terms), value(new, terms: field.terms))
        }
    }

    /// A value as the trail shows it: a term in the reader's language, else as stored; "—" for none.
    static func value(_ value: DatabaseValue?, terms: String? = nil) -> ChangeSummary.Part {
        let t = String.fromDatabaseValue(value ?? .null) ?? ""
        if t.isEmpty { return .text("—") }
        if let terms { return .term("\(terms).\(t)") }
        return .text(t)
    }

    /// Several lines of one change as one: "a; b; c".
    static func joined(_ lines: [ChangeSummary]) -> ChangeSummary? {
        guard var all = lines.first else { return nil }
        for line in lines.dropFirst() { all = ChangeSummary("trail.and", .change(all), .change(line)) }
        return all
    }
}
