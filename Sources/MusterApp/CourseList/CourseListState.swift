import CourseKit
import Foundation
import TerminalUI

/// The first screen: every course with its dates, next session and head count.
public struct CourseListState: Sendable, Equatable {
    public var courses: [CourseSummary] = []
    public var table = TableState()
    /// False until the first load returns, so the screen can say "Loading…" instead of "no courses".
    public var loaded = false
    /// The course to select when the next load arrives (a copy just made), else the one selected.
    var pendingSelection: String?

    public init() {}

    /// Whether any course is past its retention period, so the list explains "PAST".
    public var hasPastRetention: Bool { courses.contains { $0.pastRetention } }

    public var selected: CourseSummary? { table.selection.flatMap { courses.indices.contains($0) ? courses[$0] : nil } }

    mutating func load(_ summaries: [CourseSummary]) {
        let previous = pendingSelection ?? selected?.course.code
        pendingSelection = nil
        courses = summaries
        loaded = true
        table.setRowCount(summaries.count)
        if let previous, let index = summaries.firstIndex(where: { $0.course.code == previous }) {
            table.select(index)
        }
    }
}
