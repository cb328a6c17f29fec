import CourseKit
import Foundation
import TerminalUI

/// What the roll call needs from the library, loaded in one effect.
public struct RollCallData: Sendable, Equatable {
    public var course: Course
    public var session: Session
    /// "Day 2" for the header.
    public var dayNumber: Int
    /// The people expected in the room, sorted by family name.
    public var people: [RosterEntry]
    public var marks: [Int64: AttendanceEvent]
    public var version: Int
    /// The printed sign-in sheet's rows (`SignInSheet.order`, staff included) and its id: what
    /// a row number typed on the sheet entry means.
    public var sheet: [RosterEntry] = []
    public var sheetID = ""
    /// This library's device id: a mark made elsewhere (it arrived in a sync bundle) says where from.
    public var localDevice = ""
}

/// Which rows the roll call shows.
public enum MarkFilter: String, Sendable, CaseIterable {
    case all, unmarked, present, absent, late, excused

    /// The key that picks it in the filter menu.
    public var key: Character {
        switch self {
        case .all: "a"
        case .unmarked: "u"
        case .present: "p"
        case .absent: "x"
        case .late: "l"
        case .excused: "e"
        }
    }

    func admits(_ mark: AttendanceStatus?) -> Bool {
        switch self {
        case .all: true
        case .unmarked: mark == nil
        case .present: mark == .present
        case .absent: mark == .absent
        case .late: mark == .late
        case .excused: mark == .excused
        }
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

/// The search line of the roll call while `/` is active.
public struct RollCallSearch: Sendable, Equatable {
    public var field: TextField
    /// Where the selection was before searching, restored by Esc.
    public var origin: Int64?
    /// The language the search line speaks (it is drawn from the state alone, as the footer).
    public var words: Words

    public init(origin: Int64? = nil, words: Words = Words(.en)) {
        self.origin = origin
        self.words = words
        field = TextField(maxLength: 64, placeholder: words.rollCall("search.placeholder"))
    }
}

/// The facilitator's roll call for one session.
public struct RollCallState: Sendable, Equatable {
    public var courseCode: String
    public var sessionKey: String
    public var data: RollCallData?
    public var filter: MarkFilter = .all
    /// Indices into `data.people` that the filter admits, in display order.
    public private(set) var visible: [Int] = []
    public var table = TableState()
    public var search: RollCallSearch?
    /// The last search, for `n`/`N`.
    public var lastQuery = ""
    /// Marks this roll call recorded, newest last: what `u` undoes. A batch (`P`) is one entry.
    public var undoStack: [RollCallUndo] = []
    /// Folded names, parallel to `data.people`, so search costs no folding per key.
    var foldedNames: [String] = []

    public init(courseCode: String, sessionKey: String) {
        self.courseCode = courseCode
        self.sessionKey = sessionKey
    }

    public var people: [RosterEntry] { data?.people ?? [] }

    public func mark(of personID: Int64) -> AttendanceEvent? { data?.marks[personID] }

    /// The person under the selection.
    public var selectedPerson: RosterEntry? {
        guard let i = table.selection, visible.indices.contains(i) else { return nil }
        return people[visible[i]]
    }

    /// "18/24 marked · 14 present".
    public var countsText: String { countsText(Words(.en)) }

    /// "18/24 marked · 14 present", "18/24 marcadas · 14 presentes".
    public func countsText(_ words: Words) -> String {
        guard let data else { return "" }
        let marks = data.people.compactMap { data.marks[$0.person.id ?? 0] }
        let attending = marks.filter { $0.status.isAttending }.count
        return words.rollCall(attending == 1 ? "rollcall.counts.one" : "rollcall.counts", marks.count, data.people.count, attending)
    }

    /// People still without a mark, in roster order: what `P` would mark.
    public var unmarkedIDs: [Int64] {
        people.compactMap { $0.person.id }.filter { mark(of: $0) == nil }
    }

    mutating func load(_ new: RollCallData) {
        let keep = selectedPerson?.person.id
        data = new
        foldedNames = new.people.map { NameFolding.fold($0.person.displayName) }
        refilter(keeping: keep)
    }

    mutating func setMarks(_ marks: [Int64: AttendanceEvent], version: Int) {
        guard data != nil else { return }
        let keep = selectedPerson?.person.id
        data?.marks = marks
        data?.version = version
        refilter(keeping: keep)
    }

    /// Takes the mark the store derived after a write. The roll call never derives a mark from
    /// the event it wrote: an undo event, a kiosk check-in losing to a facilitator, a correction
    /// all leave a current mark that only the whole log decides.
    mutating func apply(_ outcome: MarkOutcome) {
        guard data != nil else { return }
        data?.marks[outcome.event.personID] = outcome.current
    }

    /// Recomputes the visible rows, keeping the selection on the same person when they remain
    /// visible, else on the same row index (which is "the next person" when a mark hid the row).
    mutating func refilter(keeping personID: Int64?) {
        let oldIndex = table.selection ?? 0
        visible = people.indices.filter { filter.admits(mark(of: people[$0].person.id ?? 0)?.status) }
        table.setRowCount(visible.count)
        if let personID, let i = visible.firstIndex(where: { people[$0].person.id == personID }) {
            table.select(i)
        } else if !visible.isEmpty {
            table.select(min(oldIndex, visible.count - 1))
        }
    }

    mutating func select(personID: Int64) {
        if let i = visible.firstIndex(where: { people[$0].person.id == personID }) { table.select(i) }
    }

    /// Visible rows whose name has a word starting with every fragment of `query`, in display
    /// order. Han, kana and Hangul are written without spaces between words, so a fragment in
    /// those scripts may match anywhere in the name ("小" finds "李小龍").
    func matches(_ query: String) -> [Int] {
        let fragments = NameFolding.tokens(query)
        guard !fragments.isEmpty else { return [] }
        return visible.indices.filter { row in
            let name = foldedNames[visible[row]]
            let words = name.split(separator: " ")
            return fragments.allSatisfy { f in
                words.contains { $0.hasPrefix(f) } || (f.unicodeScalars.contains { $0.value >= 0x2E80 } && name.contains(f))
            }
        }
    }
}

extension RollCallState {
    /// The zone the session's times are written in: its own, else the course's.
    var sessionZone: TimeZone {
        data.map { $0.session.timeZone.flatMap(TimeZone.init(identifier:)) ?? $0.course.zone } ?? TimeZone(identifier: "UTC")!
    }
}
