import CourseKit
import Foundation
import TerminalUI

/// What the roster browser knows about its course besides the rows: loaded with every
/// (re)load, because quota lines and totals change with each nomination.
public struct RosterContext: Sendable, Equatable {
    public var course: Course
    public var sessions: [Session]
    public var facts: RosterCourseFacts
    /// Every agency by id, for the agency column's filter labels.
    public var agencies: [Int64: Agency]
    /// Everyone on the roster, whatever the filter ("23 of 412").
    public var everyone: Int
}

/// One page of rows and, when read for the matrix, the marks of the people on it.
public struct RosterPage: Sendable, Equatable {
    public var items: [RosterListEntry]
    /// Person id → session id → current status.
    public var marks: [Int64: [Int64: AttendanceStatus]]
    /// Person id → sessions they left before the end (drawn `P½`, `L½`).
    public var leftEarly: [Int64: Set<Int64>] = [:]
    /// Whether `marks` and `leftEarly` were read: only for the matrix, which draws them.
    public var withMarks = true
}

/// Everything a (re)load of the roster brings back in one effect.
public struct RosterLoad: Sendable, Equatable {
    public var courseCode: String
    public var context: RosterContext
    public var query: RosterQuery
    public var total: Int
    public var selection: Int
    public var pages: [Int: RosterPage]
    /// Column totals for the matrix (nil when the roster shows as a list).
    public var totals: [Int64: SessionMarkTotals]?
    /// The quota lines of the filtered country (none without a country filter).
    public var quotaLines: [QuotaLine]
    public var version: Int
}

/// The roster browser and, in `matrix` mode, the attendance matrix: the same rows, order,
/// filter and search, so switching between them keeps your place.
///
/// Rows are never all in memory. The state holds the count and a small cache of pages keyed by
/// the query (order + filter) and page number; the table asks only for visible rows, and a row
/// whose page has not arrived yet shows as "…" until it does.
public struct RosterState: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case list, matrix }

    public static let pageSize = 50
    static let keptPages = 3

    public var courseCode: String
    public var mode: Mode
    public var context: RosterContext?
    /// Nil until the course has loaded (its id is part of the query).
    public var query: RosterQuery?
    public var total = 0
    public var pages: [Int: RosterPage] = [:]
    public var requested: Set<Int> = []
    public var table = TableState()
    /// Matrix: the first session column shown.
    public var columnOffset = 0
    public var totals: [Int64: SessionMarkTotals] = [:]
    public var quotaLines: [QuotaLine] = []
    public var search: ListSearch?
    public var lastQuery = ""
    /// Filter applied when the course first loads (from the nominations screen or the matrix).
    public var initialFilter: RosterFilter
    public var version = 0

    public init(courseCode: String, mode: Mode = .list, filter: RosterFilter = RosterFilter()) {
        self.courseCode = courseCode
        self.mode = mode
        self.initialFilter = filter
    }

    /// The row at `index`, when its page is in the cache.
    public func item(at index: Int) -> RosterListEntry? {
        guard let page = pages[index / Self.pageSize] else { return nil }
        let offset = index % Self.pageSize
        return page.items.indices.contains(offset) ? page.items[offset] : nil
    }

    public func marks(of personID: Int64) -> [Int64: AttendanceStatus] {
        for page in pages.values { if let marks = page.marks[personID] { return marks } }
        return [:]
    }

    /// The sessions this person left before the end.
    public func leftEarly(of personID: Int64) -> Set<Int64> {
        for page in pages.values { if let left = page.leftEarly[personID] { return left } }
        return []
    }

    public var selected: RosterListEntry? { table.selection.flatMap(item(at:)) }

    /// The quota line for the filtered country (and agency), shown in the info line.
    public var quotaLine: QuotaLine? {
        guard let filter = query?.filter, let country = filter.country else { return nil }
        let lines = quotaLines
        if let agency = filter.agencyID {
            return lines.first { $0.scope == .agency && $0.country == country && $0.agencyID == agency }
        }
        return lines.first { $0.scope == .country && $0.key == country }
    }

    mutating func apply(_ load: RosterLoad, pageHeight: Int) {
        context = load.context
        query = load.query
        total = load.total
        pages = load.pages
        requested = []
        if let totals = load.totals { self.totals = totals }
        quotaLines = load.quotaLines
        version = load.version
        table.setRowCount(load.total)
        table.select(load.selection)
        table.ensureVisible(height: pageHeight)
        columnOffset = min(columnOffset, max(0, load.context.sessions.count - 1))
        forgetPagesWithoutMarks()
    }

    /// In the matrix, pages read for the list (without marks) would draw empty cells: they are
    /// dropped, and read again with marks by the next `fetchPages`.
    mutating func forgetPagesWithoutMarks() {
        guard mode == .matrix else { return }
        pages = pages.filter { $0.value.withMarks }
    }
}

/// How each filter dimension and value reads on screen, in the screen's language.
enum RosterLabels {
    /// "name", "nombre": an order as "Sorted by …" names it.
    static func columnTitle(_ column: RosterSortColumn, _ words: Words) -> String { words.roster("sort.\(column.rawValue)") }

    /// "Nomination status", "Estado de nominación": a dimension of the filter menu.
    static func facetTitle(_ facet: RosterFacet, _ words: Words) -> String { words.roster("facet.\(facet.rawValue)") }

    /// "Guatemala", "BIM", "female", "completed".
    static func value(_ facet: RosterFacet, _ raw: String, agencies: [Int64: Agency], _ words: Words) -> String {
        switch facet {
        case .country: raw.isEmpty ? words.roster("filter.noCountry") : Countries.name(of: raw, in: words.language) ?? raw
        case .agency: Int64(raw).flatMap { agencies[$0]?.shortName } ?? words.roster("filter.noAgency")
        case .completion: words.roster(raw == "completed" ? "filter.completed" : "filter.notCompleted")
        case .status:
            raw == NominationStatus.walkIn.rawValue ? words.roster("filter.walkIn") : words.statusTerm(raw)
        case .sex: Sex(rawValue: raw).map { words.roster("sex.\($0.rawValue)") } ?? raw
        case .role: Role(rawValue: raw).map { words.term($0) } ?? raw
        }
    }

    /// "country Guatemala · status confirmed": the filter as the info line shows it.
    static func describe(_ f: RosterFilter, agencies: [Int64: Agency], _ words: Words) -> String {
        var parts: [String] = []
        if let s = f.sex { parts.append(words.roster("filter.sex", value(.sex, s.rawValue, agencies: agencies, words))) }
        if let c = f.country { parts.append(value(.country, c, agencies: agencies, words)) }
        if let a = f.agencyID { parts.append(value(.agency, String(a), agencies: agencies, words)) }
        if let r = f.role { parts.append(words.term(r)) }
        if let s = f.status { parts.append(value(.status, s.rawValue, agencies: agencies, words)) }
        if let c = f.completed { parts.append(value(.completion, c ? "completed" : "", agencies: agencies, words)) }
        if f.rollCallOnly { parts.append(words.roster("filter.expected")) }
        return parts.joined(separator: " · ")
    }
}
