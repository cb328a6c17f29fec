import CourseKit
import Foundation
import TerminalUI

/// The first screen: every course with its dates, next session and head count.
public struct CourseListState: Sendable, Equatable {
    public var courses: [CourseSummary] = []
    public var table = TableState()
    /// False until the first load returns, so the screen can say "Loading…" instead of "no courses".
    public var loaded = false
    /// False until the attendance rates arrive (after the first frame): the column stays blank.
    public var ratesLoaded = false
    /// The course to select when the next load arrives (a copy just made), else the one selected.
    var pendingSelection: String?

    public init() {}

    /// Whether any course is past its retention period, so the list explains "PAST".
    public var hasPastRetention: Bool { courses.contains { $0.pastRetention } }

    public var selected: CourseSummary? { table.selection.flatMap { courses.indices.contains($0) ? courses[$0] : nil } }

    mutating func load(_ summaries: [CourseSummary]) {
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
        table.setRowCount(summaries.count)
        if let previous, let index = summaries.firstIndex(where: { $0.course.code == previous }) {
            table.select(index)
        }
    }

    mutating func applyRates(_ rates: [Int64: SessionMarkTotals]) {
        for i in courses.indices { courses[i].marks = courses[i].course.id.flatMap { rates[$0] } ?? SessionMarkTotals() }
        ratesLoaded = true
    }
}
