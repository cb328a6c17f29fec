import CourseKit
import Foundation
import TerminalUI

/// One person: who they are, and every course they took with attendance and completion; or,
/// toggled with `t`, their audit trail: every recorded change about them, who made it, on which
/// device, when and through what.
public struct PersonState: Sendable, Equatable {
    public var personID: Int64
    public var details: PersonDetails? {
        didSet { auditTable.setRowCount(details?.audit.count ?? 0) }
    }
    public var table = TableState()
    /// Whether the lower half shows the audit trail instead of the training history.
    public var showsAudit = false
    public var auditTable = TableState()

    public init(personID: Int64) { self.personID = personID }

    /// The trail's selected entry, when the trail shows.
    public var selectedAuditEntry: AuditEntry? {
        guard showsAudit, let details, let i = auditTable.selection, details.audit.indices.contains(i) else { return nil }
        return details.audit[i]
    }

    public var selectedRecord: PersonCourseRecord? {
        guard !showsAudit, let details, let i = table.selection, details.history.indices.contains(i) else { return nil }
        return details.history[i]
    }
}

/// The person's keys: open a course of their history, edit them, switch to the audit trail.
extension PersonState: ScreenModel {
    var screen: Screen { .person(self) }
    var keyContexts: [String] { [KeyContext.person, KeyContext.list, KeyContext.global] }

    /// The list keys move in whichever half shows: the history or the audit trail.
    var list: TableState? {
        get { showsAudit ? auditTable : table }
        set {
            guard let newValue else { return }
            if showsAudit { auditTable = newValue } else { table = newValue }
        }
    }

    /// The history (or trail), below four lines of details and a blank one.
    func tableArea(body: Rect) -> Rect { PersonView.tableRect(body) }

    mutating func command(_ id: CommandID, _ context: inout ScreenContext) -> [Effect<AppAction>] {
        switch id {
        case Command.open:
            guard let code = selectedRecord?.course.code else { return [.bell] }
            return context.open(OverviewState(courseCode: code))
        case Command.auditTrail:
            showsAudit.toggle()
            // The newest change is what a coordinator usually looks for: start at the bottom.
            if showsAudit, auditTable.selection == nil || auditTable.selection == 0 { auditTable.end(height: pageHeight(context.size)) }
        case Command.edit:
            guard let details else { return [] }
            context.push(FormBuilder.person(details.person, agency: details.agency, enrolIn: nil))
        case Command.merge:
            guard let details else { return [] }
            if let into = details.mergedInto {
                context.note("\(details.person.code) is merged into \(into.code): t, then U on the merge, unmerges them")
                return [.bell]
            }
            context.push(PersonMergeFlow.picker(keep: details.person))
        case Command.unmerge:
            guard let entry = selectedAuditEntry, entry.changeAction == "merge", let changeID = entry.changeID else {
                context.note(
                    showsAudit ? "Select a merge (“records merged”) to unmerge it" : "t shows the trail; select a merge there to unmerge it"
                )
                return [.bell]
            }
            context.push(
                ConfirmState(
                    dialog: .confirm(
                        title: "Unmerge",
                        message: "Undo this merge of \(LocalTime.format(entry.at, in: .gmt)) by \(entry.actor)? Both people, their "
                            + "enrolments and marks go back to how they were before it; the copied marks are cancelled, not deleted.",
                        destructive: true),
                    onYes: .unmerge(changeID: changeID)))
        default:
            break
        }
        return []
    }

    mutating func receive(_ action: AppAction, _ context: inout ScreenContext) -> [Effect<AppAction>]? {
        switch action {
        case .personLoaded(let loaded) where loaded.person.id == personID:
            details = loaded
            table.setRowCount(loaded.history.count)
            return []
        case .perform(.unmerge(let changeID), _):
            return [.run { [loaders = context.loaders] in loaders.unmerge(changeID: changeID) }]
        default:
            return PersonMergeFlow.receive(action, &context)
        }
    }

    func load(_ context: ScreenContext) -> [Effect<AppAction>] {
        [.run { [loaders = context.loaders, personID] in loaders.person(personID) }]
    }

    func render(into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        PersonView.render(self, into: &buffer, body: body, theme: theme)
    }
}

extension Loaders {
    func person(_ id: Int64) -> AppAction {
        attempt { .personLoaded(try store.people.personDetails(id: id)) }
    }
}

/// Details on top, the training history or the audit trail below.
enum PersonView {
    static let detailLines = 4

    /// The history or the trail, below the details and a blank line.
    static func tableRect(_ body: Rect) -> Rect {
        Rect(x: body.x, y: body.y + detailLines + 1, width: body.width, height: body.height - detailLines - 1)
    }

    /// The dates go first when the screen is narrow: the course's name says which one it is.
    static func columns(width: Int) -> [TableColumn] {
        [TableColumn("COURSE", width: .flexible(min: 12, weight: 3))]
            + (width >= 80 ? [TableColumn("DATES", width: .fixed(18))] : [])
            + [
                TableColumn("ROLE", width: .fixed(11)), TableColumn("STATUS", width: .fixed(11)),
                TableColumn("ATTENDED", width: .fixed(9), alignment: .right), TableColumn("DONE", width: .fixed(4)),
            ]
    }

    /// The device id is a UUID: its first eight characters tell a laptop from a kiosk, and they
    /// go first when the screen is narrow.
    static func auditColumns(width: Int) -> [TableColumn] {
        [TableColumn("WHEN (UTC)", width: .fixed(16)), TableColumn("BY", width: .fixed(10))]
            + (width >= 80 ? [TableColumn("DEVICE", width: .fixed(8))] : [])
            + [TableColumn("SOURCE", width: .fixed(11)), TableColumn("WHAT", width: .flexible(min: 12, weight: 3))]
    }

    /// For a walk-in awaiting review (from the kiosk, a sheet or a tool's file): who they may
    /// really be, so the coordinator merges rather than keeps two records of one person.
    /// Otherwise, for the course selected in the history: who replaced them, or whom they
    /// replaced, which the status word alone cannot say.
    static func reviewLine(_ d: PersonDetails, selected: PersonCourseRecord?) -> String {
        guard d.history.contains(where: { $0.enrolment.status == .walkIn }) else {
            guard let r = selected, r.substitutedBy != nil || r.substituteFor != nil else { return "" }
            return "\(r.course.label): \(r.statusText)"
        }
        guard !d.lookalikes.isEmpty else { return "Walk-in awaiting review: nobody else has this name and country" }
        return "Walk-in awaiting review; likely the same as "
            + d.lookalikes.map { "\($0.code) \($0.displayName)" }.joined(separator: ", ") + " (M on the roster merges)"
    }

    static func render(_ s: PersonState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        guard let d = s.details else {
            buffer.put("Loading…", at: Point(x: body.x + 1, y: body.y + 1), role: .dim, maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: ["Muster", "Person"])
        }
        let p = d.person
        let erased = p.displayName.isEmpty
        let lines: [(String, StyleRole)] = [
            (
                [erased ? "Erased person" : p.displayName, p.code, p.sex.rawValue, Countries.name(of: p.country) ?? p.country]
                    .filter { !$0.isEmpty }.joined(separator: " · "), .accent
            ),
            (
                [d.agency.map { $0.acronym.isEmpty ? $0.name : "\($0.name) (\($0.acronym))" } ?? "", p.position]
                    .filter { !$0.isEmpty }.joined(separator: " · "), .normal
            ),
            ([p.email, p.phone].filter { !$0.isEmpty }.joined(separator: " · "), .dim),
            (
                erased
                    ? "Erased: an anonymous placeholder kept for course totals"
                    : d.mergedInto.map { "Merged into \($0.code) \($0.displayName) (t, then U on the merge, unmerges)" }
                        ?? reviewLine(d, selected: s.selectedRecord),
                .warning
            ),
        ]
        for (row, (text, role)) in lines.enumerated() where row < body.height {
            buffer.putLine(
                text, in: Rect(x: body.x + 1, y: body.y + row, width: body.width - 2, height: 1), role: role,
                ellipsis: theme.glyphs.ellipsis)
        }
        let name = erased ? "Erased \(p.code)" : p.displayName
        if s.showsAudit {
            renderAudit(d.audit, state: s.auditTable, code: p.code, into: &buffer, body: body, theme: theme)
            let n = d.audit.count
            return HeaderLine(breadcrumbs: ["Muster", name, "Audit trail"], trailing: "\(n) change\(n == 1 ? "" : "s") recorded")
        }
        let glyphs = theme.glyphs
        let wide = body.width >= 80
        TableView(
            columns: columns(width: body.width), state: s.table, emptyMessage: "Not enrolled in any course",
            row: { i in
                let r = d.history[i]
                let percent = r.sessionCount == 0 ? "" : " \(Int((r.rate * 100).rounded()))%"
                let counts = r.enrolment.role.isMarkedAtRollCall && r.enrolment.status != .declined
                let dates = wide ? [Format.dateRange(r.course.startDate, r.course.endDate)] : []
                return TableRow(
                    [r.course.label] + dates + [
                        r.enrolment.role.rawValue,
                        r.enrolment.status.rawValue, "\(r.attended)/\(r.sessionCount)\(percent)",
                        counts ? (r.completed ? glyphs.markPresent : glyphs.markAbsent) : "—",
                    ],
                    cellRoles: [nil] + dates.map { _ in nil } + [
                        nil, RosterView.statusRole(r.enrolment.status), nil,
                        counts ? (r.completed ? .present : .absent) : .dim,
                    ])
            }
        ).render(into: &buffer, rect: s.tableArea(body: body), theme: theme)
        let done = d.history.filter(\.completed).count
        return HeaderLine(
            breadcrumbs: ["Muster", name], trailing: "\(d.history.count) course\(d.history.count == 1 ? "" : "s") · \(done) completed")
    }

    /// The trail, oldest first: "2024-05-07 09:02  facilitator  3f2a…  rollcall  mini-2024 am: late".
    /// The selected entry is also written out in full on the line above the table, since a
    /// change's description rarely fits its column.
    static func renderAudit(
        _ audit: [AuditEntry], state: TableState, code: String, into buffer: inout ScreenBuffer,
        body: Rect, theme: Theme
    ) {
        let wide = body.width >= 80
        func text(_ e: AuditEntry) -> String {
            e.subject == "record" || e.subject == code || e.what.contains(e.subject) ? e.what : "\(e.subject): \(e.what)"
        }
        if let i = state.selection, audit.indices.contains(i), PersonView.detailLines < body.height {
            buffer.putLine(
                "\(theme.glyphs.breadcrumbSeparator) \(text(audit[i]))",
                in: Rect(x: body.x + 1, y: body.y + PersonView.detailLines, width: body.width - 2, height: 1),
                role: .normal, ellipsis: theme.glyphs.ellipsis)
        }
        TableView(
            columns: auditColumns(width: body.width), state: state, emptyMessage: "Nothing recorded about this person yet",
            row: { i in
                let e = audit[i]
                return TableRow(
                    [LocalTime.format(e.at, in: .gmt), e.actor] + (wide ? [String(e.device.prefix(8))] : [])
                        + [e.source, text(e)],
                    cellRoles: [.dim, nil] + (wide ? [.dim] : []) + [e.source == "erasure" ? .warning : nil, nil])
            }
        ).render(into: &buffer, rect: tableRect(body), theme: theme)
    }
}
