import CourseKit
import Foundation
import TerminalUI

/// What the roll call knows of its session besides the rows: loaded with every (re)load.
public struct RollCallData: Sendable, Equatable {
    public var course: Course
    public var session: Session
    /// "Day 2" for the header.
    public var dayNumber: Int
    /// How many people are expected and how many are marked, counted in the library.
    public var counts: RollCallCounts
    public var version: Int
    /// This library's device id: a mark made elsewhere (it arrived in a sync bundle) says where from.
    public var localDevice = ""
    /// Some event of the session was made on another device: the FROM column shows.
    public var fromElsewhere = false
}

/// One page of the roll call's rows, with their people's current marks in the session.
public struct RollCallPage: Sendable, Equatable {
    public var items: [RosterListEntry]
    public var marks: [Int64: AttendanceEvent]
}

/// Everything a (re)load of the roll call brings back in one effect.
public struct RollCallLoad: Sendable, Equatable {
    public var data: RollCallData
    public var query: RosterQuery
    public var total: Int
    public var selection: Int
    public var pages: [Int: RollCallPage]

    public init(data: RollCallData, query: RosterQuery, total: Int, selection: Int, pages: [Int: RollCallPage]) {
        self.data = data; self.query = query; self.total = total; self.selection = selection; self.pages = pages
    }
}

/// One step `u` takes back on the roll call.
public enum RollCallUndo: Sendable, Equatable {
    /// One mark, by its event.
    case mark(UUID)
    /// Marks written together, by the change-log entry that lists them (`Attendance.markBatch`).
    case batch(changeID: Int64, count: Int)

    /// Whether this entry recorded `eventID`.
    func holds(_ eventID: UUID?) -> Bool {
        if case .mark(let id) = self { return id == eventID }
        return false
    }

    /// The batch's change-log id; nil for a single mark.
    var batchID: Int64? {
        if case .batch(let id, _) = self { return id }
        return nil
    }
}

/// The facilitator's roll call for one session.
///
/// Rows are never all in memory, as in the roster browser: the state holds the count and a few
/// pages of the roll call's query (the expected participants and observers by family name, the
/// mark filter a condition on the session's marks), and the header's counts come from the
/// library's tallies. Opening the roll call of a 100,000-person course reads two pages.
public struct RollCallState: Sendable, Equatable {
    public static let pageSize = 50
    static let keptPages = 3

    public var courseCode: String
    public var sessionKey: String
    public var data: RollCallData?
    public var filter: MarkFilter = .all
    /// The query the pages belong to; nil until the session has loaded.
    public var query: RosterQuery?
    /// Rows the filter admits.
    public var total = 0
    public var pages: [Int: RollCallPage] = [:]
    public var requested: Set<Int> = []
    public var table = TableState()
    public var search: ListSearch?
    /// The last search, for `n`/`N`.
    public var lastQuery = ""
    /// Marks this roll call recorded, newest last: what `u` undoes. A batch (`P`) is one entry.
    public var undoStack: [RollCallUndo] = []
    /// Names of the people this roll call marked, for the status line of an undo whose row has
    /// scrolled out of the pages (as small as the undo stack).
    var markedNames: [Int64: String] = [:]

    public init(courseCode: String, sessionKey: String) {
        self.courseCode = courseCode
        self.sessionKey = sessionKey
    }

    /// The row at `index`, when its page is loaded.
    public func entry(at index: Int) -> RosterListEntry? {
        guard let page = pages[index / Self.pageSize] else { return nil }
        let offset = index % Self.pageSize
        return page.items.indices.contains(offset) ? page.items[offset] : nil
    }

    /// The loaded rows, in order (a small course's whole roll call).
    public var loadedRows: [RosterListEntry] { pages.keys.sorted().flatMap { pages[$0]!.items } }

    /// A loaded person's current mark in the session.
    public func mark(of personID: Int64) -> AttendanceEvent? {
        for page in pages.values { if let mark = page.marks[personID] { return mark } }
        return nil
    }

    /// The person under the selection.
    public var selectedPerson: RosterListEntry? { table.selection.flatMap(entry(at:)) }

    /// "18/24 marked · 14 present".
    public var countsText: String { countsText(Words(.en)) }

    /// "18/24 marked · 14 present", "18/24 marcadas · 14 presentes".
    public func countsText(_ words: Words) -> String {
        guard let counts = data?.counts else { return "" }
        let attending = counts.marks.attending
        return words.rollCall(attending == 1 ? "rollcall.counts.one" : "rollcall.counts", counts.marks.marked, counts.expected, attending)
    }

    /// People still without a mark: what `P` would mark.
    public var unmarkedCount: Int { data?.counts.rows(.unmarked) ?? 0 }

    mutating func apply(_ load: RollCallLoad, pageHeight: Int) {
        data = load.data
        query = load.query
        filter = load.query.filter.sessionMark?.marks ?? .all
        total = load.total
        pages = load.pages
        requested = []
        table.setRowCount(load.total)
        table.select(load.selection)
        table.ensureVisible(height: pageHeight)
    }

    /// Takes the mark the store derived after a write, into the row if its page is loaded. The
    /// roll call never derives a mark from the event it wrote: an undo event, a kiosk check-in
    /// losing to a facilitator, a correction all leave a current mark that only the whole log decides.
    mutating func apply(_ outcome: MarkOutcome) {
        let personID = outcome.event.personID
        for (number, page) in pages where page.items.contains(where: { $0.person.id == personID }) {
            pages[number]?.marks[personID] = outcome.current
        }
    }

    /// A person on a loaded page, by id (whom a prompt asked about, whom an undo named).
    func loadedPerson(_ personID: Int64) -> Person? {
        for page in pages.values {
            if let entry = page.items.first(where: { $0.person.id == personID }) { return entry.person }
        }
        return nil
    }

    /// The name a message gives a person: from a loaded page, else the name this roll call
    /// recorded when it marked them (their page may have been dropped since).
    func name(_ personID: Int64) -> String {
        loadedPerson(personID)?.displayName ?? markedNames[personID] ?? "?"
    }
}

extension RollCallState {
    /// The zone the session's times are written in: its own, else the course's.
    var sessionZone: TimeZone {
        data.map { $0.session.timeZone.flatMap(TimeZone.init(identifier:)) ?? $0.course.zone } ?? TimeZone(identifier: "UTC")!
    }
}
