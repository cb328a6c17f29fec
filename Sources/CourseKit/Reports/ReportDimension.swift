import Foundation

/// What a report breaks its figures down by.
public enum ReportDimension: String, CaseIterable, Sendable {
    case sex
    case country
    case agency
    case agencyKind = "agency-kind"
    case role

    /// "Sex", "Agency kind": the dimension's name in English (its breakdown table's id says
    /// "By \(title.lowercased())").
    public var title: String { title(.en) }

    /// The dimension's name in `language` ("Sexo").
    public func title(_ language: Language) -> String { ReportWords(language)("dimension.\(rawValue)") }

    /// The group a roster entry falls in, as printed ("Female", "Guatemala", "IGM", "Migration agency").
    public func label(of entry: RosterEntry, _ language: Language = .en) -> String {
        label(sex: entry.person.sex, country: entry.person.country, agency: entry.agency, role: entry.enrolment.role, language)
    }

    /// The same from the values themselves, for counts made elsewhere (the head office's SQL).
    public func label(sex: Sex, country: String, agency: Agency?, role: Role, _ language: Language = .en) -> String {
        let w = ReportWords(language)
        switch self {
        case .sex:
            return w.label("sex", sex.rawValue)
        case .country:
            return country.isEmpty ? w("noCountry") : w.country(country) ?? country
        case .agency:
            // Acronyms repeat across countries (Costa Rica's and El Salvador's DGME): add the country.
            return agency.map { $0.acronym.isEmpty ? $0.name : $0.country.isEmpty ? $0.acronym : "\($0.acronym) (\($0.country))" }
                ?? w("noAgency")
        case .agencyKind:
            return agency.map { w.label("kind", $0.kind.rawValue) } ?? w("noAgency")
        case .role:
            return w.label("role", role.rawValue)
        }
    }

    /// Fixed order for small closed sets (sex, role); nil means "largest group first".
    func fixedOrder(_ language: Language) -> [String]? {
        let w = ReportWords(language)
        switch self {
        case .sex: return Sex.allCases.map { w.label("sex", $0.rawValue) }
        case .role: return Role.allCases.map { w.label("role", $0.rawValue) }
        default: return nil
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
