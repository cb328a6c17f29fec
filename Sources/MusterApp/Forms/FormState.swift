import CourseKit
import Foundation
import TerminalUI

/// One field of a form: free text, or a choice among fixed options cycled with ←/→ or Space.
public struct FormField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        case choice([String])
    }
    /// The model's name for the field, as `ValidationFailure.field` spells it ("code", "start").
    public var id: String
    public var label: String
    public var kind: Kind
    public var input: TextField
    /// The chosen option, for choices.
    public var choice: Int
    /// Shown under the form while the field has the focus ("YYYY-MM-DD HH:MM, America/Costa_Rica").
    public var hint: String
    public var error: String?
    /// What the field completes as one types (a country, an agency), nil for plain text.
    public var completes: FormCompletion.Kind?

    public init(
        _ id: String, _ label: String, text: String = "", hint: String = "", maxLength: Int = 200, completes: FormCompletion.Kind? = nil
    ) {
        self.id = id; self.label = label; self.kind = .text; self.hint = hint; self.choice = 0
        self.input = TextField(text: text, maxLength: maxLength)
        self.completes = completes
    }

    public init(_ id: String, _ label: String, options: [String], selected: String, hint: String = "←/→ or Space to change") {
        self.id = id; self.label = label; self.kind = .choice(options); self.hint = hint
        self.choice = options.firstIndex(of: selected) ?? 0
        self.input = TextField()
    }

    /// The field's value: the text, or the chosen option.
    public var value: String {
        switch kind {
        case .text: input.text.trimmingCharacters(in: .whitespaces)
        case .choice(let options): options.indices.contains(choice) ? options[choice] : ""
        }
    }
}

/// What a form edits; a nil value means a new one.
public enum FormPurpose: Sendable, Equatable {
    case course(Course?)
    case session(Session?, course: Course)
    case person(Person?, enrolIn: Course?)
    case agency(Agency?)
    case enrolment(Enrolment, person: Person)
    /// A copy of this course: its next run.
    case copyCourse(Course)
    /// Someone new, added in the place of `replacing` on `course`'s roster in one step.
    case substitute(replacing: Person, course: Course)
    /// A quota of the course, nil for a new one.
    case quota(Quota?, course: Course)
}

/// A modal form: fields, which one has the focus, and the message of the last save attempt.
/// Tab/↓ and Shift-Tab/↑ move, Enter saves (after checking every field), Esc cancels.
public struct FormState: Sendable, Equatable {
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    public var purpose: FormPurpose
    /// A problem not tied to one field (the database refused), or nil.
    public var message: String?
    /// The library's agencies, for completing agency fields; loaded when one is first typed in.
    public var agencies: [Agency]?

    /// The values the form opened with: leaving a form that differs asks first.
    public let opening: [String]

    public init(title: String, fields: [FormField], purpose: FormPurpose) {
        self.title = title; self.fields = fields; self.purpose = purpose
        opening = fields.map(\.value)
    }

    /// The code the form proposed for a new person (`GT-006`), while the field still holds it.
    public var proposedCode: String?

    /// Whether anything was typed or chosen since the form opened (a proposed code was not typed).
    public var isChanged: Bool {
        zip(fields, opening).contains { field, old in field.value != old && !(field.id == "code" && field.value == proposedCode) }
    }

    public func value(_ id: String) -> String { fields.first { $0.id == id }?.value ?? "" }

    /// Puts a message beside a field (or on the form) and moves the focus there.
    mutating func fail(field: String?, _ text: String) {
        if let field, let i = fields.firstIndex(where: { $0.id == field }) {
            fields[i].error = text
            focus = i
            message = nil
        } else {
            message = text
        }
    }
}

/// Builds each form from the values it edits.
enum FormBuilder {
    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    static func course(_ c: Course?) -> FormState {
        FormState(
            title: c == nil ? "New course" : "Edit course \(c!.code)",
            fields: [
                FormField("code", "Code", text: c?.code ?? "", hint: "lower-case letters, digits, hyphens: palau-mmc-2024"),
                FormField("title", "Title", text: c?.title ?? ""),
                FormField("shortTitle", "Short title", text: c?.shortTitle ?? "", hint: "a few words for headers; may be empty"),
                FormField("timeZone", "Time zone", text: c?.timeZone ?? "UTC", hint: "IANA name: America/Costa_Rica, Pacific/Palau"),
                FormField("startDate", "Start date", text: c?.startDate.description ?? "", hint: "YYYY-MM-DD"),
                FormField("endDate", "End date", text: c?.endDate.description ?? "", hint: "YYYY-MM-DD"),
                FormField("venue", "Venue", text: c?.venue ?? ""),
                FormField(
                    "country", "Country", text: c?.country ?? "", hint: "ISO code (GT) or name; empty for regional", completes: .country),
                FormField(
                    "completion", "Completion %", text: String(Int(((c?.completion.minimumShare ?? 0.8) * 100).rounded())),
                    hint: "share of sessions to attend, 0–100"),
                FormField("requireCore", "Every core", options: ["yes", "no"], selected: yesNo(c?.completion.requireCore ?? true)),
                FormField("late", "Late after min", text: String(c?.lateAfterMinutes ?? 15), hint: "0–1440"),
                FormField("programme", "Programme", text: c?.programme ?? "", hint: "the programme the course belongs to; may be empty"),
                FormField("organiser", "Organiser", text: c?.organiser ?? "", hint: "who runs it; may be empty"),
                FormField("funder", "Funder", text: c?.funder ?? "", hint: "who pays for it; may be empty"),
                FormField(
                    "retention", "Keep data for", text: c?.retention?.description ?? "",
                    hint: "after the course ends: \(RetentionPeriod.example); empty for no rule"),
            ], purpose: .course(c))
    }

    /// The next run of `c`: its code with the year moved on (`palau-mmc-2025`), starting 52
    /// weeks later (the same weekday), without its roster unless asked.
    static func copyCourse(_ c: Course) -> FormState {
        let next = String(c.startDate.year + 1)
        let code =
            c.code.contains(String(c.startDate.year))
            ? c.code.replacingOccurrences(of: String(c.startDate.year), with: next) : c.code + "-" + next
        return FormState(
            title: "Copy course \(c.code)",
            fields: [
                FormField("code", "New code", text: code, hint: "lower-case letters, digits, hyphens"),
                FormField(
                    "startDate", "Starts on", text: CourseCopyDates.sameWeekdayNextYear(c.startDate).description,
                    hint: "YYYY-MM-DD; sessions move with it"),
                FormField("withRoster", "Roster", options: ["no", "yes"], selected: "no"),
            ], purpose: .copyCourse(c))
    }

    static func session(_ s: Session?, course: Course, defaultKey: String = "") -> FormState {
        let zone = s?.zone(in: course) ?? course.zone
        let start = s.map { LocalTime.format($0.start, in: zone) } ?? "\(course.startDate) 09:00"
        let end = s.map { LocalTime.format($0.end, in: zone) } ?? "\(course.startDate) 10:00"
        let hint = "YYYY-MM-DD HH:MM in \(zone.identifier), or in the Time zone typed below"
        return FormState(
            title: s == nil ? "New session" : "Edit session \(s!.key)",
            fields: [
                FormField("key", "Short id", text: s?.key ?? defaultKey, hint: "lower-case letters, digits, hyphens: d1-am"),
                FormField("title", "Title", text: s?.title ?? ""),
                FormField("kind", "Kind", options: SessionKind.allCases.map(\.rawValue), selected: (s?.kind ?? .module).rawValue),
                FormField("start", "Start", text: start, hint: hint),
                FormField("end", "End", text: end, hint: hint),
                FormField(
                    "core", "Core", options: ["no", "yes"], selected: yesNo(s?.core ?? false),
                    hint: "core sessions must be attended when the course's rule says so"),
                FormField("venue", "Venue or link", text: s.map { $0.venue.isEmpty ? $0.link : $0.venue } ?? ""),
                FormField("facilitators", "Facilitators", text: s?.facilitators.joined(separator: ", ") ?? "", hint: "separated by commas"),
                FormField(
                    "modality", "Modality", options: Modality.allCases.map(\.rawValue), selected: (s?.modality ?? course.modality).rawValue),
                FormField(
                    "timeZone", "Time zone", text: s?.ownZone(in: course) ?? "",
                    hint: "IANA name when held elsewhere; empty for the course's (\(course.timeZone)); times are read in it"),
            ], purpose: .session(s, course: course))
    }

    static func person(_ p: Person?, agency: Agency?, enrolIn course: Course?) -> FormState {
        var fields = [
            FormField(
                "code", "Code", text: p?.code ?? "", hint: "1–16 letters, digits, hyphens; a new person's is proposed from the country",
                maxLength: 16),
            FormField("givenName", "Given name", text: p?.givenName ?? ""),
            FormField("familyName", "Family name", text: p?.familyName ?? "", hint: "may be empty for a single name"),
            FormField("sex", "Sex", options: Sex.allCases.map(\.rawValue), selected: (p?.sex ?? .notDisclosed).rawValue),
            FormField("country", "Country", text: p?.country ?? course?.country ?? "", hint: "ISO code (GT) or name", completes: .country),
            FormField(
                "agency", "Agency", text: agency?.code ?? "", hint: "acronym, name or code (SEGEPLAN); empty for none", completes: .agency),
            FormField("position", "Position", text: p?.position ?? ""),
            FormField("email", "E-mail", text: p?.email ?? ""),
            FormField("phone", "Phone", text: p?.phone ?? ""),
        ]
        if course != nil {
            fields.append(FormField("role", "Role", options: Role.allCases.map(\.rawValue), selected: Role.participant.rawValue))
            fields.append(
                FormField(
                    "status", "Status", options: NominationStatus.allCases.filter { $0 != .substituted }.map(\.rawValue),
                    selected: NominationStatus.nominated.rawValue))
        }
        let title = p.map { "Edit \($0.code) \($0.displayName)" } ?? "New person on \(course?.label ?? "the roster")"
        return FormState(title: title, fields: fields, purpose: .person(p, enrolIn: course))
    }

    /// A new person to replace `p` on `course`'s roster: the person's fields, with `p`'s country
    /// and nominating agency filled in (a substitute usually comes from the same place). Role
    /// and nominating agency are `p`'s, as for any substitute.
    static func substitute(_ p: Person, nominatedBy agency: Agency?, course: Course) -> FormState {
        var form = person(nil, agency: agency, enrolIn: nil)
        if let i = form.fields.firstIndex(where: { $0.id == "country" }) {
            form.fields[i].input = TextField(text: p.country, maxLength: form.fields[i].input.maxLength)
        }
        return FormState(
            title: "New person replacing \(p.code) \(p.displayName)", fields: form.fields,
            purpose: .substitute(replacing: p, course: course))
    }

    static func agency(_ a: Agency?) -> FormState {
        FormState(
            title: a.map { "Edit agency \($0.code)" } ?? "New agency",
            fields: [
                FormField("code", "Code", text: a?.code ?? "", hint: "lower-case letters, digits, hyphens: gt-igm"),
                FormField("name", "Name", text: a?.name ?? ""),
                FormField("acronym", "Acronym", text: a?.acronym ?? ""),
                FormField("kind", "Kind", options: AgencyKind.allCases.map(\.rawValue), selected: (a?.kind ?? .government).rawValue),
                FormField(
                    "country", "Country", text: a?.country ?? "", hint: "ISO code or name; empty for regional bodies", completes: .country),
            ], purpose: .agency(a))
    }

    static func enrolment(_ item: RosterListEntry, nominatedBy: Agency?) -> FormState {
        let e = item.enrolment
        let statuses = NominationStatus.allCases.filter { $0 != .substituted || e.status == .substituted }.map(\.rawValue)
        return FormState(
            title: "Enrolment of \(item.person.code) \(item.person.displayName)",
            fields: [
                FormField("role", "Role", options: Role.allCases.map(\.rawValue), selected: e.role.rawValue),
                FormField(
                    "status", "Status", options: statuses, selected: e.status.rawValue,
                    hint: "←/→ to change; to substitute, use t then s on the roster"),
                FormField(
                    "nominatedBy", "Nominated by", text: nominatedBy?.code ?? "", hint: "acronym, name or code; empty for none",
                    completes: .agency),
                FormField("note", "Note", text: e.note),
            ], purpose: .enrolment(e, person: item.person))
    }

    /// A quota of `course`: a country's or an agency's places. `group` fills a new one from the
    /// nominations line it was asked on. The group is typed like any country or agency field.
    static func quota(_ q: Quota?, course: Course, group: (scope: QuotaScope, key: String)? = nil) -> FormState {
        let scope = q?.scope ?? group?.scope ?? .country
        return FormState(
            title: q.map { "Edit quota of \($0.scope == .country ? Countries.name(of: $0.key) ?? $0.key : $0.key)" }
                ?? "New quota on \(course.label)",
            fields: [
                FormField("scope", "For", options: QuotaScope.allCases.map(\.rawValue), selected: scope.rawValue),
                FormField(
                    "key", "Country/agency", text: q?.key ?? group?.key ?? "",
                    hint: "a country (name or ISO code), or an agency (acronym, name or code)", completes: .group),
                FormField(
                    "limit", "Places", text: q.map { String($0.limit) } ?? "",
                    hint: "how many may be nominated; \(QuotaCount.rule)"),
            ], purpose: .quota(q, course: course))
    }
}
