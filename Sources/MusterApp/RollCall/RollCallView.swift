import CourseKit
import Foundation
import TerminalUI

enum RollCallView {
    static let columns = [
        TableColumn("CODE", width: .fixed(8)),
        TableColumn("NAME", width: .flexible(min: 14)),
        TableColumn("AGENCY", width: .flexible(min: 6)),
        TableColumn("COUNTRY", width: .fixed(7)),
        TableColumn("MARK", width: .fixed(13)),
    ]

    static func render(_ state: RollCallState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme) -> HeaderLine {
        guard let data = state.data else {
            buffer.put("Loading…", at: Point(x: body.x + 1, y: body.y + 1), role: .dim, maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: ["Muster", state.courseCode, "Roll call"])
        }
        let zone = data.session.timeZone.flatMap(TimeZone.init(identifier:)) ?? data.course.zone
        // The position and the filter sit on the right and are never cut; the session's title yields.
        let right = (state.filter == .all ? "" : "filter: \(state.filter.rawValue) (Esc clears)  ") + state.table.positionText
        let rightWidth = right.displayWidth
        buffer.put(
            right, at: Point(x: body.maxX - 1 - rightWidth, y: body.y), role: state.filter == .all ? .dim : .warning,
            maxWidth: rightWidth)
        var info =
            "Day \(data.dayNumber) · \(Format.day(data.session.start, in: zone)) · "
            + "\(DateText.sessionSpan(data.session.start, data.session.end, in: zone)) · \(data.session.title)"
        // A check-in after an absent counts as late until the facilitator confirms: say why on the selected row.
        let flagged = state.selectedPerson.flatMap { data.marks[$0.person.id ?? 0] }.flatMap { $0.kioskAfterAbsent ? $0 : nil }
        if let flagged {
            info = reviewLine(flagged, zone: zone)
        } else if let mark = state.selectedPerson.flatMap({ data.marks[$0.person.id ?? 0] }),
            let origin = RollCallOrigin.detail(mark, localDevice: data.localDevice, zone: zone)
        {
            info = origin
        }
        buffer.put(
            info.truncated(toWidth: max(0, body.width - rightWidth - 4), ellipsis: theme.glyphs.ellipsis),
            at: Point(x: body.x + 1, y: body.y), role: flagged == nil ? .dim : .warning, maxWidth: max(0, body.width - rightWidth - 4))

        let empty =
            data.people.isEmpty
            ? "Nobody is expected in this session — check the roster's nomination statuses"
            : "Nobody here is \(state.filter.rawValue) — press Esc to show everyone"
        // The FROM column only while some mark came from another device, so a roll call taken on
        // one laptop keeps its columns as wide as before.
        let fromElsewhere = data.marks.values.contains { RollCallOrigin.isElsewhere($0, localDevice: data.localDevice) }
        let table = TableView(
            columns: fromElsewhere ? columns + [RollCallOrigin.column] : columns, state: state.table, emptyMessage: empty,
            row: { i in
                let entry = data.people[state.visible[i]]
                let p = entry.person
                let mark = data.marks[p.id ?? 0]
                let (text, role) = markCell(mark, zone: zone, glyphs: theme.glyphs)
                let from = fromElsewhere ? [mark.flatMap { RollCallOrigin.cell($0, localDevice: data.localDevice) } ?? ""] : []
                return TableRow(
                    [p.code, p.sortName, entry.agency?.shortName ?? "", p.country, text] + from,
                    cellRoles: [nil, nil, nil, nil, role] + (fromElsewhere ? [.dim] : []))
            })
        table.render(into: &buffer, rect: state.tableArea(body: body), theme: theme)

        let day = "Day \(data.dayNumber) \(LocalTime.clock(data.session.start, in: zone)) \(data.session.title)"
        return HeaderLine(breadcrumbs: [data.course.label, day, "Roll call"], trailing: state.countsText)
    }

    /// A mark is a letter and a symbol as well as a colour, so it reads in monochrome too.
    /// Present or late with times shows the stay: "L 09:25", "P –11:30", "L 09:25–11:30".
    static func markCell(_ mark: AttendanceEvent?, zone: TimeZone, glyphs: Glyphs) -> (String, StyleRole?) {
        guard let mark else { return ("·", .dim) }
        let stay = StayText.text(mark, zone: zone)
        switch mark.status {
        case .present: return (stay.isEmpty ? "P \(glyphs.markPresent)" : "P \(stay)", .present)
        case .absent: return ("A \(glyphs.markAbsent)", .absent)
        case .late where mark.kioskAfterAbsent: return ("L " + stay + " !", .warning)
        case .late: return ("L " + stay, .late)
        case .excused: return ("E", .excused)
        case .cleared: return ("·", .dim)
        }
    }

    /// The one-line explanation of a flagged mark, shown while its row is selected.
    static func reviewLine(_ mark: AttendanceEvent, zone: TimeZone) -> String {
        let time = LocalTime.clock(mark.arrival ?? mark.recordedAt, in: zone)
        return "! Checked in at the kiosk at \(time) after being marked absent — l/p/x confirms"
    }
}
