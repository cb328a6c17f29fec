import CourseKit
import Foundation
import TerminalUI

/// The roster browser: an info line (quota of the filtered group, the filter, the order, the
/// position) and a virtualised table of the rows in the cache.
enum RosterView {
    /// The columns for a width: all of them from 80 columns, the ones that identify a person
    /// and their standing below that (agency and role are in the person view).
    static func columns(width: Int, order: RosterOrder, glyphs: Glyphs) -> [(RosterSortColumn, TableColumn)] {
        let wide = width >= 80
        let all: [(RosterSortColumn, TableColumn)] = [
            (.code, TableColumn("CODE", width: .fixed(wide ? 10 : 9))),
            (.name, TableColumn("NAME", width: .flexible(min: 10, weight: 3))),
            (.sex, TableColumn(wide ? "SEX" : "S", width: .fixed(wide ? 3 : 1))),
            (.country, TableColumn(wide ? "CTRY" : "CC", width: .fixed(wide ? 4 : 2))),
            (.agency, TableColumn("AGENCY", width: .flexible(min: 6, weight: 1))),
            (.role, TableColumn("ROLE", width: .fixed(11))),
            (.status, TableColumn("STATUS", width: .fixed(wide ? 11 : 9))),
            (.attendance, TableColumn(wide ? "ATTENDED" : "ATT", width: .fixed(wide ? 9 : 5), alignment: .right)),
        ]
        // The sorted column's title carries the direction where there is room for it (the
        // info line always says it in words).
        return all.filter { wide || ($0.0 != .agency && $0.0 != .role) }.map { column, spec in
            var spec = spec
            if column == order.column, wide || column == .name || column == .code || column == .status {
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
                let cells = columns.map { column, _ in cell(column, item, facts: facts, wide: rect.width >= 80, glyphs: theme.glyphs) }
                let roles = columns.map { column, _ in column == .status ? statusRole(item.enrolment.status) : nil }
                return TableRow(cells, role: item.enrolment.status.isExpected ? nil : .dim, cellRoles: roles)
            }
        ).render(into: &buffer, rect: rect, theme: theme)
    }

    static func cell(_ column: RosterSortColumn, _ item: RosterListEntry, facts: RosterCourseFacts, wide: Bool, glyphs: Glyphs) -> String {
        let p = item.person
        switch column {
        case .code: return p.code
        case .name: return p.sortName
        case .sex: return p.sex.letter
        case .country: return p.country
        case .agency: return item.agency?.shortName ?? ""
        case .role: return item.enrolment.role.rawValue
        case .status: return item.enrolment.status.rawValue
        case .attendance: return attendance(item, facts: facts, glyphs: glyphs, short: !wide)
        }
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
