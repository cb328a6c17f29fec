import CourseKit
import Foundation
import TerminalUI

/// The roster browser: an info line (quota of the filtered group, the filter, the order, the
/// position) and a virtualised table of the rows in the cache.
enum RosterView {
    /// A column of the roster list: the sortable ones, and the position (job title).
    enum Column: Equatable {
        case sorted(RosterSortColumn)
        case position
    }

    /// Wide enough for everything but position and role: code, name, sex, country, agency, a
    /// status wide enough to say who replaced whom, attendance.
    static let wideFrom = 80
    /// Position (job title) joins from here: it tells namesakes and colleagues apart.
    static let positionFrom = 100
    /// Role joins last: almost everyone is a participant, the role filter and the person view
    /// say it, and `e` edits it.
    static let roleFrom = 120

    /// The columns for a width, by priority: below 80 the ones that identify a person and
    /// their standing (code, name, sex, country, status, attendance); from 80 agency and the
    /// long status ("substituted → MX-006", "nominated for GT-001"); from 100 position; from
    /// 120 role.
    static func columns(width: Int, order: RosterOrder, glyphs: Glyphs) -> [(Column, TableColumn)] {
        let wide = width >= wideFrom
        var all: [(Column, TableColumn)] = [
            (.sorted(.code), TableColumn("CODE", width: .fixed(wide ? 10 : 9))),
            (.sorted(.name), TableColumn("NAME", width: .flexible(min: 10, weight: 3))),
            (.sorted(.sex), TableColumn(wide ? "SEX" : "S", width: .fixed(wide ? 3 : 1))),
            (.sorted(.country), TableColumn(wide ? "CTRY" : "CC", width: .fixed(wide ? 4 : 2))),
        ]
        if wide { all.append((.sorted(.agency), TableColumn("AGENCY", width: .flexible(min: 6, weight: 1)))) }
        if width >= positionFrom { all.append((.position, TableColumn("POSITION", width: .flexible(min: 10, weight: 2)))) }
        if width >= roleFrom { all.append((.sorted(.role), TableColumn("ROLE", width: .fixed(11)))) }
        all.append((.sorted(.status), TableColumn("STATUS", width: .fixed(wide ? 20 : 11))))
        all.append((.sorted(.attendance), TableColumn(wide ? "ATTENDED" : "ATT", width: .fixed(wide ? 9 : 5), alignment: .right)))
        // The sorted column's title carries the direction where there is room for it (the
        // info line always says it in words).
        return all.map { column, spec in
            var spec = spec
            if column == .sorted(order.column),
                wide || order.column == .name || order.column == .code || order.column == .status
            {
                spec.title += order.descending ? glyphs.moreBelow : glyphs.moreAbove
            }
            return (column, spec)
        }
    }

    static func render(_ s: RosterState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        guard let context = s.context, let query = s.query else {
            buffer.put("Loading…", at: Point(x: body.x + 1, y: body.y + 1), role: .dim, maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: [s.courseCode, s.mode == .matrix ? "Attendance" : "Roster"])
        }
        infoLine(
            s, context: context, query: query, into: &buffer, rect: Rect(x: body.x, y: body.y, width: body.width, height: 1),
            theme: theme)
        let table = s.tableArea(body: body)
        if s.mode == .matrix {
            MatrixView.render(s, context: context, into: &buffer, rect: table, theme: theme)
        } else {
            renderList(s, context: context, query: query, into: &buffer, rect: table, theme: theme)
        }
        let count = s.total == context.everyone ? "\(s.total) people" : "\(s.total) of \(context.everyone) people"
        return HeaderLine(breadcrumbs: [context.course.label, s.mode == .matrix ? "Attendance" : "Roster"], trailing: count)
    }

    /// Left: the quota line of the filtered group, then the filter; right: the order and the
    /// position, never cut.
    static func infoLine(
        _ s: RosterState, context: RosterContext, query: RosterQuery, into buffer: inout ScreenBuffer,
        rect: Rect, theme: Theme
    ) {
        let right =
            "by \(RosterLabels.columnTitle(query.order.column))\(query.order.descending ? " reversed" : "")  \(s.table.positionText)"
        let rightWidth = right.displayWidth
        buffer.put(right, at: Point(x: rect.maxX - 1 - rightWidth, y: rect.y), role: .dim, maxWidth: rightWidth)
        var left = StyledText()
        if let line = s.quotaLine {
            let role: StyleRole = line.standing == .over ? .warning : line.standing == .full ? .success : .accent
            left.append(line.text(check: theme.ascii ? "OK" : "✓"), role: role)
            if !line.pendingText.isEmpty { left.append(" · " + line.pendingText, role: .dim) }
            left.append("  ")
        }
        let filter = RosterLabels.describe(query.filter, agencies: context.agencies)
        if !filter.isEmpty {
            left.append("filter: \(filter) (Esc clears)", role: .warning)
        } else if s.quotaLine == nil {
            // Nothing to say about a group: say what "completed" means here.
            let facts = context.facts
            left.append(
                "completion: \(Int((facts.rule.minimumShare * 100).rounded()))% of \(facts.sessionCount) sessions"
                    + (facts.rule.requireCore && facts.coreCount > 0 ? " and every core one" : ""), role: .dim)
        }
        let room = max(0, rect.width - rightWidth - 4)
        buffer.put(
            left.truncated(toWidth: room, ellipsis: theme.glyphs.ellipsis), at: Point(x: rect.x + 1, y: rect.y),
            role: .dim, maxWidth: room)
    }

    static func renderList(
        _ s: RosterState, context: RosterContext, query: RosterQuery, into buffer: inout ScreenBuffer,
        rect: Rect, theme: Theme
    ) {
        let columns = columns(width: rect.width, order: query.order, glyphs: theme.glyphs)
        let empty =
            context.everyone == 0
            ? "Nobody on this roster yet — press a to add a person"
            : "Nobody matches the filter — press Esc to show everyone"
        let facts = context.facts
        TableView(
            columns: columns.map(\.1), state: s.table, emptyMessage: empty,
            row: { i in
                guard let item = s.item(at: i) else { return TableRow([theme.glyphs.ellipsis], role: .dim) }
                let cells = columns.map { column, _ in cell(column, item, facts: facts, wide: rect.width >= wideFrom, glyphs: theme.glyphs)
                }
                let roles = columns.map { column, _ in column == .sorted(.status) ? statusRole(item.enrolment.status) : nil }
                return TableRow(cells, role: item.enrolment.status.isExpected ? nil : .dim, cellRoles: roles)
            }
        ).render(into: &buffer, rect: rect, theme: theme)
    }

    static func cell(_ column: Column, _ item: RosterListEntry, facts: RosterCourseFacts, wide: Bool, glyphs: Glyphs) -> String {
        let p = item.person
        guard case .sorted(let column) = column else { return p.position }
        switch column {
        case .code: return p.code
        case .name: return p.sortName
        case .sex: return p.sex.letter
        case .country: return p.country
        case .agency: return item.agency?.shortName ?? ""
        case .role: return item.enrolment.role.rawValue
        case .status: return status(item, wide: wide, glyphs: glyphs)
        case .attendance: return attendance(item, facts: facts, glyphs: glyphs, short: !wide)
        }
    }

    /// The status, and who replaced whom: "substituted → MX-006" and "nominated for GT-001"
    /// (narrow: "→ MX-006", "for GT-001"), which the status word alone cannot say.
    static func status(_ item: RosterListEntry, wide: Bool, glyphs: Glyphs) -> String {
        let status = item.enrolment.status
        // The ASCII glyphs spell arrows as words ("Right"); here an arrow reads as "->".
        let arrow = glyphs.arrowRight.count == 1 ? glyphs.arrowRight : "->"
        if status == .substituted, let by = item.substitutedByCode {
            return wide ? "\(status.rawValue) \(arrow) \(by)" : "\(arrow) \(by)"
        }
        if let them = item.substituteForCode { return wide ? "\(status.rawValue) for \(them)" : "for \(them)" }
        return status.rawValue
    }

    /// "4/6 67% ✓": sessions attended, the share, and ✓ when the course's rule is met.
    static func attendance(_ item: RosterListEntry, facts: RosterCourseFacts, glyphs: Glyphs, short: Bool) -> String {
        let n = facts.sessionCount
        let done = facts.completed(item) ? glyphs.markPresent : " "
        guard n > 0 else { return "—" }
        if short { return "\(item.attended)/\(n)\(done)" }
        let percent = Int((Double(item.attended) * 100 / Double(n)).rounded())
        return "\(item.attended)/\(n) \(percent)% \(done)"
    }

    static func statusRole(_ status: NominationStatus) -> StyleRole? {
        switch status {
        case .confirmed: .present
        case .nominated: .accent
        case .walkIn: .warning
        case .declined, .withdrawn: .absent
        case .waitlisted, .substituted: .excused
        }
    }
}
