import Foundation

/// The long attendance layout: one row per participant × session that has a current mark.
///
/// Columns are fixed (scripts and donors' spreadsheets depend on them) and every value is
/// written so the file re-imports without loss: ISO 8601 times with offsets, codes not names
/// for course, session, participant and agency. `note` (an excuse's reason) and `actor` (who
/// recorded the mark) came later and are the last two columns, so scripts that read the first
/// sixteen by position keep working and files written before them still import.
public enum AttendanceExport {
    public static let longColumns = [
        "course", "session", "session_start", "participant", "given_name", "family_name", "sex", "country",
        "agency", "role", "status", "arrival", "departure", "recorded_at", "source", "device", "note", "actor",
    ]

    /// Rows in session order, then roster order. `includeUnmarked` adds a row with an empty status
    /// for each participant × session without a mark (the full grid).
    public static func longRows(
        store: CourseStore, courseCode: String, includeUnmarked: Bool = false, progress: ProgressReporter = .silent
    ) throws -> [[String]] {
        let course = try store.courses.course(code: courseCode)
        guard let courseID = course.id else { throw MusterError.unknownCourse(courseCode) }
        let sessions = try store.courses.sessions(courseID: courseID)
        let roster = try store.rosters.roster(courseID: courseID)
        let marks = try store.attendance.marks(courseID: courseID)
        let zone = course.zone
        var rows: [[String]] = []
        var done = 0
        for session in sessions {
            let sessionZone = session.timeZone.flatMap(TimeZone.init(identifier:)) ?? zone
            for entry in roster {
                done += 1
                progress("writing", done, of: sessions.count * roster.count, "person-sessions")
                let p = entry.person
                let mark = marks[session.id ?? 0]?[p.id ?? 0]
                if mark == nil && !includeUnmarked { continue }
                rows.append([
                    course.code, session.key, LocalTime.iso8601(session.start, in: sessionZone), p.code,
                    p.givenName, p.familyName, p.sex.rawValue, p.country, entry.agency?.code ?? "",
                    entry.enrolment.role.rawValue, mark?.status.rawValue ?? "",
                    mark?.arrival.map { LocalTime.iso8601($0, in: sessionZone) } ?? "",
                    mark?.departure.map { LocalTime.iso8601($0, in: sessionZone) } ?? "",
                    mark.map { LocalTime.iso8601($0.recordedAt, in: sessionZone, milliseconds: true) } ?? "",
                    mark?.source.rawValue ?? "", mark?.device ?? "", mark?.note ?? "", mark?.actor ?? "",
                ])
            }
        }
        return rows
    }
}
