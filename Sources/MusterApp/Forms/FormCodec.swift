import CourseKit
import Foundation

/// What a checked form asks the library to save. Agencies are named by code and resolved by
/// the loader, inside the effect.
enum FormSubmission: Sendable {
    case course(Course)
    case session(Session)
    case person(Person, agencyCode: String, enrolIn: Int64?, role: Role, status: NominationStatus)
    case agency(Agency)
    case enrolment(Enrolment, nominatedByCode: String)
    case copyCourse(from: String, to: String, start: CalendarDate, withRoster: Bool)
    /// A quota; an agency's is named as typed and resolved by the loader.
    case quota(courseID: Int64, Quota, agencyText: String?, replacing: Quota?)
    /// Someone new in the place of `replacing` on the roster of `courseID`.
    case substitute(Person, agencyCode: String, courseID: Int64, replacing: Person)
}

/// Reads a form's text into model values, or puts a message on each field that cannot be read
/// (a date that is not YYYY-MM-DD, a time that does not exist). Rules about the library (a
/// code already taken) are the store's and come back from the save. The messages are in
/// `words`' language; what they quote is as typed.
enum FormCodec {
    static func submission(_ form: inout FormState, words: Words) -> FormSubmission? {
        for i in form.fields.indices { form.fields[i].error = nil }
        form.message = nil
        var failed = false
        func fail(_ field: String, _ text: String) {
            if !failed {
                form.fail(field: field, text)
            } else if let i = form.fields.firstIndex(where: { $0.id == field }) {
                form.fields[i].error = text
            }
            failed = true
        }
        let values = form
        func v(_ id: String) -> String { values.value(id) }
        func country(_ field: String) -> String {
            let text = v(field)
            if text.isEmpty { return "" }
            switch Countries.match(text, in: words.language) {
            case .found(let code): return code
            case .ambiguous(let codes):
                let names = codes.prefix(4).map { Countries.name(of: $0, in: words.language) ?? $0 }.joined(separator: ", ")
                fail(field, words.forms("error.ambiguous", NameSanitizer.clean(text), names + (codes.count > 4 ? "…" : "")))
            case .none:
                fail(field, words.forms("error.country.none", NameSanitizer.clean(text)))
            }
            return ""
        }
        // With the agencies at hand (loaded as an agency field was typed in), an agency field
        // is checked here too, so its error shows with the others rather than after them.
        for field in values.fields where values.agencies != nil && !v(field.id).isEmpty {
            let kind: FormCompletion.Kind? =
                field.completes == .group ? (v("scope") == QuotaScope.agency.rawValue ? .agency : nil) : field.completes
            if kind == .agency, case .failure(let problem) = agency(v(field.id), in: values.agencies!, words: words) {
                fail(field.id, problem.text)
            }
        }
        func person(_ old: Person?) -> Person? {
            let code = country("country")
            guard !failed else { return nil }
            var p = old ?? Person(code: "", givenName: "", familyName: "")
            p.code = v("code"); p.givenName = v("givenName"); p.familyName = v("familyName")
            p.sex = Sex(rawValue: v("sex")) ?? .notDisclosed; p.country = code
            p.position = v("position"); p.email = v("email"); p.phone = v("phone")
            return p
        }
        let result: FormSubmission
        switch form.purpose {
        case .course(let old):
            let start = CalendarDate(iso: v("startDate")), end = CalendarDate(iso: v("endDate"))
            if start == nil { fail("startDate", words.forms("error.date")) }
            if end == nil { fail("endDate", words.forms("error.date")) }
            if TimeZone(identifier: v("timeZone")) == nil { fail("timeZone", words.forms("error.timeZone", v("timeZone"))) }
            let percent = Int(v("completion")), late = Int(v("late"))
            if percent.map({ !(0...100).contains($0) }) ?? true { fail("completion", words.forms("error.completion")) }
            if late.map({ !(0...1440).contains($0) }) ?? true { fail("late", words.forms("error.late")) }
            let code = country("country")
            var retention: RetentionPeriod?
            if !v("retention").isEmpty {
                // Typed in the form's language or in English, refused in the form's.
                do { retention = try RetentionPeriod.parse(v("retention"), in: words.language) } catch let error as RetentionError {
                    fail("retention", error.message(in: words.language))
                } catch { fail("retention", "\(error)") }
            }
            guard !failed, let start, let end, let percent, let late else { return nil }
            var c = old ?? Course(code: "", title: "", startDate: start, endDate: end)
            c.code = v("code"); c.title = v("title"); c.shortTitle = v("shortTitle"); c.timeZone = v("timeZone")
            c.startDate = start; c.endDate = end; c.venue = v("venue"); c.country = code
            c.completion = CompletionRule(minimumShare: Double(percent) / 100, requireCore: v("requireCore") == "yes")
            c.lateAfterMinutes = late
            c.programme = v("programme"); c.organiser = v("organiser"); c.funder = v("funder"); c.retention = retention
            result = .course(c)
        case .session(let old, let course):
            // Times are read in the zone the form names now: a session moved to another zone
            // keeps the clock times typed, as the course file writes them.
            let ownZone = v("timeZone")
            let named = ownZone.isEmpty ? nil : TimeZone(identifier: ownZone)
            if !ownZone.isEmpty && named == nil {
                fail("timeZone", words.forms("error.session.timeZone", NameSanitizer.clean(ownZone)))
            }
            let zone = named ?? course.zone
            func time(_ field: String) -> Date? {
                do { return try LocalTime.read(v(field), in: zone) } catch {
                    switch error {
                    case .malformed: fail(field, words.forms("error.time", zone.identifier))
                    case .skipped(let name, let from, let to): fail(field, words.forms("error.time.skipped", name, from, to))
                    }
                    return nil
                }
            }
            let start = time("start"), end = time("end")
            guard !failed, let start, let end, let courseID = course.id else { return nil }
            var s = old ?? Session(courseID: courseID, key: "", title: "", start: start, end: end)
            s.key = v("key"); s.title = v("title"); s.kind = SessionKind(rawValue: v("kind")) ?? .module
            s.start = start; s.end = end; s.core = v("core") == "yes"
            let place = v("venue")
            if place.contains("://") { s.link = place; s.venue = "" } else { s.venue = place; s.link = "" }
            s.facilitators = v("facilitators").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            s.modality = Modality(rawValue: v("modality")) ?? s.modality
            s.timeZone = named.map(\.identifier).flatMap { $0 == course.zone.identifier ? nil : $0 }
            result = .session(s)
        case .person(let old, let course):
            guard let p = person(old) else { return nil }
            result = .person(
                p, agencyCode: v("agency"), enrolIn: course?.id, role: Role(rawValue: v("role")) ?? .participant,
                status: NominationStatus(rawValue: v("status")) ?? .nominated)
        case .substitute(let replacing, let course):
            guard let p = person(nil), let courseID = course.id else { return nil }
            result = .substitute(p, agencyCode: v("agency"), courseID: courseID, replacing: replacing)
        case .agency(let old):
            let code = country("country")
            guard !failed else { return nil }
            var a = old ?? Agency(code: "", name: "")
            a.code = v("code"); a.name = v("name"); a.acronym = v("acronym"); a.kind = AgencyKind(rawValue: v("kind")) ?? .government
            a.country = code
            result = .agency(a)
        case .enrolment(let old, _):
            var e = old
            e.role = Role(rawValue: v("role")) ?? e.role
            e.status = NominationStatus(rawValue: v("status")) ?? e.status
            e.note = v("note")
            result = .enrolment(e, nominatedByCode: v("nominatedBy"))
        case .copyCourse(let course):
            let start = CalendarDate(iso: v("startDate"))
            if start == nil { fail("startDate", words.forms("error.date")) }
            if v("code").isEmpty { fail("code", words.forms("error.copy.code")) }
            guard !failed, let start else { return nil }
            result = .copyCourse(from: course.code, to: v("code"), start: start, withRoster: v("withRoster") == "yes")
        case .quota(let old, let course):
            let scope = QuotaScope(rawValue: v("scope")) ?? .country
            let limit = Int(v("limit"))
            if limit.map({ $0 < 0 }) ?? true { fail("limit", words.forms("error.limit")) }
            var key = ""
            if v("key").isEmpty {
                fail("key", words.forms(scope == .country ? "error.quota.country" : "error.quota.agency"))
            } else if scope == .country {
                key = country("key")
            }
            guard !failed, let limit, let courseID = course.id else { return nil }
            result = .quota(
                courseID: courseID, Quota(scope: scope, key: key, limit: limit), agencyText: scope == .agency ? v("key") : nil,
                replacing: old)
        }
        return result
    }
}

extension FormCodec {
    struct Problem: Error { var text: String }

    /// An agency field's text: the agency it names, nil for empty, or what is wrong with it.
    /// The one wording, whether the form checks it or the save does.
    static func agency(_ text: String, in agencies: [Agency], words: Words) -> Result<Agency?, Problem> {
        guard !text.isEmpty else { return .success(nil) }
        let shown = NameSanitizer.clean(text)
        switch AgencyMatch.find(text, in: agencies) {
        case .found(let agency): return .success(agency)
        case .ambiguous(let list):
            let names = list.prefix(4).map { $0.acronym.isEmpty ? $0.name : $0.acronym }.joined(separator: ", ")
            return .failure(Problem(text: words.forms("error.ambiguous", shown, names + (list.count > 4 ? "…" : ""))))
        case .none:
            return .failure(Problem(text: words.forms("error.agency.none", shown)))
        }
    }
}

extension Loaders {
    /// Saves a checked form; the record comes back as `changed`, a refusal as `formFailed`.
    /// A new person is first looked for in the library (`People.samePerson`) unless
    /// `lookForSamePerson` is false (the coordinator chose to add them anyway): when someone may
    /// be them, nothing is saved and the choice comes back as `samePeople`. What it says is in
    /// `words`' language, the store's refusals too (`ValidationFailure.message(in:)`).
    func save(_ submission: FormSubmission, words: Words, lookForSamePerson: Bool = true) -> AppAction {
        do {
            func agencyID(_ text: String, field: String) throws -> Int64? {
                switch FormCodec.agency(text, in: try store.courses.agencies(), words: words) {
                case .success(let agency): return agency?.id
                case .failure(let problem): throw ValidationFailure(field: field, worded: problem.text)
                }
            }
            switch submission {
            case .course(let c): return .changed(try store.courses.saveCourse(c).1)
            case .session(let s): return .changed(try store.courses.saveSession(s).1)
            case .agency(let a): return .changed(try store.courses.saveAgency(a).1)
            case .person(var p, let agency, let courseID, let role, let status):
                p.agencyID = try agencyID(agency, field: "agency")
                if p.id == nil, lookForSamePerson, case let found = try store.people.samePerson(as: p), !found.isEmpty {
                    return .samePeople(
                        SamePersonState(typed: p, candidates: found, intent: .add(courseID: courseID, role: role, status: status)))
                }
                return .changed(try store.people.savePerson(p, enrolIn: courseID, role: role, status: status).1)
            case .substitute(var p, let agency, let courseID, let replacing):
                p.agencyID = try agencyID(agency, field: "agency")
                guard let replacingID = replacing.id else { throw MusterError.refused(.notSaved(what: "person")) }
                if lookForSamePerson, case let found = try store.people.samePerson(as: p), !found.isEmpty {
                    return .samePeople(
                        SamePersonState(
                            typed: p, candidates: found,
                            intent: .substitute(personID: replacingID, name: replacing.displayName, courseID: courseID)))
                }
                return .changed(try store.nominations.substitute(courseID: courseID, personID: replacingID, byNew: p).1)
            case .enrolment(var e, let nominatedBy):
                e.nominatedBy = try agencyID(nominatedBy, field: "nominatedBy")
                return .changed(try store.nominations.saveEnrolment(e))
            case .quota(let courseID, var quota, let agencyText, let old):
                if let agencyText {
                    guard let id = try agencyID(agencyText, field: "key"),
                        let agency = try store.courses.agencies().first(where: { $0.id == id })
                    else { throw ValidationFailure(field: "key", worded: words.forms("error.quota.agency")) }
                    quota.key = agency.code
                }
                return .changed(try store.nominations.saveQuota(courseID: courseID, quota, replacing: old))
            case .copyCourse(let from, let to, let start, let withRoster):
                let copy = try store.courses.copyCourse(from: from, to: to, start: start, withRoster: withRoster)
                var text = words.forms("copied", from, to, copy.imported.sessions, copy.shiftedDays)
                if withRoster { text += words.forms("copied.roster", copy.imported.participants) }
                return .courseCopied(code: to, summary: text)
            }
        } catch let failure as ValidationFailure {
            return .formFailed(field: failure.field, message: failure.message(in: words.language))
        } catch {
            return .formFailed(field: nil, message: describe(error))
        }
    }
}
