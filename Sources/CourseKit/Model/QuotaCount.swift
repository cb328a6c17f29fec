import Foundation

/// The one count of a course's nominations against its quotas. The nominations screen, the
/// roster's info line and the report all read `lines`, so they cannot disagree about whether
/// Honduras is full or over.
///
/// A quota is a number of places a country or a nominating agency may fill ("11 countries each
/// nominate five officials"): every standing nomination of a participant takes a place, whether
/// it is still `nominated` or already `confirmed`. Nobody else does: observers, facilitators and
/// organisers are not nominees, a walk-in is awaiting a coordinator's review, and declined,
/// withdrawn, substituted and waitlisted nominees have given their place up (or not got one).
///
/// An agency's quota is places for its own officials; the agency that nominated someone counts
/// only when the person has none recorded. The nominating body is often a channel for a whole
/// country (in the RCM programme each foreign ministry nominates all five of its officials), so
/// counting by it would put every nominee under one ministry.
public enum QuotaCount {
    /// Said wherever a quota is shown.
    public static let rule = "places: nominated + confirmed"

    /// Whether an enrolment in this role and status takes one of its group's places.
    public static func takesPlace(role: Role, status: NominationStatus) -> Bool {
        role == .participant && (status == .nominated || status == .confirmed)
    }

    /// Participants of one country nominated by one agency in one status: `n` of them.
    public struct Tally: Hashable, Sendable {
        public var country: String
        /// The person's own agency, else the one that nominated them; nil for neither.
        public var agencyID: Int64?
        public var status: NominationStatus
        public var n: Int

        public init(country: String, agencyID: Int64?, status: NominationStatus, n: Int = 1) {
            self.country = country; self.agencyID = agencyID; self.status = status; self.n = n
        }
    }

    /// Every country of the participants, quota countries first in the quotas' order and the
    /// others by name, "No country" last; each followed by its agencies by label. An agency has
    /// one line, counting everyone it nominated, under its own country (or, for a regional
    /// body, the country most of its nominees come from), so an agency quota is compared with
    /// the agency's whole count. With `only`, just that country's lines.
    public static func lines(quotas: [Quota], tallies: [Tally], agencies: [Int64: Agency], only: String? = nil) -> [QuotaLine] {
        var countryCounts: [String: [NominationStatus: Int]] = [:]
        var agencyCounts: [Int64: [NominationStatus: Int]] = [:]
        var agencyCountries: [Int64: [String: Int]] = [:]
        for t in tallies where t.n != 0 {
            countryCounts[t.country, default: [:]][t.status, default: 0] += t.n
            let agency = t.agencyID ?? RosterFilter.noAgency
            agencyCounts[agency, default: [:]][t.status, default: 0] += t.n
            agencyCountries[agency, default: [:]][t.country, default: 0] += t.n
        }
        var countryLimits: [String: Int] = [:], agencyLimits: [String: Int] = [:], order: [String] = []
        for q in quotas {
            switch q.scope {
            case .country:
                countryLimits[q.key] = q.limit
                order.append(q.key)
            case .agency: agencyLimits[q.key] = q.limit
            }
        }
        var agencyLines: [String: [QuotaLine]] = [:]
        for (id, counts) in agencyCounts {
            let agency = agencies[id]
            let home =
                agency.map(\.country).flatMap { $0.isEmpty ? nil : $0 }
                ?? agencyCountries[id, default: [:]].max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
            countryCounts[home, default: [:]] = countryCounts[home] ?? [:]
            let label = agency.map { $0.acronym.isEmpty ? $0.name : $0.acronym } ?? "No agency"
            agencyLines[home, default: []].append(
                QuotaLine(
                    scope: .agency, key: agency?.code ?? "", country: home, agencyID: id, label: label,
                    limit: agency.flatMap { agencyLimits[$0.code] }, counts: counts))
        }
        let others = countryCounts.keys.filter { countryLimits[$0] == nil }
            .sorted { ($0.isEmpty ? 1 : 0, Countries.name(of: $0) ?? $0) < ($1.isEmpty ? 1 : 0, Countries.name(of: $1) ?? $1) }
        return (order + others).filter { only == nil || $0 == only }.flatMap { country -> [QuotaLine] in
            let head = QuotaLine(
                scope: .country, key: country, country: country,
                label: country.isEmpty ? "No country" : Countries.name(of: country) ?? country,
                limit: countryLimits[country], counts: countryCounts[country] ?? [:])
            let agencies = (agencyLines[country] ?? []).sorted { ($0.label.lowercased(), $0.key) < ($1.label.lowercased(), $1.key) }
            return [head] + agencies
        }
    }

    /// What a change did to the quotas, said when it happens: each quota it took over its limit
    /// or further over, by more places taken or by a lower limit ("Guatemala now 6 of 5 places,
    /// over its quota by 1 (nominated + confirmed)"). The roster import's summary and the
    /// screens' status line both say it with these words, in their own language.
    public static func newlyOver(before: [QuotaLine], after: [QuotaLine]) -> [ChangeSummary] {
        after.compactMap { line in
            guard let limit = line.limit, line.used > limit else { return nil }
            let old = before.first { $0.scope == line.scope && $0.key == line.key }
            if let old, let oldLimit = old.limit, old.used - oldLimit >= line.used - limit { return nil }
            return over(line, limit: limit)
        }
    }

    /// "Guatemala now 6 of 5 places, over its quota by 1 (nominated + confirmed)": short enough
    /// for an 80-column status line, and it says which statuses were counted. A country is
    /// named in the reader's language; an agency by its acronym as the library has it.
    static func over(_ line: QuotaLine, limit: Int) -> ChangeSummary {
        let group: ChangeSummary.Part = line.scope == .country && !line.key.isEmpty ? .country(line.key) : .text(line.label)
        return ChangeSummary("quota.over", group, .number(line.used), .number(limit), .number(line.used - limit))
    }
}
