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
    ///
    /// Titles are each language's, with a short form where a column narrows; a short column
    /// widens to its title (Spanish "SEXO" takes 4 where "SEX" took 3) rather than cut it, and
    /// the agency's title is short until position joins (Spanish "INST." for "INSTITUCIÓN").
    static func columns(width: Int, order: RosterOrder, glyphs: Glyphs, words: Words = Words(.en)) -> [(Column, TableColumn)] {
        let wide = width >= wideFrom
        func title(_ id: String, short: Bool) -> String { words.roster("column.\(id)" + (short ? ".short" : "")) }
        func fitted(_ id: String, width: Int) -> TableColumn {
            let text = title(id, short: !wide)
            return TableColumn(text, width: .fixed(wide ? max(width, text.displayWidth) : width))
        }
        var all: [(Column, TableColumn)] = [
            (.sorted(.code), TableColumn(title("code", short: false), width: .fixed(wide ? 10 : 9))),
            (.sorted(.name), TableColumn(title("name", short: false), width: .flexible(min: 10, weight: 3))),
            (.sorted(.sex), fitted("sex", width: wide ? 3 : 1)),
            (.sorted(.country), fitted("country", width: wide ? 4 : 2)),
        ]
        if wide {
            let agency = title("agency", short: width < positionFrom)
            all.append((.sorted(.agency), TableColumn(agency, width: .flexible(min: 6, weight: 1))))
        }
        if width >= positionFrom {
            all.append((.position, TableColumn(title("position", short: false), width: .flexible(min: 10, weight: 2))))
        }
        if width >= roleFrom { all.append((.sorted(.role), TableColumn(title("role", short: false), width: .fixed(11)))) }
        all.append((.sorted(.status), TableColumn(title("status", short: false), width: .fixed(wide ? 20 : 11))))
        all.append(
            (.sorted(.attendance), TableColumn(title("attended", short: !wide), width: .fixed(wide ? 9 : 5), alignment: .right)))
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

    static func render(_ s: RosterState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        let title = words.roster(s.mode == .matrix ? "matrix.title" : "roster.title")
        guard let context = s.context, let query = s.query else {
            buffer.put(words.roster("loading"), at: Point(x: body.x + 1, y: body.y + 1), role: .dim, maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: [s.courseCode, title])
        }
        infoLine(
            s, context: context, query: query, into: &buffer, rect: Rect(x: body.x, y: body.y, width: body.width, height: 1),
            theme: theme, words: words)
        let table = s.tableArea(body: body)
        if s.mode == .matrix {
            MatrixView.render(s, context: context, into: &buffer, rect: table, theme: theme, words: words)
        } else {
            renderList(s, context: context, query: query, into: &buffer, rect: table, theme: theme, words: words)
        }
        return HeaderLine(breadcrumbs: [context.course.label, title], trailing: people(s.total, of: context.everyone, words))
    }

    /// "12 people", "12 of 30 people" when a filter hides some.
    static func people(_ shown: Int, of everyone: Int, _ words: Words) -> String {
        shown == everyone ? words.roster("people", shown) : words.roster("people.of", shown, everyone)
    }

    /// Left: the quota line of the filtered group, then the filter; right: the order and the
    /// position, never cut.
    static func infoLine(
        _ s: RosterState, context: RosterContext, query: RosterQuery, into buffer: inout ScreenBuffer,
        rect: Rect, theme: Theme, words: Words
    ) {
        let order = words.roster(query.order.descending ? "by.reversed" : "by", RosterLabels.columnTitle(query.order.column, words))
        let right = "\(order)  \(s.table.positionText)"
        let rightWidth = right.displayWidth
        buffer.put(right, at: Point(x: rect.maxX - 1 - rightWidth, y: rect.y), role: .dim, maxWidth: rightWidth)
        var left = StyledText()
        if let line = s.quotaLine {
            let role: StyleRole = line.standing == .over ? .warning : line.standing == .full ? .success : .accent
            left.append(quota(line, check: theme.ascii ? "OK" : "✓", words), role: role)
            let pending = NominationsView.pending(line, words)
            if !pending.isEmpty { left.append(" · " + pending, role: .dim) }
            left.append("  ")
        }
        let filter = RosterLabels.describe(query.filter, agencies: context.agencies, words)
        if !filter.isEmpty {
            left.append(words.roster("filtered", filter), role: .warning)
        } else if s.quotaLine == nil {
            // Nothing to say about a group: say what "completed" means here.
            let facts = context.facts
            let key = facts.rule.requireCore && facts.coreCount > 0 ? "completion.core" : "completion"
            left.append(words.roster(key, words.language.percent(facts.rule.minimumShare), facts.sessionCount), role: .dim)
        }
        let room = max(0, rect.width - rightWidth - 4)
        buffer.put(
            left.truncated(toWidth: room, ellipsis: theme.glyphs.ellipsis), at: Point(x: rect.x + 1, y: rect.y),
            role: .dim, maxWidth: room)
    }

    /// "Guatemala 4/5", "Guatemala 5/5 ✓" when full, "Guatemala 6/5 over".
    static func quota(_ line: QuotaLine, check: String, _ words: Words) -> String {
        "\(line.label(in: words.language)) " + NominationsView.places(line, check: check, over: words.roster("quota.over"))
    }

    static func renderList(
        _ s: RosterState, context: RosterContext, query: RosterQuery, into buffer: inout ScreenBuffer,
        rect: Rect, theme: Theme, words: Words
    ) {
        let columns = columns(width: rect.width, order: query.order, glyphs: theme.glyphs, words: words)
        let empty = words.roster(context.everyone == 0 ? "empty" : "empty.filtered")
        let facts = context.facts
        TableView(
            columns: columns.map(\.1), state: s.table, emptyMessage: empty,
            row: { i in
                guard let item = s.item(at: i) else { return TableRow([theme.glyphs.ellipsis], role: .dim) }
                let cells = columns.map { column, _ in
                    cell(
                        column, item, facts: facts, wide: rect.width >= wideFrom, glyphs: theme.glyphs, words: words)
                }
                let roles = columns.map { column, _ in column == .sorted(.status) ? statusRole(item.enrolment.status) : nil }
                return TableRow(cells, role: item.enrolment.status.isExpected ? nil : .dim, cellRoles: roles)
            }
        ).render(into: &buffer, rect: rect, theme: theme)
    }

    static func cell(
        _ column: Column, _ item: RosterListEntry, facts: RosterCourseFacts, wide: Bool, glyphs: Glyphs, words: Words
    ) -> String {
        let p = item.person
        guard case .sorted(let column) = column else { return p.position }
        switch column {
        case .code: return p.code
        case .name: return p.listedName(words)
        case .sex: return p.sex.letter
        case .country: return p.country
        case .agency: return item.agency?.shortName ?? ""
        case .role: return words.term(item.enrolment.role)
        case .status: return status(item, wide: wide, glyphs: glyphs, words: words)
        case .attendance: return attendance(item, facts: facts, glyphs: glyphs, short: !wide)
        }
    }

    /// The status, and who replaced whom: "substituted → MX-006" and "nominated for GT-001"
    /// (narrow: "→ MX-006", "for GT-001"), which the status word alone cannot say.
    static func status(_ item: RosterListEntry, wide: Bool, glyphs: Glyphs, words: Words) -> String {
        let status = words.term(item.enrolment.status)
        func say(_ key: String, _ code: String) -> String {
            let text = wide ? words.roster(key, status, code) : words.roster(key + ".short", code)
            // The ASCII glyphs spell arrows as words ("Right"); here an arrow reads as "->".
            guard glyphs.arrowRight.count != 1 else { return text }
            return text.replacingOccurrences(of: "→", with: "->").replacingOccurrences(of: "←", with: "<-")
        }
        if item.enrolment.status == .substituted, let by = item.substitutedByCode { return say("status.substitutedBy", by) }
        if let them = item.substituteForCode { return say("status.for", them) }
        return status
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

extension Words {
    /// A text of the roster or the matrix: `key` in `Roster.strings`, its blanks filled.
    func roster(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Roster", arguments) }
}
