import Foundation

/// What `copyCourse` made, and whom it left off the new roster.
public struct CourseCopySummary: Sendable, Equatable {
    public var imported: ImportSummary
    /// Days every date moved by.
    public var shiftedDays: Int
    /// People on the old roster not carried over: erased placeholders, and those who declined,
    /// withdrew, were substituted or waitlisted.
    public var leftOut: Int
}

extension Courses {
    /// A course's next run: the same course with every date moved so it starts on `start`.
    ///
    /// Sessions keep their wall-clock times in their own time zone (a 09:00 session is at 09:00
    /// on its new day, whatever daylight saving does; a time the move lands in a daylight-saving
    /// gap is refused like any course file's). Agencies, quotas, completion rule, late threshold,
    /// retention and summary are kept; the old run's sources and assumptions are not, as they
    /// describe that run. The start year in the title and short title follows the new start.
    /// With `withRoster`, the people who took part (nominated, confirmed, walk-in) come along as
    /// *nominated*, with their role and nominating agency; erased people never do. The copy is
    /// one course-file import, so it is logged, undoable and written through the one write path.
    public func copyCourse(from code: String, to newCode: String, start: CalendarDate, withRoster: Bool) throws -> CourseCopySummary {
        if (try? store.courses.course(code: newCode)) != nil { throw MusterError.refused(.courseCodeTaken(code: newCode)) }
        var file = try courseFile(code: code)
        let days = Self.days(from: file.startDate, to: start)
        let oldYear = String(file.startDate.year), newYear = String(start.year)
        file.code = newCode
        file.title = file.title.replacingOccurrences(of: oldYear, with: newYear)
        file.shortTitle = file.shortTitle?.replacingOccurrences(of: oldYear, with: newYear)
        file.startDate = start
        file.endDate = Self.shift(file.endDate, by: days)
        file.sources = nil
        file.assumptions = nil
        file.sessions = file.sessions.map { s in
            var s = s
            s.start = Self.shift(wallClock: s.start, by: days)
            s.end = Self.shift(wallClock: s.end, by: days)
            return s
        }
        let everyone = file.participants ?? []
        let kept = everyone.filter { p in
            !(p.givenName + p.familyName).isEmpty && withRoster && p.status.isExpected
        }
        file.participants = kept.map { p in
            var p = p
            p.status = .nominated
            p.substitutedBy = nil
            p.note = nil
            return p
        }
        try CourseFileValidator.validate(file, path: "copy of \(code)")
        let summary = try importCourse(file)
        return CourseCopySummary(imported: summary, shiftedDays: days, leftOut: withRoster ? everyone.count - kept.count : 0)
    }

    static func days(from a: CalendarDate, to b: CalendarDate) -> Int {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let da = utc.date(from: DateComponents(year: a.year, month: a.month, day: a.day))!
        let db = utc.date(from: DateComponents(year: b.year, month: b.month, day: b.day))!
        return utc.dateComponents([.day], from: da, to: db).day ?? 0
    }

    static func shift(_ date: CalendarDate, by days: Int) -> CalendarDate {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let d = utc.date(
            byAdding: .day, value: days, to: utc.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!)!
        let c = utc.dateComponents([.year, .month, .day], from: d)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// "2024-05-07 09:00" moved by whole days, the time of day left alone.
    static func shift(wallClock text: String, by days: Int) -> String {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])) else { return text }
        return "\(shift(day, by: days)) \(parts[1])"
    }
}

/// Dates a copy of a course suggests.
public enum CourseCopyDates {
    /// 52 weeks on: the same weekday a year later (a Tuesday course stays on a Tuesday).
    public static func sameWeekdayNextYear(_ d: CalendarDate) -> CalendarDate { Courses.shift(d, by: 364) }
}
