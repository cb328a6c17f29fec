import CourseKit
import Foundation
import TerminalUI

enum OverviewView {
    /// The columns titled in `words`' language. The bar's column is never narrower than its
    /// title ("PRESENTES"): the session's title, cut already on a narrow terminal, gives it the
    /// room, so the columns still fit 60. The other titles fit the English widths.
    static func columns(_ words: Words) -> [TableColumn] {
        let present = words.overview("column.present")
        let extra = min(2, max(0, DisplayWidth.of(present) - 7))
        return [
            TableColumn(words.overview("column.day"), width: .fixed(16)),
            TableColumn(words.overview("column.time"), width: .fixed(12)),
            TableColumn(words.overview("column.session"), width: .flexible(min: 8 - extra, weight: 4)),
            TableColumn(words.overview("column.marked"), width: .fixed(7), alignment: .right),
            // The count, and a bar of the marks out of the expected: the sessions read as a bar
            // chart, which gives way to the count alone on a narrow terminal.
            TableColumn(present, width: .flexible(min: 7 + extra, weight: 2), alignment: .right),
            // Last, so a narrow terminal drops it before the counts.
            TableColumn(words.overview("column.kind"), width: .flexible(min: 4, weight: 1)),
        ]
    }

    static func render(_ state: OverviewState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        guard let data = state.data else {
            buffer.put(words.overview("overview.loading"), at: Point(x: body.x + 1, y: body.y + 1), role: .dim, maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: ["Muster", state.courseCode])
        }
        let zone = data.course.zone
        let language = words.language
        buffer.put(
            info(data, width: body.width - 2, words: words), at: Point(x: body.x + 1, y: body.y), role: .dim, maxWidth: body.width - 2)
        // Room for the largest count beside every bar, so the bars share one scale.
        let labelWidth = language.number(data.expected).count
        let table = TableView(
            columns: columns(words), state: state.table, emptyMessage: words.overview("overview.empty"),
            row: { i in
                let s = data.sessions[i]
                let day = CourseDays.number(of: s, among: data.sessions, zone: zone)
                let firstOfDay = i == 0 || LocalTime.day(data.sessions[i - 1].start, in: zone) != LocalTime.day(s.start, in: zone)
                let counts = data.counts[s.id ?? 0] ?? SessionMarkTotals()
                let sessionZone = s.timeZone.flatMap(TimeZone.init(identifier:)) ?? zone
                return TableRow(
                    [
                        firstOfDay ? words.overview("day", day, Format.day(s.start, in: zone, language)) : "",
                        DateText.sessionSpanShort(s.start, s.end, in: sessionZone, language),
                        s.title + (s.core ? (theme.ascii ? " *" : " ★") : ""),
                        "\(language.number(counts.marked))/\(language.number(data.expected))", language.number(counts.attending),
                        s.kind.name(words),
                    ], role: s.id == data.currentSessionID ? .accent : nil,
                    cellRoles: [nil, nil, nil, nil, counts.attending > 0 ? .present : nil],
                    bars: [nil, nil, nil, nil, Self.bar(counts, of: data.expected, labelWidth: labelWidth)])
            })
        table.render(into: &buffer, rect: state.tableArea(body: body), theme: theme)
        return HeaderLine(
            breadcrumbs: [data.course.label, words.overview("overview.title")],
            trailing: words.counted("overview.count", in: "Overview", data.sessions.count))
    }

    /// The line above the sessions: title, dates, venue and the people expected; then
    /// programme, organiser and funder where the line has room for each whole: on a wide
    /// terminal the coordinator sees them, on 80 columns the dates and venue keep the space.
    static func info(_ data: OverviewData, width: Int, words: Words) -> String {
        let c = data.course
        var info = [
            c.title, Format.dateRange(c.startDate, c.endDate, words.language), c.venue,
            words.counted("info.expected", in: "Overview", data.expected),
        ].filter { !$0.isEmpty }.joined(separator: " · ")
        let organiser = c.organiser.isEmpty ? "" : words.overview("info.organiser", c.organiser)
        let funder = c.funder.isEmpty ? "" : words.overview("info.funder", c.funder)
        for extra in [c.programme, organiser, funder] where !extra.isEmpty && DisplayWidth.of(info + " · " + extra) <= width {
            info += " · " + extra
        }
        return info
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

extension Words {
    /// A text of the course overview: `key` in `Overview.strings`, its blanks filled.
    func overview(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "Overview", arguments) }
}
