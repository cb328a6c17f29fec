import CourseKit
import Foundation
import TerminalUI

/// The attendance matrix: the roster's rows × the course's sessions, a mark per cell (a letter
/// and a colour, so it reads in monochrome), each row's total and completion verdict, and a
/// last line with each session's present-or-late total. Sessions scroll sideways (h/l).
enum MatrixView {
    static let cellWidth = 6
    static let nameWidth = 18
    static let totalWidth = 9

    /// How many session columns fit beside the name and the total.
    static func visibleSessions(width: Int) -> Int {
        max(1, (width - nameWidth - totalWidth - 2) / cellWidth)
    }

    static func render(
        _ s: RosterState, context: RosterContext, into buffer: inout ScreenBuffer, rect: Rect, theme: Theme, words: Words
    ) {
        let sessions = context.sessions
        let count = min(visibleSessions(width: rect.width), max(0, sessions.count - s.columnOffset))
        let shown = Array(sessions.dropFirst(s.columnOffset).prefix(count))
        let glyphs = theme.glyphs
        let more = (s.columnOffset > 0 ? glyphs.arrowLeft : " ") + (s.columnOffset + count < sessions.count ? glyphs.arrowRight : " ")
        // Names take what the sessions leave, up to 30 columns, so marks sit next to the names.
        let nameWidth = min(30, max(8, rect.width - count * cellWidth - totalWidth - 1))
        var columns = [TableColumn(words.roster("column.name") + " " + (sessions.count > count ? more : ""), width: .fixed(nameWidth))]
        columns += shown.map { TableColumn(String($0.key.prefix(cellWidth - 1)), width: .fixed(cellWidth - 1), alignment: .center) }
        columns.append(TableColumn(words.roster("column.total"), width: .fixed(totalWidth), alignment: .right))
        let facts = context.facts
        // `rect` is the roster's table area; the totals take the line below it.
        let body = rect
        let empty = words.roster(sessions.isEmpty ? "matrix.noSessions" : "empty.filtered")
        TableView(
            columns: columns, state: s.table, emptyMessage: empty,
            row: { i in
                guard let item = s.item(at: i) else { return TableRow([glyphs.ellipsis], role: .dim) }
                let marks = s.marks(of: item.person.id ?? 0), left = s.leftEarly(of: item.person.id ?? 0)
                var cells = [item.person.listedName(words)]
                var roles: [StyleRole?] = [nil]
                for session in shown {
                    let (text, role) = markCell(
                        marks[session.id ?? 0], leftEarly: left.contains(session.id ?? 0) ? (theme.ascii ? "-" : StayText.leftEarly) : "",
                        words: words)
                    cells.append(text)
                    roles.append(role)
                }
                cells.append("\(item.attended)/\(facts.sessionCount) " + (facts.completed(item) ? glyphs.markPresent : glyphs.markAbsent))
                roles.append(facts.completed(item) ? .present : nil)
                return TableRow(cells, cellRoles: roles)
            }
        ).render(into: &buffer, rect: body, theme: theme)

        // Column totals: present or late, per session, over the rows the filter admits.
        let line = Rect(x: rect.x, y: rect.maxY, width: rect.width, height: 1)
        guard line.y > rect.y else { return }
        buffer.fill(line, role: .columnHeader)
        let widths = ColumnLayout.solve(columns.map(\.width), totalWidth: rect.width)
        var x = rect.x
        for (index, width) in widths.enumerated() {
            defer { x += width + 1 }
            let text: String
            if index == 0 {
                text = words.roster("matrix.attending")
            } else if index <= shown.count {
                text = String(s.totals[shown[index - 1].id ?? 0]?.attending ?? 0)
            } else {
                text = words.roster("matrix.people", s.total)  // in the total column: short
            }
            buffer.putLine(
                text, in: Rect(x: x, y: line.y, width: width, height: 1), role: .columnHeader,
                alignment: index == 0 ? .left : index <= shown.count ? .center : .right, ellipsis: glyphs.ellipsis)
        }
    }

    /// The roll call's letters ("P" present, "L" late, "E" excused, "A" absent; Spanish "P",
    /// "R", "J", "A"), "·" no mark; the role adds the colour. Someone who left before the end is
    /// "P½" or "L½" (`StayText`; "P-" in ASCII), given as `leftEarly`.
    static func markCell(_ status: AttendanceStatus?, leftEarly left: String = "", words: Words) -> (String, StyleRole?) {
        switch status {
        case .present: (words.rollCall("mark.present") + left, .present)
        case .late: (words.rollCall("mark.late") + left, .late)
        case .excused: (words.rollCall("mark.excused"), .excused)
        case .absent: (words.rollCall("mark.absent"), .absent)
        case .cleared, nil: ("·", .dim)
        }
    }
}
