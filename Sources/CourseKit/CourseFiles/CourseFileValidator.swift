import Foundation

/// Checks what the YAML decoder cannot: references between sections, unique ids, real dates
/// and time zones. Every problem names the entry so the coordinator can find it in the file.
enum CourseFileValidator {
    static func validate(_ f: CourseFile, path: String) throws {
        func fail(_ reason: String) -> MusterError { .invalidCourseFile(path: path, reason: reason) }

        guard isSlug(f.code) else { throw fail("course code '\(f.code)' must be lower-case letters, digits and hyphens") }
        guard !NameSanitizer.clean(f.title).isEmpty else { throw fail("course title is empty") }
        guard TimeZone(identifier: f.timeZone) != nil else { throw fail("unknown time zone '\(f.timeZone)'") }
        guard f.startDate <= f.endDate else { throw fail("start_date \(f.startDate) is after end_date \(f.endDate)") }
        if let c = f.completion, !(0...100).contains(c.minimumPercent) {
            throw fail("completion.minimum_percent must be between 0 and 100")
        }
        if let late = f.lateAfterMinutes, !(0...1440).contains(late) {
            throw fail("late_after_minutes must be between 0 and 1440")
        }
        if let opens = f.checkInOpensMinutes, !(0...1440).contains(opens) {
            throw fail("check_in_opens_minutes must be between 0 and 1440")
        }
        if let language = f.language, Language(rawValue: language) == nil {
            throw fail(
                "language '\(NameSanitizer.clean(language))': Muster speaks \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let retention = f.retention {
            do { _ = try RetentionPeriod.parse(retention) } catch { throw fail("\(error)") }
        }

        var sessionIDs = Set<String>()
        for (i, s) in f.sessions.enumerated() {
            let here = "sessions[\(i)] '\(s.id)'"
            guard isSlug(s.id) else { throw fail("\(here): id must be lower-case letters, digits and hyphens") }
            guard sessionIDs.insert(s.id).inserted else { throw fail("\(here): duplicate session id") }
            let zone = s.timeZone ?? f.timeZone
            guard let tz = TimeZone(identifier: zone) else { throw fail("\(here): unknown time zone '\(zone)'") }
            let start: Date, end: Date
            do { start = try LocalTime.read(s.start, in: tz) } catch {
                throw fail("\(here): start '\(NameSanitizer.clean(s.start))' \(error)")
            }
            do { end = try LocalTime.read(s.end, in: tz) } catch { throw fail("\(here): end '\(NameSanitizer.clean(s.end))' \(error)") }
            guard start < end else { throw fail("\(here): ends before it starts") }
            // The course's dates are days in its own zone; a session in another zone is placed there.
            if let courseZone = TimeZone(identifier: f.timeZone) {
                let first = LocalTime.day(start, in: courseZone), last = LocalTime.day(end, in: courseZone)
                if first < f.startDate || f.endDate < last {
                    throw fail(
                        "\(here): runs \(first == last ? "on \(first)" : "from \(first) to \(last)"), outside the course's dates "
                            + "\(f.startDate) to \(f.endDate); fix the session or start_date/end_date")
                }
            }
        }

        var agencyIDs = Set<String>()
        for a in f.agencies ?? [] {
            guard isSlug(a.id) else { throw fail("agency '\(a.id)': id must be lower-case letters, digits and hyphens") }
            guard agencyIDs.insert(a.id).inserted else { throw fail("agency '\(a.id)': duplicate id") }
            guard !NameSanitizer.clean(a.name).isEmpty else { throw fail("agency '\(a.id)': name is empty") }
            if let c = a.country { try checkCountry(c, where: "agency '\(a.id)'", fail) }
        }

        for q in f.quotas ?? [] {
            guard q.limit >= 0 else { throw fail("quota '\(q.key)': limit must not be negative") }
            switch q.scope {
            case .country: try checkCountry(q.key, where: "quota", fail)
            case .agency: guard agencyIDs.contains(q.key) else { throw fail("quota: unknown agency '\(q.key)'") }
            }
        }

        var codes = Set<String>()
        for p in f.participants ?? [] {
            let here = "participant '\(p.code)'"
            guard isParticipantCode(p.code) else { throw fail("\(here): code must be 1–16 letters, digits or hyphens") }
            guard codes.insert(p.code.uppercased()).inserted else { throw fail("\(here): duplicate code") }
            guard !NameSanitizer.clean(p.givenName + p.familyName).isEmpty else { throw fail("\(here): has no name") }
            for ref in [p.agency, p.nominatedBy].compactMap({ $0 }) where !agencyIDs.contains(ref) {
                throw fail("\(here): unknown agency '\(ref)'")
            }
            if let c = p.country { try checkCountry(c, where: here, fail) }
            if let email = p.email, !email.isEmpty, !email.contains("@") { throw fail("\(here): e-mail '\(email)' has no @") }
        }
        for p in f.participants ?? [] {
            if let sub = p.substitutedBy, sub.uppercased() == p.code.uppercased() {
                throw fail("participant '\(p.code)': substituted_by names the participant themself; give the person who came instead")
            }
            if let sub = p.substitutedBy, !codes.contains(sub.uppercased()) {
                throw fail("participant '\(p.code)': substituted_by '\(sub)' is not on the roster")
            }
            if p.status == .substituted && p.substitutedBy == nil {
                throw fail("participant '\(p.code)': status substituted needs substituted_by")
            }
        }
    }

    static func checkCountry(_ code: String, where here: String, _ fail: (String) -> MusterError) throws {
        guard Countries.name(of: code) != nil else { throw fail("\(here): unknown country code '\(code)'") }
    }

    static func isSlug(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func isParticipantCode(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 16
            && s.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
            }
    }
}
