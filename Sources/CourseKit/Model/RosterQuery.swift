import Foundation

/// A column the roster browser sorts by. Every one has a covering index on `roster_index`, so
/// any page of any order is an index scan however large the roster.
public enum RosterSortColumn: String, CaseIterable, Sendable, Hashable {
    case name, code, sex, country, agency, role, status, attendance

    /// The `roster_index` columns of the order, most significant first; the name and the person
    /// id break ties so the order is total and pages never overlap.
    var sqlColumns: [String] {
        switch self {
        case .name: ["name_key", "person_id"]
        case .code: ["code", "name_key", "person_id"]
        case .sex: ["sex", "name_key", "person_id"]
        case .country: ["country", "name_key", "person_id"]
        case .agency: ["agency_key", "name_key", "person_id"]
        case .role: ["role", "name_key", "person_id"]
        case .status: ["status", "name_key", "person_id"]
        case .attendance: ["attended", "name_key", "person_id"]
        }
    }

    /// The index that delivers this order (see the `v3-derived-roster` migration).
    var indexName: String {
        switch self {
        case .name: "roster_by_name"
        case .code: "roster_by_code"
        case .sex: "roster_by_sex"
        case .country: "roster_by_country"
        case .agency: "roster_by_agency"
        case .role: "roster_by_role"
        case .status: "roster_by_status"
        case .attendance: "roster_by_attended"
        }
    }
}

/// How the roster is ordered. `descending` reverses the whole order, ties included, so it stays
/// one index scan read backwards.
public struct RosterOrder: Hashable, Sendable {
    public var column: RosterSortColumn
    public var descending: Bool
    public init(_ column: RosterSortColumn = .name, descending: Bool = false) {
        self.column = column; self.descending = descending
    }
}

/// Which enrolments the roster shows. Every set dimension must match (filters combine); nil
/// dimensions admit everyone.
public struct RosterFilter: Hashable, Sendable {
    public var sex: Sex?
    /// ISO 3166-1 alpha-2; the empty string selects people without a country.
    public var country: String?
    /// The person's own agency; `RosterFilter.noAgency` selects people without one.
    public var agencyID: Int64?
    public var role: Role?
    public var status: NominationStatus?
    /// True: completed by the course's rule; false: not (yet) completed.
    public var completed: Bool?
    /// Only the people a roll call marks: expected in the room (nominated, confirmed, walk-in)
    /// as participants or observers. The overview's counts and the matrix use it.
    public var rollCallOnly: Bool
    /// The roll call's filter: people by their current mark in one session (a guest's own marks
    /// not yet in the library included).
    public var sessionMark: SessionMarkFilter?

    public static let noAgency: Int64 = 0

    public init(
        sex: Sex? = nil, country: String? = nil, agencyID: Int64? = nil, role: Role? = nil,
        status: NominationStatus? = nil, completed: Bool? = nil, rollCallOnly: Bool = false,
        sessionMark: SessionMarkFilter? = nil
    ) {
        self.sex = sex; self.country = country; self.agencyID = agencyID; self.role = role
        self.status = status; self.completed = completed; self.rollCallOnly = rollCallOnly
        self.sessionMark = sessionMark
    }

    public var isEmpty: Bool { self == RosterFilter() }
}

/// One roster browser query: a course, an order and a filter. Pages of it are cached by the app
/// under this value, so it is the cache key.
public struct RosterQuery: Hashable, Sendable {
    public var courseID: Int64
    public var order: RosterOrder
    public var filter: RosterFilter

    public init(courseID: Int64, order: RosterOrder = RosterOrder(), filter: RosterFilter = RosterFilter()) {
        self.courseID = courseID; self.order = order; self.filter = filter
    }
}

/// One row of the roster browser: the person, their enrolment, their agency and their totals.
public struct RosterListEntry: Hashable, Sendable, Identifiable {
    public var person: Person
    public var enrolment: Enrolment
    public var agency: Agency?
    /// Sessions attended present or late.
    public var attended: Int
    /// Sessions with any current mark.
    public var marked: Int
    /// Core sessions attended present or late.
    public var coreAttended: Int
    /// The code of whoever took this person's place (status `substituted`).
    public var substitutedByCode: String? = nil
    /// The code of the person this one replaced, when they came in as a substitute.
    public var substituteForCode: String? = nil
    public var id: Int64 { enrolment.id ?? 0 }
}

/// What the completion column and filter need to know about a course, besides each person's
/// totals: the rule, how many sessions there are and how many are core.
public struct RosterCourseFacts: Hashable, Sendable {
    public var rule: CompletionRule
    public var sessionCount: Int
    public var coreCount: Int

    public init(rule: CompletionRule, sessionCount: Int, coreCount: Int) {
        self.rule = rule; self.sessionCount = sessionCount; self.coreCount = coreCount
    }

    public func completed(_ item: RosterListEntry) -> Bool {
        Completion.evaluate(
            rule: rule, sessionCount: sessionCount, attended: item.attended,
            coreSessions: coreCount, coreAttended: item.coreAttended)
    }
}

/// A dimension of the roster filter, for the filter menu and its counts.
public enum RosterFacet: String, CaseIterable, Sendable, Hashable {
    case sex, country, agency, role, status, completion
}

/// One value of a facet with how many rows of the current filter have it ("Guatemala 5").
public struct RosterFacetValue: Hashable, Sendable {
    /// The stored value: a sex, a country code, an agency id as text, a role, a status, or
    /// "completed"/"not-completed".
    public var value: String
    public var count: Int
    public init(value: String, count: Int) { self.value = value; self.count = count }
}

extension Role {
    /// Whether a roll call marks people in this role: facilitators, organisers and resource
    /// people run the session and are not marked.
    public var isMarkedAtRollCall: Bool { self == .participant || self == .observer }
}
