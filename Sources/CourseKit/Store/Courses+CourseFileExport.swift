import Foundation
import GRDB

extension Courses {
    /// The course as a course file, in the order it was imported: the inverse of `importCourse`.
    public func courseFile(code: String) throws -> CourseFile {
        let course = try store.courses.course(code: code)
        guard let courseID = course.id else { throw MusterError.unknownCourse(code) }
        let zone = course.zone
        return try read { db in
            let sessions = try Row.fetchAll(
                db, sql: "SELECT * FROM session WHERE course_id = ? ORDER BY position",
                arguments: [courseID]
            ).map(Session.init(row:))
            let agencies = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.* FROM course_agency ca JOIN agency a ON a.id = ca.agency_id
                    WHERE ca.course_id = ? ORDER BY ca.position
                    """, arguments: [courseID]
            ).map(Agency.init(row:))
            let agencyCodes = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, code FROM agency")
                    .map { ($0["id"] as Int64, $0["code"] as String) })
            let personCodes = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.id, p.code FROM person p WHERE p.id IN
                          (SELECT person_id FROM enrolment WHERE course_id = ?1 UNION SELECT substituted_by FROM enrolment WHERE course_id = ?1)
                        """, arguments: [courseID]
                ).map { ($0["id"] as Int64, $0["code"] as String) })
            let quotas = try Row.fetchAll(db, sql: "SELECT * FROM quota WHERE course_id = ? ORDER BY position", arguments: [courseID])
                .map { CourseFile.QuotaEntry(scope: QuotaScope(rawValue: $0["scope"]) ?? .country, key: $0["key"], limit: $0["lim"]) }
            let roster = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.*, e.id AS e_id, e.course_id AS e_course_id, e.role AS e_role,
                           e.nominated_by AS e_nominated_by, e.status AS e_status,
                           e.substituted_by AS e_substituted_by, e.note AS e_note,
                           NULL AS a_id
                    FROM enrolment e JOIN person p ON p.id = e.person_id
                    WHERE e.course_id = ? ORDER BY e.position, e.id
                    """, arguments: [courseID], decoding: RosterBrowser.rosterEntry(row:))
            let named = try Self.agenciesNamedBeyond(
                agencies, db, roster: roster, quotas: quotas, agencyCodes: agencyCodes)

            return CourseFile(
                code: course.code, title: course.title, shortTitle: nonEmpty(course.shortTitle),
                programme: nonEmpty(course.programme),
                organiser: nonEmpty(course.organiser), funder: nonEmpty(course.funder), project: nonEmpty(course.project),
                venue: nonEmpty(course.venue), country: nonEmpty(course.country), timeZone: course.timeZone,
                modality: course.modality, startDate: course.startDate, endDate: course.endDate,
                completion: .init(
                    minimumPercent: Int((course.completion.minimumShare * 100).rounded()),
                    requireCore: course.completion.requireCore),
                lateAfterMinutes: course.lateAfterMinutes, retention: course.retention?.description,
                checkInOpensMinutes: course.checkInOpensMinutes == Course.defaultCheckInOpensMinutes ? nil : course.checkInOpensMinutes,
                language: course.language?.rawValue,
                summary: nonEmpty(course.summary),
                sources: nonEmpty(course.sources), assumptions: nonEmpty(course.assumptions),
                sessions: sessions.map { s in
                    let tz = s.timeZone.flatMap(TimeZone.init(identifier:)) ?? zone
                    return CourseFile.SessionEntry(
                        id: s.key, title: s.title, kind: s.kind, start: LocalTime.format(s.start, in: tz),
                        end: LocalTime.format(s.end, in: tz), timeZone: s.timeZone,
                        modality: s.modality == course.modality ? nil : s.modality, venue: nonEmpty(s.venue),
                        link: nonEmpty(s.link), facilitators: nonEmpty(s.facilitators), core: s.core ? true : nil)
                },
                agencies: nonEmpty(
                    (agencies + named).map {
                        CourseFile.AgencyEntry(
                            id: $0.code, name: $0.name, acronym: nonEmpty($0.acronym), kind: $0.kind,
                            country: nonEmpty($0.country))
                    }),
                quotas: nonEmpty(quotas),
                participants: nonEmpty(
                    roster.map { entry in
                        let p = entry.person, e = entry.enrolment
                        return CourseFile.ParticipantEntry(
                            code: p.code, givenName: p.givenName, familyName: p.familyName, sex: p.sex,
                            country: nonEmpty(p.country), agency: p.agencyID.flatMap { agencyCodes[$0] },
                            position: nonEmpty(p.position), email: nonEmpty(p.email), phone: nonEmpty(p.phone),
                            role: e.role, nominatedBy: e.nominatedBy.flatMap { agencyCodes[$0] }, status: e.status,
                            substitutedBy: e.substitutedBy.flatMap { personCodes[$0] }, note: nonEmpty(e.note))
                    }))
        }
    }

    /// Agencies the course's people and quotas name that its own list does not hold (someone
    /// added from a roster or the person form, with an agency another course brought): the file
    /// lists them after its own, by code. A course file may name only agencies it lists, so
    /// without them the exported file would not import (the 100k course's did not), and in
    /// that order an import and a second export give the same bytes.
    static func agenciesNamedBeyond(
        _ listed: [Agency], _ db: Database, roster: [RosterEntry], quotas: [CourseFile.QuotaEntry], agencyCodes: [Int64: String]
    ) throws -> [Agency] {
        var known = Set(listed.map(\.code))
        var codes: [String] = []
        for entry in roster {
            for id in [entry.person.agencyID, entry.enrolment.nominatedBy].compactMap({ $0 }) {
                if let code = agencyCodes[id], known.insert(code).inserted { codes.append(code) }
            }
        }
        for quota in quotas where quota.scope == .agency && known.insert(quota.key).inserted { codes.append(quota.key) }
        guard !codes.isEmpty else { return [] }
        return try Row.fetchAll(
            db, sql: "SELECT * FROM agency WHERE code IN (SELECT value FROM json_each(?)) ORDER BY code",
            arguments: [String(decoding: try JSONEncoder().encode(codes), as: UTF8.self)]
        ).map(Agency.init(row:))
    }

    /// The course file as YAML text, exactly as `muster export course` writes it. A file that
    /// holds e-mails or phone numbers says so in its first line, so nobody mails it around unaware.
    /// `progress` hears the two steps (the YAML encoder has no count to give).
    public func exportCourse(code: String, progress: ProgressReporter = .silent) throws -> String {
        progress("reading", 0, of: nil, "")
        let file = try courseFile(code: code)
        progress("writing YAML", 0, of: nil, "")
        let contacts = (file.participants ?? []).contains { $0.email != nil || $0.phone != nil }
        return (contacts ? CourseFileCodec.personalDataNotice : "") + (try CourseFileCodec.encode(file))
    }
}

private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
private func nonEmpty<T>(_ a: [T]) -> [T]? { a.isEmpty ? nil : a }
