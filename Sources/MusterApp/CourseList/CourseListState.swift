import CourseKit
import Foundation
import TerminalUI

/// The first screen: every course with its dates, next session and head count.
public struct CourseListState: Sendable, Equatable {
    public var courses: [CourseSummary] = []
    public var table = TableState()
    /// False until the first load returns, so the screen can say "Loading…" instead of "no courses".
    public var loaded = false
    /// Courses whose attendance rate has arrived at least once: the others show a blank rate.
    /// A reload keeps the rates shown until the new ones come, so nothing blinks.
    var ratesShown: Set<Int64> = []
    /// Courses whose rate was read, or asked for, since the list last loaded.
    var ratesAsked: Set<Int64> = []
    /// The course to select when the next load arrives (a copy just made), else the one selected.
    var pendingSelection: String?
    /// Only the first screenfuls are in (`courseListHeadLoaded`); the whole list is on its way.
    var headOnly = false

    public init() {}

    /// Whether any course is past its retention period, so the list explains "PAST".
    public var hasPastRetention: Bool { courses.contains { $0.pastRetention } }

    public var selected: CourseSummary? { table.selection.flatMap { courses.indices.contains($0) ? courses[$0] : nil } }

    /// `head`: the first screenfuls only. The whole list that follows a head keeps the rates
    /// asked for, which were read a moment ago; any other load reads them again.
    mutating func load(_ summaries: [CourseSummary], head: Bool = false) {
        let previous = pendingSelection ?? selected?.course.code
        pendingSelection = nil
        // The rates already known stay until the new ones come: no blink on every reload.
        let known = Dictionary(courses.compactMap { s in s.course.id.map { ($0, s.marks) } }, uniquingKeysWith: { a, _ in a })
        courses = summaries.map { s in
            var s = s
            if let id = s.course.id, let marks = known[id] { s.marks = marks }
            return s
        }
        loaded = true
        if !headOnly || head { ratesAsked = [] }
        headOnly = head
        table.setRowCount(summaries.count)
        if let previous, let index = summaries.firstIndex(where: { $0.course.code == previous }) {
            table.select(index)
        }
    }

    /// Whether the row shows an attendance rate: once its course's rate has arrived.
    public func showsRate(_ summary: CourseSummary) -> Bool { summary.course.id.map(ratesShown.contains) ?? false }

    /// The courses within a screen of the rows shown (`height` rows) whose rates are not asked
    /// for since the last load, now taken as asked. The rates are read for what the list shows:
    /// on a library of 1,000 courses, all of them took half a second after the first frame.
    mutating func ratesToAsk(height: Int) -> [Int64] {
        guard !courses.isEmpty else { return [] }
        let visible = table.visibleRange(height: height)
        let low = max(0, visible.lowerBound - height), high = min(courses.count, visible.upperBound + height)
        guard low < high else { return [] }
        let ids = courses[low..<high].compactMap(\.course.id).filter { !ratesAsked.contains($0) }
        ratesAsked.formUnion(ids)
        return ids
    }

    /// Rates that arrived for `courseIDs`; a course without marks has none in `rates`.
    mutating func applyRates(_ rates: [Int64: SessionMarkTotals], for courseIDs: [Int64]) {
        let arrived = Set(courseIDs)
        for i in courses.indices {
            guard let id = courses[i].course.id, arrived.contains(id) else { continue }
            courses[i].marks = rates[id] ?? SessionMarkTotals()
        }
        ratesShown.formUnion(arrived)
    }
}
