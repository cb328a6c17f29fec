import CourseKit
import Foundation
import TerminalUI

enum CourseListView {
    /// The retention column only once some course has a retention period: a library without
    /// any keeps its columns as wide as before. The attendance rate comes last, and only where
    /// it fits beside the others at their narrowest, as a bar with its percentage or, with less
    /// room, the percentage alone; on the narrowest terminals the columns stay as they were.
    ///
    /// Titled in `words`' language. A column whose title or values are wider in that language
    /// (Spanish "100 %" beside a bar) widens to fit them; English keeps its widths.
    /// `retentionWidth` is the widest retention cell shown.
    static func columns(retention: Bool, width: Int, words: Words, retentionWidth: Int = 0) -> [TableColumn] {
        func fixed(_ key: String, _ english: Int, values: Int = 0, alignment: HorizontalAlignment = .left) -> TableColumn {
            let title = words.courseList(key)
            return TableColumn(title, width: .fixed(max(english, DisplayWidth.of(title), values)), alignment: alignment)
        }
        func base(course: Int) -> [TableColumn] {
            [
                TableColumn(words.courseList("column.code"), width: .flexible(min: 14, weight: 2)),
                TableColumn(words.courseList("column.course"), width: .flexible(min: course, weight: 2)),
                fixed("column.dates", 18),
            ]
                // Before the session and head count so it stays on screen at the minimum width,
                // where the columns on the right are the ones dropped.
                + (retention ? [fixed("column.retain", 6, values: retentionWidth)] : [])
                + [fixed("column.next", 12), fixed("column.enrolled", 8, alignment: .right)]
        }
        let narrow = base(course: 12)
        // What is left with every column at its narrowest and a gap before the rate's column.
        let spare = width - narrow.reduce(0) { $0 + $1.width.minimum } - narrow.count
        // The rate never costs a title its last characters: beside it the title keeps 14
        // columns, so a short title such as "Palau MMC 2024" stays whole at 80.
        let titleRoom = 2
        let percent = rateWidth(words)
        // The percentage, a gap and a bar of at least three cells.
        let attended = fixed("column.attended", 9, values: percent + 4, alignment: .right)
        let rate = fixed("column.rate", 4, values: percent, alignment: .right)
        if spare >= attended.width.minimum + titleRoom { return base(course: 14) + [attended] }
        if spare >= rate.width.minimum + titleRoom { return base(course: 14) + [rate] }
        return narrow
    }

    static func render(_ state: CourseListState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        let retention = state.courses.contains { $0.course.retention != nil }
        let retentionWidth = state.courses.map { DisplayWidth.of(Self.retention($0, words)) }.max() ?? 0
        let area = state.tableArea(body: body)
        let language = words.language
        let table = TableView(
            columns: columns(retention: retention, width: area.width, words: words, retentionWidth: retentionWidth),
            state: state.table,
            emptyMessage: words.courseList(state.loaded ? "courses.empty" : "courses.loading"),
            row: { i in
                let s = state.courses[i]
                return TableRow(
                    [s.course.code, s.course.label, Format.dateRange(s.course.startDate, s.course.endDate, language)]
                        + (retention ? [Self.retention(s, words)] : [])
                        + [
                            s.nextSession.map { Format.shortDateTime($0.start, in: s.course.zone, language) } ?? "—",
                            language.number(s.enrolled), state.showsRate(s) ? Self.rate(s.marks, words) : "",
                        ],
                    cellRoles: [nil, nil, nil] + (retention ? [s.pastRetention ? .warning : .dim] : []) + [
                        nil, nil, s.marks.marked == 0 ? .dim : .present,
                    ],
                    bars: [nil, nil, nil] + (retention ? [nil] : []) + [
                        nil, nil,
                        state.showsRate(s) ? Bar(s.marks.attending, of: s.marks.marked, labelWidth: rateWidth(words)) : nil,
                    ])
            })
        table.render(into: &buffer, rect: area, theme: theme)
        if state.hasPastRetention {
            buffer.putLine(
                words.courseList("retention.notice"), in: Rect(x: body.x + 1, y: body.maxY - 1, width: body.width - 2, height: 1),
                role: .warning, ellipsis: theme.glyphs.ellipsis)
        }
        let count = state.courses.isEmpty ? "" : words.courseList("courses.position", state.table.positionText)
        return HeaderLine(breadcrumbs: ["Muster", words.courseList("courses.title")], trailing: count)
    }

    /// "PAST" once the retention period is over (and someone on the course still has a name),
    /// else the period in short ("5y", "5 años"), blank without one.
    static func retention(_ s: CourseSummary, _ words: Words) -> String {
        if s.pastRetention { return words.courseList("retention.past") }
        guard let period = s.course.retention else { return "" }
        return words.counted("retention.\(period.unit.rawValue)", in: "CourseList", period.count)
    }

    /// The share of the expected people's marks that are present or late, "92%", "92 %"; "—"
    /// before any mark. Rounded as the bar is, so "0%" means none and "100%" means every one.
    static func rate(_ marks: SessionMarkTotals, _ words: Words) -> String {
        marks.marked == 0 ? "—" : words.courseList("rate", Bar.filledUnits(marks.attending, of: marks.marked, units: 100))
    }

    /// The widest rate, "100%" or "100 %": the room kept for it beside every bar.
    static func rateWidth(_ words: Words) -> Int { DisplayWidth.of(rate(SessionMarkTotals(present: 1), words)) }

    /// The table's rows: the whole body, less the notice line when it shows.
    static func tableRect(_ state: CourseListState, body: Rect) -> Rect {
        state.hasPastRetention ? Rect(x: body.x, y: body.y, width: body.width, height: max(0, body.height - 1)) : body
    }
}

extension Words {
    /// A text of the course list: `key` in `CourseList.strings`, its blanks filled.
    func courseList(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "CourseList", arguments) }
}
