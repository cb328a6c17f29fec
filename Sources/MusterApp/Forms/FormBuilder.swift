import CourseKit
import Foundation
import TerminalUI

/// Builds each form from the values it edits, in `words`' language: titles, labels, hints and
/// what each choice shows come from `Forms.strings`. What a field saves (a code, a raw value
/// such as `virtual-session` or `yes`) does not change with the language: only what is shown.
enum FormBuilder {
    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    /// A choice among `options`, saved as they are and each shown as the catalogue's
    /// `option.<group>.<option>` says ("virtual-session" shows "sesión virtual" in Spanish).
    static func choice(
        _ id: String, _ label: String, options: [String], group: String, selected: String, hint: String? = nil, _ words: Words
    ) -> FormField {
        FormField(
            id, label, options: options, shown: options.map { words.forms("option.\(group).\($0)") }, selected: selected,
            hint: hint ?? words.forms("hint.choice"))
    }

    static func course(_ c: Course?, words: Words) -> FormState {
        let w = words
        return FormState(
            language: words.language,
            title: c.map { w.forms("course.edit", $0.code) } ?? w.forms("course.new"),
            fields: [
                FormField("code", w.forms("label.code"), text: c?.code ?? "", hint: w.forms("hint.course.code")),
                FormField("title", w.forms("label.title"), text: c?.title ?? ""),
                FormField("shortTitle", w.forms("label.shortTitle"), text: c?.shortTitle ?? "", hint: w.forms("hint.shortTitle")),
                FormField("timeZone", w.forms("label.timeZone"), text: c?.timeZone ?? "UTC", hint: w.forms("hint.course.timeZone")),
                FormField("startDate", w.forms("label.startDate"), text: c?.startDate.description ?? "", hint: w.forms("hint.date")),
                FormField("endDate", w.forms("label.endDate"), text: c?.endDate.description ?? "", hint: w.forms("hint.date")),
                FormField("venue", w.forms("label.venue"), text: c?.venue ?? ""),
                FormField(
                    "country", w.forms("label.country"), text: c?.country ?? "", hint: w.forms("hint.course.country"), completes: .country),
                FormField(
                    "completion", w.forms("label.completion"), text: String(Int(((c?.completion.minimumShare ?? 0.8) * 100).rounded())),
                    hint: w.forms("hint.completion")),
                choice(
                    "requireCore", w.forms("label.requireCore"), options: ["yes", "no"], group: "answer",
                    selected: yesNo(c?.completion.requireCore ?? true), w),
                FormField("late", w.forms("label.late"), text: String(c?.lateAfterMinutes ?? 15), hint: w.forms("hint.late")),
                FormField("programme", w.forms("label.programme"), text: c?.programme ?? "", hint: w.forms("hint.programme")),
                FormField("organiser", w.forms("label.organiser"), text: c?.organiser ?? "", hint: w.forms("hint.organiser")),
                FormField("funder", w.forms("label.funder"), text: c?.funder ?? "", hint: w.forms("hint.funder")),
                FormField(
                    "retention", w.forms("label.retention"), text: c?.retention?.text(in: w.language) ?? "", hint: w.forms("hint.retention")
                ),
            ], purpose: .course(c))
    }

    /// The next run of `c`: its code with the year moved on (`palau-mmc-2025`), starting 52
    /// weeks later (the same weekday), without its roster unless asked.
    static func copyCourse(_ c: Course, words: Words) -> FormState {
        let next = String(c.startDate.year + 1)
        let code =
            c.code.contains(String(c.startDate.year))
            ? c.code.replacingOccurrences(of: String(c.startDate.year), with: next) : c.code + "-" + next
        return FormState(
            language: words.language,
            title: words.forms("copy.title", c.code),
            fields: [
                FormField("code", words.forms("label.newCode"), text: code, hint: words.forms("hint.copy.code")),
                FormField(
                    "startDate", words.forms("label.startsOn"), text: CourseCopyDates.sameWeekdayNextYear(c.startDate).description,
                    hint: words.forms("hint.copy.start")),
                choice("withRoster", words.forms("label.withRoster"), options: ["no", "yes"], group: "answer", selected: "no", words),
            ], purpose: .copyCourse(c))
    }

    static func session(_ s: Session?, course: Course, defaultKey: String = "", words: Words) -> FormState {
        let w = words
        let zone = s?.zone(in: course) ?? course.zone
        let start = s.map { LocalTime.format($0.start, in: zone) } ?? "\(course.startDate) 09:00"
        let end = s.map { LocalTime.format($0.end, in: zone) } ?? "\(course.startDate) 10:00"
        let hint = w.forms("hint.session.time", zone.identifier)
        return FormState(
            language: words.language,
            title: s.map { w.forms("session.edit", $0.key) } ?? w.forms("session.new"),
            fields: [
                FormField("key", w.forms("label.key"), text: s?.key ?? defaultKey, hint: w.forms("hint.session.key")),
                FormField("title", w.forms("label.title"), text: s?.title ?? ""),
                choice(
                    "kind", w.forms("label.kind"), options: SessionKind.allCases.map(\.rawValue), group: "kind",
                    selected: (s?.kind ?? .module).rawValue, w),
                FormField("start", w.forms("label.start"), text: start, hint: hint),
                FormField("end", w.forms("label.end"), text: end, hint: hint),
                choice(
                    "core", w.forms("label.core"), options: ["no", "yes"], group: "answer", selected: yesNo(s?.core ?? false),
                    hint: w.forms("hint.core"), w),
                FormField("venue", w.forms("label.venueOrLink"), text: s.map { $0.venue.isEmpty ? $0.link : $0.venue } ?? ""),
                FormField(
                    "facilitators", w.forms("label.facilitators"), text: s?.facilitators.joined(separator: ", ") ?? "",
                    hint: w.forms("hint.facilitators")),
                choice(
                    "modality", w.forms("label.modality"), options: Modality.allCases.map(\.rawValue), group: "modality",
                    selected: (s?.modality ?? course.modality).rawValue, w),
                FormField(
                    "timeZone", w.forms("label.timeZone"), text: s?.ownZone(in: course) ?? "",
                    hint: w.forms("hint.session.timeZone", course.timeZone)),
            ], purpose: .session(s, course: course))
    }

    static func person(_ p: Person?, agency: Agency?, enrolIn course: Course?, words: Words) -> FormState {
        let w = words
        var fields = [
            FormField("code", w.forms("label.code"), text: p?.code ?? "", hint: w.forms("hint.person.code"), maxLength: 16),
            FormField("givenName", w.forms("label.givenName"), text: p?.givenName ?? ""),
            FormField("familyName", w.forms("label.familyName"), text: p?.familyName ?? "", hint: w.forms("hint.familyName")),
            choice(
                "sex", w.forms("label.sex"), options: Sex.allCases.map(\.rawValue), group: "sex",
                selected: (p?.sex ?? .notDisclosed).rawValue, w),
            FormField(
                "country", w.forms("label.country"), text: p?.country ?? course?.country ?? "", hint: w.forms("hint.person.country"),
                completes: .country),
            FormField(
                "agency", w.forms("label.agency"), text: agency?.code ?? "", hint: w.forms("hint.person.agency"), completes: .agency),
            FormField("position", w.forms("label.position"), text: p?.position ?? ""),
            FormField("email", w.forms("label.email"), text: p?.email ?? ""),
            FormField("phone", w.forms("label.phone"), text: p?.phone ?? ""),
        ]
        if course != nil {
            fields.append(
                choice(
                    "role", w.forms("label.role"), options: Role.allCases.map(\.rawValue), group: "role",
                    selected: Role.participant.rawValue, w))
            fields.append(
                choice(
                    "status", w.forms("label.status"), options: NominationStatus.allCases.filter { $0 != .substituted }.map(\.rawValue),
                    group: "status", selected: NominationStatus.nominated.rawValue, w))
        }
        let title =
            p.map { w.forms("person.edit", $0.code, $0.displayName) }
            ?? course.map { w.forms("person.new", $0.label) } ?? w.forms("person.newOnRoster")
        return FormState(language: words.language, title: title, fields: fields, purpose: .person(p, enrolIn: course))
    }

    /// A new person to replace `p` on `course`'s roster: the person's fields, with `p`'s country
    /// and nominating agency filled in (a substitute usually comes from the same place). Role
    /// and nominating agency are `p`'s, as for any substitute.
    static func substitute(_ p: Person, nominatedBy agency: Agency?, course: Course, words: Words) -> FormState {
        var form = person(nil, agency: agency, enrolIn: nil, words: words)
        if let i = form.fields.firstIndex(where: { $0.id == "country" }) {
            form.fields[i].input = TextField(text: p.country, maxLength: form.fields[i].input.maxLength)
        }
        return FormState(
            language: words.language,
            title: words.forms("substitute.title", p.code, p.displayName), fields: form.fields,
            purpose: .substitute(replacing: p, course: course))
    }

    static func agency(_ a: Agency?, words: Words) -> FormState {
        let w = words
        return FormState(
            language: words.language,
            title: a.map { w.forms("agency.edit", $0.code) } ?? w.forms("agency.new"),
            fields: [
                FormField("code", w.forms("label.code"), text: a?.code ?? "", hint: w.forms("hint.agency.code")),
                FormField("name", w.forms("label.name"), text: a?.name ?? ""),
                FormField("acronym", w.forms("label.acronym"), text: a?.acronym ?? ""),
                choice(
                    "kind", w.forms("label.kind"), options: AgencyKind.allCases.map(\.rawValue), group: "agencyKind",
                    selected: (a?.kind ?? .government).rawValue, w),
                FormField(
                    "country", w.forms("label.country"), text: a?.country ?? "", hint: w.forms("hint.agency.country"), completes: .country),
            ], purpose: .agency(a))
    }

    static func enrolment(_ item: RosterListEntry, nominatedBy: Agency?, words: Words) -> FormState {
        let w = words
        let e = item.enrolment
        let statuses = NominationStatus.allCases.filter { $0 != .substituted || e.status == .substituted }.map(\.rawValue)
        return FormState(
            language: words.language,
            title: w.forms("enrolment.title", item.person.code, item.person.displayName),
            fields: [
                choice("role", w.forms("label.role"), options: Role.allCases.map(\.rawValue), group: "role", selected: e.role.rawValue, w),
                choice(
                    "status", w.forms("label.status"), options: statuses, group: "status", selected: e.status.rawValue,
                    hint: w.forms("hint.enrolment.status"), w),
                FormField(
                    "nominatedBy", w.forms("label.nominatedBy"), text: nominatedBy?.code ?? "", hint: w.forms("hint.nominatedBy"),
                    completes: .agency),
                FormField("note", w.forms("label.note"), text: e.note),
            ], purpose: .enrolment(e, person: item.person))
    }

    /// A quota of `course`: a country's or an agency's places. `group` fills a new one from the
    /// nominations line it was asked on. The group is typed like any country or agency field.
    static func quota(_ q: Quota?, course: Course, group: (scope: QuotaScope, key: String)? = nil, words: Words) -> FormState {
        let w = words
        let scope = q?.scope ?? group?.scope ?? .country
        return FormState(
            language: words.language,
            title: q.map { w.forms("quota.edit", $0.scope == .country ? Countries.name(of: $0.key, in: w.language) ?? $0.key : $0.key) }
                ?? w.forms("quota.new", course.label),
            fields: [
                choice(
                    "scope", w.forms("label.scope"), options: QuotaScope.allCases.map(\.rawValue), group: "scope", selected: scope.rawValue,
                    w),
                FormField("key", w.forms("label.group"), text: q?.key ?? group?.key ?? "", hint: w.forms("hint.group"), completes: .group),
                FormField("limit", w.forms("label.limit"), text: q.map { String($0.limit) } ?? "", hint: w.forms("hint.limit")),
            ], purpose: .quota(q, course: course))
    }
}

extension Words {
    /// A text of a form or of the same-person question: `key` in `Forms.strings`, its blanks filled.
    func forms(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Forms", arguments) }
}
