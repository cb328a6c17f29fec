import CourseKit
import Foundation
import TerminalUI

/// What the overview needs from the library, loaded in one effect.
public struct OverviewData: Sendable, Equatable {
    public var course: Course
    public var sessions: [Session]
    /// Per session: the marks of the expected people, by status.
    public var counts: [Int64: SessionMarkTotals]
    /// People expected in the room (the roll call's size).
    public var expected: Int
    /// The session to select first: the one running now, or the next.
    public var currentSessionID: Int64?
    public var version: Int
}

/// A course's sessions by day, with how far each roll call has got.
public struct OverviewState: Sendable, Equatable {
    public var courseCode: String
    public var data: OverviewData?
    public var table = TableState()

    public init(courseCode: String) { self.courseCode = courseCode }

    public var selectedSession: Session? {
        guard let data, let i = table.selection, data.sessions.indices.contains(i) else { return nil }
        return data.sessions[i]
    }

    mutating func load(_ new: OverviewData) {
        let keep = selectedSession?.id
        let first = data == nil
        data = new
        table.setRowCount(new.sessions.count)
        let target = first ? new.currentSessionID : keep
        if let target, let i = new.sessions.firstIndex(where: { $0.id == target }) { table.select(i) }
    }
}

/// Day numbers as facilitators say them ("Day 2"), counted over the days that have sessions.
enum CourseDays {
    static func number(of session: Session, among sessions: [Session], zone: TimeZone) -> Int {
        let days = Array(Set(sessions.map { LocalTime.day($0.start, in: zone) })).sorted()
        return (days.firstIndex(of: LocalTime.day(session.start, in: zone)) ?? 0) + 1
    }
}
