import CourseKit
import Foundation
import TerminalUI

enum CourseListView {
    /// The retention column only once some course has a retention period: a library without
    /// any keeps its columns as wide as before.
    static func columns(retention: Bool) -> [TableColumn] {
        [
            TableColumn("CODE", width: .flexible(min: 14, weight: 2)),
            TableColumn("COURSE", width: .flexible(min: 12, weight: 2)),
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

    /// What "PAST" means and what to do about it, on the last line while any course is past.
    static let retentionNotice = "PAST: retention period over — muster purge --expired"

    static func render(_ state: CourseListState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        let retention = state.courses.contains { $0.course.retention != nil }
        let table = TableView(
            columns: columns(retention: retention), state: state.table,
            emptyMessage: state.loaded ? "No courses yet — import one with 'muster import course FILE'" : "Loading…",
            row: { i in
                let s = state.courses[i]
                return TableRow(
                    [s.course.code, s.course.label, Format.dateRange(s.course.startDate, s.course.endDate)]
                        + (retention ? [Self.retention(s)] : [])
                        + [
                            s.nextSession.map { Format.shortDateTime($0.start, in: s.course.zone) } ?? "—",
                            String(s.enrolled),
                        ],
                    cellRoles: [nil, nil, nil] + (retention ? [s.pastRetention ? .warning : .dim] : []))
            })
        table.render(into: &buffer, rect: state.tableArea(body: body), theme: theme)
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

    /// The table's rows: the whole body, less the notice line when it shows.
    static func tableRect(_ state: CourseListState, body: Rect) -> Rect {
        state.hasPastRetention ? Rect(x: body.x, y: body.y, width: body.width, height: max(0, body.height - 1)) : body
    }
}
