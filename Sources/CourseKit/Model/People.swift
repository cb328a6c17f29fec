import Foundation

/// An organisation that nominates or sends people: a ministry, a border agency, an NGO.
/// Agencies are shared across courses and identified by a stable `code`.
public struct Agency: Hashable, Sendable, Identifiable {
    public var id: Int64?
    /// Stable slug, e.g. `pw-bim` for Palau's Bureau of Immigration.
    public var code: String
    public var name: String
    public var acronym: String
    public var kind: AgencyKind
    /// ISO 3166-1 alpha-2, empty for regional or international bodies.
    public var country: String

    public init(
        id: Int64? = nil, code: String, name: String, acronym: String = "",
        kind: AgencyKind = .government, country: String = ""
    ) {
        self.id = id; self.code = code; self.name = name; self.acronym = acronym
        self.kind = kind; self.country = country
    }

    /// What narrow columns show: the acronym when there is one.
    public var shortName: String { acronym.isEmpty ? name : acronym }
}

/// A person, across every course they take. Names are stored NFC and sanitised.
public struct Person: Hashable, Sendable, Identifiable {
    public var id: Int64?
    /// Short code printed on badges and typed on paper sheets, unique across the library.
    public var code: String
    public var givenName: String
    public var familyName: String
    public var sex: Sex
    public var country: String
    public var agencyID: Int64?
    public var position: String
    public var email: String
    public var phone: String

    public init(
        id: Int64? = nil, code: String, givenName: String, familyName: String,
        sex: Sex = .notDisclosed, country: String = "", agencyID: Int64? = nil,
        position: String = "", email: String = "", phone: String = ""
    ) {
        self.id = id; self.code = code; self.givenName = givenName; self.familyName = familyName
        self.sex = sex; self.country = country; self.agencyID = agencyID; self.position = position
        self.email = email; self.phone = phone
    }

    /// Whether this is the anonymous placeholder an erasure leaves: the one record with no
    /// name (a save refuses an empty one), which the screens show as erased and never edit.
    public var isErasedPlaceholder: Bool { givenName.isEmpty && familyName.isEmpty }

    /// "Given Family", skipping an empty part (mononyms have no family name); Chinese, Japanese
    /// and Korean names family name first without a space ("李小龍"), as their owners write them.
    public var displayName: String {
        if isEastAsianName { return familyName + givenName }
        return [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "Family, Given" for rosters sorted by family name ("李小龍" for East Asian names).
    public var sortName: String {
        if familyName.isEmpty { return givenName }
        if givenName.isEmpty { return familyName }
        if isEastAsianName { return familyName + givenName }
        return "\(familyName), \(givenName)"
    }

    /// Both parts written in Han, kana or Hangul.
    var isEastAsianName: Bool {
        func eastAsian(_ s: String) -> Bool {
            !s.isEmpty
                && s.unicodeScalars.allSatisfy { scalar in
                    switch scalar.value {
                    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3134F: true
                    default: false
                    }
                }
        }
        return eastAsian(givenName) && eastAsian(familyName)
    }
}

/// A person's place in one course: their role, who nominated them, and where the nomination stands.
public struct Enrolment: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var courseID: Int64
    public var personID: Int64
    public var role: Role
    public var nominatedBy: Int64?
    public var status: NominationStatus
    /// The person who took this one's place when `status == .substituted`.
    public var substitutedBy: Int64?
    public var note: String

    public init(
        id: Int64? = nil, courseID: Int64, personID: Int64, role: Role = .participant,
        nominatedBy: Int64? = nil, status: NominationStatus = .nominated,
        substitutedBy: Int64? = nil, note: String = ""
    ) {
        self.id = id; self.courseID = courseID; self.personID = personID; self.role = role
        self.nominatedBy = nominatedBy; self.status = status; self.substitutedBy = substitutedBy
        self.note = note
    }
}

/// A cap on nominations for one country or one agency ("five officials per country").
public struct Quota: Hashable, Sendable {
    public var scope: QuotaScope
    /// Country code or agency code, depending on `scope`.
    public var key: String
    public var limit: Int

    public init(scope: QuotaScope, key: String, limit: Int) {
        self.scope = scope; self.key = key; self.limit = limit
    }
}
