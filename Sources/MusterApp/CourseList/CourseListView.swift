import CourseKit
import Foundation
import TerminalUI

enum CourseListView {
    static let columns = [
        TableColumn("CODE", width: .flexible(min: 14, weight: 2)),
        TableColumn("COURSE", width: .flexible(min: 12, weight: 2)),
        TableColumn("DATES", width: .fixed(18)),
        TableColumn("NEXT SESSION", width: .fixed(12)),
        TableColumn("ENROLLED", width: .fixed(8), alignment: .right),
    ]

    static func render(_ state: CourseListState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        let table = TableView(columns: columns, state: state.table,
                              emptyMessage: state.loaded ? "No courses yet — import one with 'muster import course FILE'" : "Loading…",
                              cells: { i in
                                  let s = state.courses[i]
                                  return [s.course.code, s.course.label, Format.dateRange(s.course.startDate, s.course.endDate),
                                          s.nextSession.map { Format.shortDateTime($0.start, in: s.course.zone) } ?? "—",
                                          String(s.enrolled)]
                              })
        table.render(into: &buffer, rect: body, theme: theme)
        let count = state.courses.isEmpty ? "" : "\(state.table.positionText) courses"
        return HeaderLine(breadcrumbs: ["Muster", "Courses"], trailing: count)
    }
}
