import CourseKit
import Foundation
import TerminalUI

enum OverviewView {
    static let columns = [
        TableColumn("DAY", width: .fixed(16)),
        TableColumn("TIME", width: .fixed(12)),
        TableColumn("SESSION", width: .flexible(min: 8, weight: 4)),
        TableColumn("MARKED", width: .fixed(7), alignment: .right),
        // The count, and a bar of the marks out of the expected: the sessions read as a bar
        // chart, which gives way to the count alone on a narrow terminal.
        TableColumn("PRESENT", width: .flexible(min: 7, weight: 2), alignment: .right),
        // Last, so a narrow terminal drops it before the counts.
        TableColumn("KIND", width: .flexible(min: 4, weight: 1)),
    ]

    static func render(_ state: OverviewState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        guard let data = state.data else {
            buffer.put("Loading…", at: Point(x: body.x + 1, y: body.y + 1), role: .dim, maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: ["Muster", state.courseCode])
        }
        let zone = data.course.zone
        var info = [
            data.course.title, Format.dateRange(data.course.startDate, data.course.endDate), data.course.venue,
            "\(data.expected) expected",
        ].filter { !$0.isEmpty }.joined(separator: " · ")
        // Programme, organiser and funder where the line has room for each whole: on a wide
        // terminal the coordinator sees them, on 80 columns the dates and venue keep the space.
        let c = data.course
        for extra in [c.programme, c.organiser.isEmpty ? "" : "by \(c.organiser)", c.funder.isEmpty ? "" : "funded by \(c.funder)"]
        where !extra.isEmpty && DisplayWidth.of(info + " · " + extra) <= body.width - 2 {
            info += " · " + extra
        }
        buffer.put(info, at: Point(x: body.x + 1, y: body.y), role: .dim, maxWidth: body.width - 2)
        // Room for the largest count beside every bar, so the bars share one scale.
        let labelWidth = String(data.expected).count
        let table = TableView(
            columns: columns, state: state.table,
            emptyMessage: "No sessions yet — add them to the course file and import it again",
            row: { i in
                let s = data.sessions[i]
                let day = CourseDays.number(of: s, among: data.sessions, zone: zone)
                let firstOfDay = i == 0 || LocalTime.day(data.sessions[i - 1].start, in: zone) != LocalTime.day(s.start, in: zone)
                let counts = data.counts[s.id ?? 0] ?? SessionMarkTotals()
                let sessionZone = s.timeZone.flatMap(TimeZone.init(identifier:)) ?? zone
                return TableRow(
                    [
                        firstOfDay ? "Day \(day) \(Format.day(s.start, in: zone))" : "",
                        DateText.sessionSpanShort(s.start, s.end, in: sessionZone),
                        s.title + (s.core ? (theme.ascii ? " *" : " ★") : ""),
                        "\(counts.marked)/\(data.expected)", String(counts.attending), s.kind.rawValue,
                    ], role: s.id == data.currentSessionID ? .accent : nil,
                    cellRoles: [nil, nil, nil, nil, counts.attending > 0 ? .present : nil],
                    bars: [nil, nil, nil, nil, Self.bar(counts, of: data.expected, labelWidth: labelWidth)])
            })
        table.render(into: &buffer, rect: state.tableArea(body: body), theme: theme)
        return HeaderLine(breadcrumbs: [data.course.label, "Sessions"], trailing: "\(data.sessions.count) sessions")
    }

    /// A session's marks stacked, present and late first (the count beside it), then excused
    /// and absent; what is left of the bar is the people not marked yet.
    static func bar(_ counts: SessionMarkTotals, of expected: Int, labelWidth: Int) -> Bar {
        Bar(
            parts: [
                Bar.Part(counts.present, role: .present), Bar.Part(counts.late, role: .late),
                Bar.Part(counts.excused, role: .excused), Bar.Part(counts.absent, role: .absent),
            ], of: expected, labelWidth: labelWidth)
    }

}
