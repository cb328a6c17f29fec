import CourseKit
import Foundation
import TerminalUI

/// Details on top, the training history or the audit trail below, in `words`' language. The
/// library's own texts stay as it wrote them: names, codes, and a trail entry's description.
enum PersonView {
    static let detailLines = 4

    /// The history or the trail, below the details and a blank line.
    static func tableRect(_ body: Rect) -> Rect {
        Rect(x: body.x, y: body.y + detailLines + 1, width: body.width, height: body.height - detailLines - 1)
    }

    /// A column at least as wide as its title, so a longer title ("FINALIZÓ") is never cut.
    static func fixed(_ title: String, _ width: Int, alignment: HorizontalAlignment = .left) -> TableColumn {
        TableColumn(title, width: .fixed(max(width, title.displayWidth)), alignment: alignment)
    }

    /// The dates go first when the screen is narrow: the course's name says which one it is.
    /// The role and status columns widen for the words they show ("en lista de espera"), so a
    /// status is never cut; 11 wide otherwise, as always.
    static func columns(width: Int, cells: (roles: [String], statuses: [String]), _ words: Words) -> [TableColumn] {
        func widest(_ texts: [String]) -> Int { max(11, texts.map(\.displayWidth).max() ?? 0) }
        return [TableColumn(words.person("column.course"), width: .flexible(min: 12, weight: 3))]
            + (width >= 80 ? [fixed(words.person("column.dates"), 18)] : [])
            + [
                fixed(words.person("column.role"), widest(cells.roles)), fixed(words.person("column.status"), widest(cells.statuses)),
                fixed(words.person("column.attended"), 9, alignment: .right), fixed(words.person("column.done"), 4),
            ]
    }

    /// The device id is a UUID: its first eight characters tell a laptop from a kiosk, and they
    /// go first when the screen is narrow.
    static func auditColumns(width: Int, sources: [String], _ words: Words) -> [TableColumn] {
        [fixed(words.person("column.when"), 16), fixed(words.person("column.by"), 10)]
            + (width >= 80 ? [fixed(words.person("column.device"), 8)] : [])
            + [
                fixed(words.person("column.source"), max(11, sources.map(\.displayWidth).max() ?? 0)),
                TableColumn(words.person("column.what"), width: .flexible(min: 12, weight: 3)),
            ]
    }

    /// For a walk-in awaiting review (from the kiosk, a sheet or a tool's file): who they may
    /// really be, so the coordinator merges rather than keeps two records of one person.
    /// Otherwise, for the course selected in the history: who replaced them, or whom they
    /// replaced, which the status word alone cannot say.
    static func reviewLine(_ d: PersonDetails, selected: PersonCourseRecord?, _ words: Words) -> String {
        guard d.history.contains(where: { $0.enrolment.status == .walkIn }) else {
            guard let r = selected else { return "" }
            if let by = r.substitutedBy { return words.person("substitution.by", r.course.label, by.code, by.displayName) }
            guard let them = r.substituteFor else { return "" }
            return words.person("substitution.for", r.course.label, words.term(r.enrolment.status), them.code, them.displayName)
        }
        guard !d.lookalikes.isEmpty else { return words.person("review.nobody") }
        return words.person("review.likely", d.lookalikes.map { "\($0.code) \($0.displayName)" }.joined(separator: ", "))
    }

    /// The four lines of details: who, where they work, how to reach them, and what to know.
    static func details(_ d: PersonDetails, selected: PersonCourseRecord?, _ words: Words) -> [(String, StyleRole)] {
        let p = d.person
        let erased = p.isErasedPlaceholder
        func joined(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: " · ") }
        return [
            (
                joined([
                    erased ? words.person("person.erased") : p.displayName, p.code, words.person("sex.\(p.sex.rawValue)"),
                    Countries.name(of: p.country, in: words.language) ?? p.country,
                ]), .accent
            ),
            (joined([d.agency.map { $0.acronym.isEmpty ? $0.name : "\($0.name) (\($0.acronym))" } ?? "", p.position]), .normal),
            (joined([p.email, p.phone]), .dim),
            (
                erased
                    ? words.person("person.erasedNote")
                    : d.mergedInto.map { words.person("person.mergedInto", $0.code, $0.displayName) }
                        ?? reviewLine(d, selected: selected, words),
                .warning
            ),
        ]
    }

    static func render(_ s: PersonState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        guard let d = s.details else {
            buffer.put(words.person("person.loading"), at: Point(x: body.x + 1, y: body.y + 1), role: .dim, maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: ["Muster", words.person("person.title")])
        }
        for (row, (text, role)) in details(d, selected: s.selectedRecord, words).enumerated() where row < body.height {
            buffer.putLine(
                text, in: Rect(x: body.x + 1, y: body.y + row, width: body.width - 2, height: 1), role: role,
                ellipsis: theme.glyphs.ellipsis)
        }
        let p = d.person
        let name = p.isErasedPlaceholder ? words.person("person.erasedCode", p.code) : p.displayName
        if s.showsAudit {
            renderAudit(d.audit, state: s.auditTable, code: p.code, into: &buffer, body: body, theme: theme, words: words)
            return HeaderLine(
                breadcrumbs: ["Muster", name, words.person("audit.title")],
                trailing: words.person(counted("audit.changes", d.audit.count), d.audit.count))
        }
        renderHistory(d.history, state: s.table, into: &buffer, body: body, theme: theme, words: words)
        let done = d.history.filter(\.completed).count
        let courses = words.person(counted("history.courses", d.history.count), d.history.count)
        return HeaderLine(
            breadcrumbs: ["Muster", name], trailing: "\(courses) · \(words.person(counted("history.completed", done), done))")
    }

    /// `key`, or its ".one" form for a count of one.
    static func counted(_ key: String, _ n: Int) -> String { n == 1 ? key + ".one" : key }

    /// Each course: its dates when there is room, the role, the status, sessions attended and
    /// the share, and whether they completed it (a mark, for those the roll call marks).
    static func renderHistory(
        _ history: [PersonCourseRecord], state: TableState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words
    ) {
        let glyphs = theme.glyphs, language = words.language
        let wide = body.width >= 80
        let roles = history.map { words.person("role.\($0.enrolment.role.rawValue)") }
        let statuses = history.map { words.term($0.enrolment.status) }
        TableView(
            columns: columns(width: body.width, cells: (roles, statuses), words), state: state,
            emptyMessage: words.person("history.empty"),
            row: { i in
                let r = history[i]
                // Rounded to a whole percent first, as always; the language writes it ("0%", "0 %").
                let share = language.percent(Double(Int((r.rate * 100).rounded())) / 100)
                let attended = "\(r.attended)/\(r.sessionCount)" + (r.sessionCount == 0 ? "" : " \(share)")
                let counts = r.enrolment.role.isMarkedAtRollCall && r.enrolment.status != .declined
                let dates = wide ? [CalendarDate.rangeText(r.course.startDate, r.course.endDate, language)] : []
                return TableRow(
                    [r.course.label] + dates + [
                        roles[i], statuses[i], attended,
                        counts ? (r.completed ? glyphs.markPresent : glyphs.markAbsent) : "—",
                    ],
                    cellRoles: [nil] + dates.map { _ in nil } + [
                        nil, RosterView.statusRole(r.enrolment.status), nil,
                        counts ? (r.completed ? .present : .absent) : .dim,
                    ])
            }
        ).render(into: &buffer, rect: tableRect(body), theme: theme)
    }

    /// The trail, oldest first: "2024-05-07 09:02  facilitator  3f2a…  rollcall  mini-2024 am: late".
    /// The selected entry is also written out in full on the line above the table, since a
    /// change's description rarely fits its column.
    static func renderAudit(
        _ audit: [AuditEntry], state: TableState, code: String, into buffer: inout ScreenBuffer,
        body: Rect, theme: Theme, words: Words
    ) {
        let wide = body.width >= 80
        func text(_ e: AuditEntry) -> String {
            let what = e.what(in: words.language)
            return e.subject == "record" || e.subject == code || what.contains(e.subject) ? what : "\(e.subject): \(what)"
        }
        // A source the catalogue does not name (a newer one) shows as the library wrote it.
        let sources = audit.map { e in
            let key = "source.\(e.source)", said = words.person(key)
            return said == key ? e.source : said
        }
        if let i = state.selection, audit.indices.contains(i), detailLines < body.height {
            buffer.putLine(
                "\(theme.glyphs.breadcrumbSeparator) \(text(audit[i]))",
                in: Rect(x: body.x + 1, y: body.y + detailLines, width: body.width - 2, height: 1),
                role: .normal, ellipsis: theme.glyphs.ellipsis)
        }
        TableView(
            columns: auditColumns(width: body.width, sources: sources, words), state: state, emptyMessage: words.person("audit.empty"),
            row: { i in
                let e = audit[i]
                return TableRow(
                    [LocalTime.format(e.at, in: .gmt), e.actor] + (wide ? [String(e.device.prefix(8))] : [])
                        + [sources[i], text(e)],
                    cellRoles: [.dim, nil] + (wide ? [.dim] : []) + [e.source == "erasure" ? .warning : nil, nil])
            }
        ).render(into: &buffer, rect: tableRect(body), theme: theme)
    }
}

extension Words {
    /// A text of the person view: `key` in `Person.strings`, its blanks filled.
    func person(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Person", arguments) }
}
