import Foundation

/// How a group's nominations stand against its quota.
public enum QuotaStanding: String, Sendable, Hashable {
    /// No quota applies to the group.
    case noQuota
    /// Fewer places taken than the quota allows.
    case below
    /// Exactly as many places taken as the quota allows.
    case full
    /// More places taken than the quota allows.
    case over
}

/// One line of the nominations screen: a country (or an agency) with its participants'
/// nominations by status and, when there is one, its quota. `QuotaCount.lines` makes them.
///
/// "Guatemala 4/5" means four of five places are taken by standing nominations (nominated or
/// confirmed, `QuotaCount.takesPlace`); the breakdown beside it says how many are confirmed.
public struct QuotaLine: Hashable, Sendable {
    public var scope: QuotaScope
    /// The country code (for `country` lines) or the agency code (for `agency` lines).
    public var key: String
    /// ISO 3166-1 alpha-2 of the group, empty for people without a country.
    public var country: String
    /// The agency, on agency lines.
    public var agencyID: Int64?
    /// "Guatemala", "MREC", "No country".
    public var label: String
    public var limit: Int?
    /// Participants by nomination status.
    public var counts: [NominationStatus: Int]

    public init(
        scope: QuotaScope, key: String, country: String, agencyID: Int64? = nil, label: String,
        limit: Int? = nil, counts: [NominationStatus: Int] = [:]
    ) {
        self.scope = scope; self.key = key; self.country = country; self.agencyID = agencyID
        self.label = label; self.limit = limit; self.counts = counts
    }

    public subscript(status: NominationStatus) -> Int { counts[status] ?? 0 }

    /// The label in `language`: a country's name in that language, "Sin país" and "Sin
    /// institución" for the lines of people without one; an agency's acronym as the library has it.
    public func label(in language: Language) -> String {
        let words = Words(language)
        switch scope {
        case .country: return key.isEmpty ? words.text("quota.noCountry", table: "Terms") : Countries.name(of: key, in: language) ?? label
        case .agency: return key.isEmpty ? words.text("quota.noAgency", table: "Terms") : label
        }
    }

    /// Places taken: standing nominations, nominated or confirmed (`QuotaCount.takesPlace`).
    public var used: Int { counts.filter { QuotaCount.takesPlace(role: .participant, status: $0.key) }.values.reduce(0, +) }

    public var standing: QuotaStanding {
        guard let limit else { return .noQuota }
        return used < limit ? .below : used == limit ? .full : .over
    }

    /// "Guatemala 3/5", "Honduras 5/5 ✓", "Mexico 6/5 over", "Canada 4" (no quota); `check`
    /// is the theme's mark so ASCII terminals get "OK".
    public func text(check: String = "✓") -> String {
        guard let limit else { return "\(label) \(used)" }
        switch standing {
        case .full: return "\(label) \(used)/\(limit) \(check)"
        case .over: return "\(label) \(used)/\(limit) over"
        default: return "\(label) \(used)/\(limit)"
        }
    }

    /// The statuses `pendingText` names, in its order: the ones holding places, then the rest in
    /// workflow order. The screens say the same in their own language (`NominationsView.pending`).
    public static let pendingOrder: [NominationStatus] = [
        .confirmed, .nominated, .walkIn, .waitlisted, .declined, .withdrawn, .substituted,
    ]

    /// "5 confirmed · 1 nominated · 1 declined": what the places are made of, then the
    /// statuses that hold none, in workflow order.
    public var pendingText: String {
        Self.pendingOrder.compactMap { status -> String? in
            let n = self[status]
            guard n > 0 else { return nil }
            return status == .walkIn ? "\(n) walk-in awaiting review" : "\(n) \(status.rawValue)"
        }.joined(separator: " · ")
    }
}
