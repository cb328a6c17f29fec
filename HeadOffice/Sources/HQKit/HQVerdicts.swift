import CourseKit
import Foundation

/// One row per trainee and course in `muster.trainee`: whether their nomination stands, the
/// sessions they attended and whether they completed and earned a certificate, worked out with
/// CourseKit's rules (`MarkRule`, `Completion`, `CertificateEligibility`) so the head office and
/// every laptop count alike. Rewritten for each course a bundle touched; the report sums it in SQL.
enum HQVerdicts {
    /// Courses whose roster, sessions or attendance the bundle's new records changed.
    static func touchedCourses(_ db: HQDatabase) async throws -> [String] {
        try await db.rows(
            """
            SELECT DISTINCT course FROM (
                SELECT gid AS course FROM touched WHERE entity = 'course'
                UNION ALL
                SELECT n.fields->>'course_id' FROM touched t JOIN muster.entity n ON n.gid = t.gid
                WHERE n.entity IN ('session', 'enrolment')
                UNION ALL
                -- A nomination counts once its person is here: their arrival changes the course.
                SELECT n.fields->>'course_id' FROM touched t JOIN muster.entity n ON n.fields->>'person_id' = t.gid
                WHERE t.entity = 'person' AND n.entity = 'enrolment'
                UNION ALL
                SELECT s.fields->>'course_id' FROM fresh x JOIN muster.event e ON e.id = x.gid JOIN muster.entity s ON s.gid = e.session_gid
                WHERE x.kind = 'event'
            ) c WHERE course IS NOT NULL ORDER BY course
            """
        ).compactMap { $0[0] }
    }

    static func recompute(_ db: HQDatabase, course: String) async throws {
        try await db.query("DELETE FROM muster.trainee WHERE course_gid = \(course)")
        let courseRows = try await db.rows(
            """
            SELECT coalesce(fields->>'minimum_share', '0.8'), coalesce(fields->>'require_core', '1') FROM muster.entity
            WHERE gid = \(course) AND entity = 'course' AND fields->>'_exists' = '1'
            """)
        guard let courseRow = courseRows.first else { return }
        let rule = CompletionRule(
            minimumShare: Double(courseRow[0] ?? "") ?? 0.8, requireCore: (courseRow[1] ?? "1") != "0")
        var sessionIDs: [String: Int64] = [:]
        var sessions: [Session] = []
        for row in try await db.rows(
            """
            SELECT gid, coalesce(fields->>'key', ''), coalesce(fields->>'core', '0') FROM muster.entity
            WHERE entity = 'session' AND fields->>'course_id' = \(course) AND fields->>'_exists' = '1'
            """)
        {
            let id = Int64(sessions.count + 1)
            sessionIDs[row[0] ?? ""] = id
            sessions.append(
                Session(
                    id: id, courseID: 1, key: row[1] ?? "", title: "", start: Date(timeIntervalSince1970: 0),
                    end: Date(timeIntervalSince1970: 0), core: !["0", "false"].contains(row[2] ?? "0")))
        }
        // Trainees whose person is here (a nomination of someone not arrived yet waits on a laptop),
        // looked up by key: the person_now view would be worked out whole for each course.
        let roster = try await db.rows(
            """
            SELECT n.fields->>'person_id', coalesce(n.fields->>'role', 'participant'), coalesce(n.fields->>'status', 'nominated')
            FROM muster.entity n
            WHERE n.entity = 'enrolment' AND n.fields->>'course_id' = \(course) AND n.fields->>'_exists' = '1'
              AND (EXISTS (SELECT 1 FROM muster.entity p
                           WHERE p.gid = n.fields->>'person_id' AND p.entity = 'person' AND p.fields->>'_exists' = '1')
                   OR EXISTS (SELECT 1 FROM muster.erased x WHERE x.gid = n.fields->>'person_id'))
            """)
        var personIDs: [String: Int64] = [:]
        for row in roster { personIDs[row[0] ?? ""] = Int64(personIDs.count + 1) }
        var events: [Int64: [Int64: [AttendanceEvent]]] = [:]
        for row in try await db.rows(
            """
            SELECT e.id, e.session_gid, e.person_gid, e.status, e.recorded_ms::text, e.arrival_ms::text, e.source, e.undoes
            FROM muster.event e JOIN muster.entity s ON s.gid = e.session_gid
            WHERE s.entity = 'session' AND s.fields->>'course_id' = \(course)
            """)
        {
            guard let id = UUID(uuidString: row[0] ?? ""), let session = sessionIDs[row[1] ?? ""],
                let person = personIDs[row[2] ?? ""], let status = AttendanceStatus(rawValue: row[3] ?? ""),
                let recorded = Int64(row[4] ?? "")
            else { continue }
            let event = AttendanceEvent(
                id: id, sessionID: session, personID: person, status: status, arrival: row[5].flatMap(Int64.init).map { Date(ms: $0) },
                departure: nil, note: "", recordedAt: Date(ms: recorded), actor: "", device: "",
                source: EventSource(rawValue: row[6] ?? "") ?? .importFile, undoes: row[7].flatMap(UUID.init(uuidString:)))
            events[session, default: [:]][person, default: []].append(event)
        }
        var columns: (course: [String], person: [String], role: [String], status: [String]) = ([], [], [], [])
        var flags: (expected: [Bool], attended: [Int], completed: [Bool], eligible: [Bool]) = ([], [], [], [])
        for row in roster {
            guard let personGID = row[0], let person = personIDs[personGID] else { continue }
            let role = Role(rawValue: row[1] ?? "") ?? .participant
            let status = NominationStatus(rawValue: row[2] ?? "") ?? .nominated
            guard CertificateEligibility.isTrainee(role) else { continue }
            var statuses: [Int64: AttendanceStatus] = [:]
            for s in sessions {
                if let id = s.id, let mark = MarkRule.currentMark(of: events[id]?[person] ?? []) { statuses[id] = mark.status }
            }
            let verdict = Completion.evaluate(rule: rule, sessions: sessions, statuses: statuses)
            columns.course.append(course); columns.person.append(personGID)
            columns.role.append(role.rawValue); columns.status.append(status.rawValue)
            flags.expected.append(status.isExpected); flags.attended.append(verdict.attended)
            flags.completed.append(verdict.completed)
            flags.eligible.append(CertificateEligibility.isEligible(role: role, status: status, verdict: verdict))
        }
        guard !columns.person.isEmpty else { return }
        try await db.query(
            """
            INSERT INTO muster.trainee (course_gid, person_gid, role, status, expected, attended, completed, eligible)
            SELECT * FROM unnest(\(columns.course)::text[], \(columns.person)::text[], \(columns.role)::text[], \(columns.status)::text[],
                                 \(flags.expected)::boolean[], \(flags.attended)::integer[], \(flags.completed)::boolean[], \(flags.eligible)::boolean[])
            ON CONFLICT DO NOTHING
            """)
    }
}
