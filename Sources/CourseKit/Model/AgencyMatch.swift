import Foundation

/// An agency as people name it in a form: by the internal code (`gt-segeplan`), the acronym
/// printed on the screens (`SEGEPLAN`), the full name, or the start of the name or acronym
/// when only one agency has it. A form that wanted the internal code refused what every
/// screen shows.
public enum AgencyMatch: Equatable, Sendable {
    case found(Agency)
    case ambiguous([Agency])
    case none

    public static func find(_ text: String, in agencies: [Agency]) -> AgencyMatch {
        let typed = NameFolding.fold(text.trimmingCharacters(in: .whitespaces))
        guard !typed.isEmpty else { return .none }
        func exact(_ a: Agency) -> Bool {
            NameFolding.fold(a.code) == typed || (!a.acronym.isEmpty && NameFolding.fold(a.acronym) == typed)
                || NameFolding.fold(a.name) == typed
        }
        let exactHits = agencies.filter(exact)
        if exactHits.count == 1 { return .found(exactHits[0]) }
        if exactHits.count > 1 { return .ambiguous(exactHits) }
        let prefixHits = agencies.filter { a in
            NameFolding.fold(a.name).hasPrefix(typed) || NameFolding.fold(a.acronym).hasPrefix(typed)
        }
        switch prefixHits.count {
        case 0: return .none
        case 1: return .found(prefixHits[0])
        default: return .ambiguous(prefixHits)
        }
    }
}
