import CourseKit
import Foundation
import TerminalUI

enum CourseListView {
    /// The retention column only once some course has a retention period: a library without
    /// any keeps its columns as wide as before. The attendance rate comes last, and only where
    /// it fits beside the others at their narrowest, as a bar with its percentage or, with less
    /// room, the percentage alone; on the narrowest terminals the columns stay as they were.
    static func columns(retention: Bool, width: Int) -> [TableColumn] {
        func base(course: Int) -> [TableColumn] {
            [
                TableColumn("CODE", width: .flexible(min: 14, weight: 2)),
                TableColumn("COURSE", width: .flexible(min: course, weight: 2)),
                TableColumn("DATES", width: .fixed(18)),
            ]
                // Before the session and head count so it stays on screen at the minimum width,
                // where the columns on the right are the ones dropped.
                + (retention ? [TableColumn("RETAIN", width: .fixed(6))] : [])
                + [
                    TableColumn("NEXT SESSION", width: .fixed(12)),
                    TableColumn("ENROLLED", width: .fixed(8), alignment: .right),
                ]
        }
        let narrow = base(course: 12)
        // What is left with every column at its narrowest and a gap before the rate's column.
        let spare = width - narrow.reduce(0) { $0 + $1.width.minimum } - narrow.count
        // The rate never costs a title its last characters: beside it the title keeps 14
        // columns, so a short title such as "Palau MMC 2024" stays whole at 80.
        let titleRoom = 2
        if spare >= 9 + titleRoom { return base(course: 14) + [TableColumn("ATTENDED", width: .fixed(9), alignment: .right)] }
        if spare >= 4 + titleRoom { return base(course: 14) + [TableColumn("RATE", width: .fixed(4), alignment: .right)] }
        return narrow
    }

    /// What "PAST" means and what to do about it, on the last line while any course is past.
    static let retentionNotice = "PAST: retention period over — muster purge --expired"

    static func render(_ state: CourseListState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        let retention = state.courses.contains { $0.course.retention != nil }
        let area = state.tableArea(body: body)
        let table = TableView(
            columns: columns(retention: retention, width: area.width), state: state.table,
            emptyMessage: state.loaded ? "No courses yet — import one with 'muster import course FILE'" : "Loading…",
            row: { i in
                let s = state.courses[i]
                return TableRow(
                    [s.course.code, s.course.label, Format.dateRange(s.course.startDate, s.course.endDate)]
                        + (retention ? [Self.retention(s)] : [])
                        + [
                            s.nextSession.map { Format.shortDateTime($0.start, in: s.course.zone) } ?? "—",
                            String(s.enrolled), state.ratesLoaded ? Self.rate(s.marks) : "",
                        ],
                    cellRoles: [nil, nil, nil] + (retention ? [s.pastRetention ? .warning : .dim] : []) + [
                        nil, nil, s.marks.marked == 0 ? .dim : .present,
                    ],
                    bars: [nil, nil, nil] + (retention ? [nil] : []) + [
                        nil, nil, state.ratesLoaded ? Bar(s.marks.attending, of: s.marks.marked, labelWidth: 4) : nil,
                    ])
            })
        table.render(into: &buffer, rect: area, theme: theme)
        if state.hasPastRetention {
            buffer.putLine(
                retentionNotice, in: Rect(x: body.x + 1, y: body.maxY - 1, width: body.width - 2, height: 1),
                role: .warning, ellipsis: theme.glyphs.ellipsis)
        }
        let count = state.courses.isEmpty ? "" : "\(state.table.positionText) courses"
        return HeaderLine(breadcrumbs: ["Muster", "Courses"], trailing: count)
    }

    /// "PAST" once the retention period is over (and someone on the course still has a name),
    /// else the period in short ("5y"), blank without one.
    static func retention(_ s: CourseSummary) -> String {
        s.pastRetention ? "PAST" : s.course.retention?.short ?? ""
    }

    /// The share of the expected people's marks that are present or late, "92%"; "—" before
    /// any mark. Rounded as the bar is, so "0%" means none and "100%" means every one.
    static func rate(_ marks: SessionMarkTotals) -> String {
        marks.marked == 0 ? "—" : "\(Bar.filledUnits(marks.attending, of: marks.marked, units: 100))%"
    }

    /// The table's rows: the whole body, less the notice line when it shows.
    static func tableRect(_ state: CourseListState, body: Rect) -> Rect {
        state.hasPastRetention ? Rect(x: body.x, y: body.y, width: body.width, height: max(0, body.height - 1)) : body
    }
}
