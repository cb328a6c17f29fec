import Foundation

/// What a report breaks its figures down by.
public enum ReportDimension: String, CaseIterable, Sendable {
    case sex
    case country
    case agency
    case agencyKind = "agency-kind"
    case role

    public var title: String {
        switch self {
        case .sex: "Sex"
        case .country: "Country"
        case .agency: "Agency"
        case .agencyKind: "Agency kind"
        case .role: "Role"
        }
    }

    /// The group a roster entry falls in, as printed ("Female", "Guatemala", "IGM", "Migration agency").
    public func label(of entry: RosterEntry) -> String {
        label(sex: entry.person.sex, country: entry.person.country, agency: entry.agency, role: entry.enrolment.role)
    }

    /// The same from the values themselves, for counts made elsewhere (the head office's SQL).
    public func label(sex: Sex, country: String, agency: Agency?, role: Role) -> String {
        switch self {
        case .sex:
            Self.sexLabel(sex)
        case .country:
            country.isEmpty ? "(no country)" : Countries.name(of: country) ?? country
        case .agency:
            // Acronyms repeat across countries (Costa Rica's and El Salvador's DGME): add the country.
            agency.map { $0.acronym.isEmpty ? $0.name : $0.country.isEmpty ? $0.acronym : "\($0.acronym) (\($0.country))" }
                ?? "(no agency)"
        case .agencyKind:
            agency.map { Self.kindLabel($0.kind) } ?? "(no agency)"
        case .role:
            Self.capitalised(role.rawValue)
        }
    }

    /// Fixed order for small closed sets (sex, role); nil means "largest group first".
    func fixedOrder() -> [String]? {
        switch self {
        case .sex: Sex.allCases.map(Self.sexLabel)
        case .role: Role.allCases.map { Self.capitalised($0.rawValue) }
        default: nil
        }
    }

    static func sexLabel(_ sex: Sex) -> String {
        switch sex {
        case .female: "Female"
        case .male: "Male"
        case .other: "Other"
        case .notDisclosed: "Not disclosed"
        }
    }

    static func kindLabel(_ kind: AgencyKind) -> String {
        switch kind {
        case .international: "UN/international"
        default: capitalised(kind.rawValue)
        }
    }

    static func capitalised(_ raw: String) -> String {
        let words = raw.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Parses `sex,country,agency-kind`, naming the words it does not know.
    public static func parseList(_ text: String) throws -> [ReportDimension] {
        try text.split(separator: ",").map { word in
            let w = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let d = ReportDimension(rawValue: w) else {
                throw MusterError.invalid("unknown breakdown '\(w)': use \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return d
        }
    }
}
