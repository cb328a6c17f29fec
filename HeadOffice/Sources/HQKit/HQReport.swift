import CourseKit
import Foundation

/// The cross-course report, summed in SQL on the server over `muster.trainee` (CourseKit's
/// verdicts per trainee) and laid out by CourseKit's `PeriodReport.render`, so it gives the same
/// figures as `muster report --all` on a library pulled from the same records.
public enum HQReport {
    public static func build(
        _ db: HQDatabase, from: CalendarDate?, to: CalendarDate?, by dimensions: [ReportDimension]
    ) async throws
        -> Report
    {
        try await HQSchema.check(db)
        return PeriodReport.render(try await tallies(db, from: from, to: to, by: dimensions), from: from, to: to, by: dimensions)
    }

    public static func tallies(
        _ db: HQDatabase, from: CalendarDate?, to: CalendarDate?, by dimensions: [ReportDimension]
    ) async throws
        -> PeriodTallies
    {
        try await db.transaction { db in
            try await db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            // The period's courses, with the same overlap rule as the laptop (ISO dates compare as text).
            try await db.query(
                """
                CREATE TEMP TABLE chosen ON COMMIT DROP AS
                SELECT c.gid, c.code, c.label, c.start_date, c.end_date,
                       (SELECT count(*) FROM muster.session_now s WHERE s.course_gid = c.gid) AS sessions
                FROM muster.course_now c
                WHERE (\(from?.description)::text IS NULL OR c.end_date >= \(from?.description))
                  AND (\(to?.description)::text IS NULL OR c.start_date <= \(to?.description))
                """)
            let lines = try await db.rows(
                """
                SELECT c.code, c.label, c.start_date, c.end_date, c.sessions::text,
                       count(t.person_gid) FILTER (WHERE t.expected)::text,
                       count(t.person_gid) FILTER (WHERE t.expected AND p.sex = 'female')::text,
                       coalesce(sum(t.attended) FILTER (WHERE t.expected), 0)::text,
                       count(t.person_gid) FILTER (WHERE t.expected AND t.completed)::text,
                       count(t.person_gid) FILTER (WHERE t.eligible)::text
                FROM chosen c LEFT JOIN muster.trainee t ON t.course_gid = c.gid
                LEFT JOIN muster.person_now p ON p.gid = t.person_gid
                GROUP BY c.gid, c.code, c.label, c.start_date, c.end_date, c.sessions
                """
            ).map { r in
                PeriodTallies.CourseLine(
                    code: r[0] ?? "", startDate: date(r[2]), endDate: date(r[3]), label: r[1] ?? "", sessions: int(r[4]),
                    expected: int(r[5]), women: int(r[6]), attended: int(r[7]), completed: int(r[8]), certificates: int(r[9]))
            }
            var groups: [ReportDimension: [PeriodTallies.Group]] = [:]
            for d in dimensions {
                groups[d] = try await db.rows(groupQuery(d)).map { r in
                    let agency =
                        r[3] == "1"
                        ? Agency(
                            code: "", name: r[4] ?? "", acronym: r[5] ?? "", kind: AgencyKind(rawValue: r[6] ?? "") ?? .government,
                            country: r[7] ?? "") : nil
                    let label = d.label(
                        sex: Sex(rawValue: r[1] ?? "") ?? .notDisclosed, country: r[2] ?? "", agency: agency,
                        role: Role(rawValue: r[8] ?? "") ?? .participant)
                    return PeriodTallies.Group(
                        label: label, nominated: int(r[9]), expected: int(r[10]), attended: int(r[11]), possible: int(r[12]),
                        completed: int(r[13]), eligible: int(r[14]))
                }
            }
            return PeriodTallies(courses: lines, groups: groups)
        }
    }

    /// Sums per group of one breakdown, grouped by the values the label is made from.
    static func groupQuery(_ d: ReportDimension) -> PGQuery {
        let key: String
        switch d {
        case .sex: key = "p.sex"
        case .country: key = "p.country"
        case .agency, .agencyKind: key = "a.gid"
        case .role: key = "t.role"
        }
        return PGQuery(
            sql: """
                SELECT \(key)::text, min(p.sex), min(p.country),
                       CASE WHEN min(a.gid) IS NULL THEN '0' ELSE '1' END, min(a.name), min(a.acronym), min(a.kind), min(a.country),
                       min(t.role),
                       count(*)::text,
                       count(*) FILTER (WHERE t.expected)::text,
                       coalesce(sum(t.attended) FILTER (WHERE t.expected), 0)::text,
                       coalesce(sum(c.sessions) FILTER (WHERE t.expected), 0)::text,
                       count(*) FILTER (WHERE t.expected AND t.completed)::text,
                       count(*) FILTER (WHERE t.eligible)::text
                FROM chosen c JOIN muster.trainee t ON t.course_gid = c.gid
                JOIN muster.person_now p ON p.gid = t.person_gid
                LEFT JOIN muster.agency_now a ON a.gid = p.agency_gid
                GROUP BY \(key)
                """)
    }

    static func int(_ text: String?) -> Int { text.flatMap { Int($0) } ?? 0 }
    static func date(_ text: String?) -> CalendarDate {
        text.flatMap(CalendarDate.init(iso:)) ?? CalendarDate(year: 1970, month: 1, day: 1)
    }
}
