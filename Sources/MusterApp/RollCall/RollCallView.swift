import CourseKit
import Foundation
import TerminalUI

enum RollCallView {
    /// The columns, titled in `words`' language; the widths are the same in every language
    /// (Spanish titles fit them, "INSTITUCIÓN" yielding like the agency names beneath it).
    static func columns(_ words: Words) -> [TableColumn] {
        [
            TableColumn(words.rollCall("column.code"), width: .fixed(8)),
            TableColumn(words.rollCall("column.name"), width: .flexible(min: 14)),
            TableColumn(words.rollCall("column.agency"), width: .flexible(min: 6)),
            TableColumn(words.rollCall("column.country"), width: .fixed(7)),
            TableColumn(words.rollCall("column.mark"), width: .fixed(13)),
        ]
    }

    static func render(_ state: RollCallState, into buffer: inout ScreenBuffer, body: Rect, theme: Theme, words: Words) -> HeaderLine {
        guard let data = state.data else {
            buffer.put(words.rollCall("rollcall.loading"), at: Point(x: body.x + 1, y: body.y + 1), role: .dim, maxWidth: body.width - 1)
            return HeaderLine(breadcrumbs: ["Muster", state.courseCode, words.rollCall("rollcall.title")])
        }
        let zone = data.session.timeZone.flatMap(TimeZone.init(identifier:)) ?? data.course.zone
        // The position and the filter sit on the right and are never cut; the session's title yields.
        let right =
            (state.filter == .all ? "" : words.rollCall("rollcall.filtered", state.filter.name(words))) + state.table.positionText
        let rightWidth = right.displayWidth
        buffer.put(
            right, at: Point(x: body.maxX - 1 - rightWidth, y: body.y), role: state.filter == .all ? .dim : .warning,
            maxWidth: rightWidth)
        let language = words.language
        var info = words.rollCall(
            "rollcall.info", data.dayNumber, language.shortDay(LocalTime.day(data.session.start, in: zone)),
            DateText.sessionSpan(data.session.start, data.session.end, in: zone, language), data.session.title)
        // A check-in after an absent counts as late until the facilitator confirms: say why on the selected row.
        let selectedMark = state.selectedPerson.flatMap { state.mark(of: $0.person.id ?? 0) }
        let flagged = selectedMark.flatMap { $0.kioskAfterAbsent ? $0 : nil }
        if let flagged {
            info = reviewLine(flagged, zone: zone, words: words)
        } else if let mark = selectedMark,
            let origin = RollCallOrigin.detail(mark, localDevice: data.localDevice, zone: zone, words: words)
        {
            info = origin
        }
        buffer.put(
            info.truncated(toWidth: max(0, body.width - rightWidth - 4), ellipsis: theme.glyphs.ellipsis),
            at: Point(x: body.x + 1, y: body.y), role: flagged == nil ? .dim : .warning, maxWidth: max(0, body.width - rightWidth - 4))

        let empty =
            data.counts.expected == 0
            ? words.rollCall("rollcall.empty") : words.rollCall("rollcall.empty.filtered", state.filter.name(words))
        // The FROM column only while some mark came from another device, so a roll call taken on
        // one laptop keeps its columns as wide as before.
        let fromElsewhere = data.fromElsewhere
        let table = TableView(
            columns: fromElsewhere ? columns(words) + [RollCallOrigin.column(words)] : columns(words), state: state.table,
            emptyMessage: empty,
            row: { i in
                // A row whose page has not arrived yet shows as "…" until it does.
                guard let entry = state.entry(at: i) else { return TableRow([theme.glyphs.ellipsis], role: .dim) }
                let p = entry.person
                let mark = state.pages[i / RollCallState.pageSize]?.marks[p.id ?? 0]
                let (text, role) = markCell(mark, zone: zone, glyphs: theme.glyphs, words: words)
                let from =
                    fromElsewhere ? [mark.flatMap { RollCallOrigin.cell($0, localDevice: data.localDevice, words: words) } ?? ""] : []
                return TableRow(
                    [p.code, p.listedName(words), entry.agency?.shortName ?? "", p.country, text] + from,
                    cellRoles: [nil, nil, nil, nil, role] + (fromElsewhere ? [.dim] : []))
            })
        table.render(into: &buffer, rect: state.tableArea(body: body), theme: theme)

        let day = words.rollCall("rollcall.header", data.dayNumber, LocalTime.clock(data.session.start, in: zone), data.session.title)
        return HeaderLine(breadcrumbs: [data.course.label, day, words.rollCall("rollcall.title")], trailing: state.countsText(words))
    }

    /// A mark is a letter and a symbol as well as a colour, so it reads in monochrome too.
    /// Present or late with times shows the stay: "L 09:25", "P –11:30", "L 09:25–11:30".
    static func markCell(_ mark: AttendanceEvent?, zone: TimeZone, glyphs: Glyphs, words: Words) -> (String, StyleRole?) {
        guard let mark else { return ("·", .dim) }
        let stay = StayText.text(mark, zone: zone)
        let letter = words.rollCall("mark.\(mark.status.rawValue)")
        switch mark.status {
        case .present: return (stay.isEmpty ? "\(letter) \(glyphs.markPresent)" : "\(letter) \(stay)", .present)
        case .absent: return ("\(letter) \(glyphs.markAbsent)", .absent)
        case .late where mark.kioskAfterAbsent: return ("\(letter) " + stay + " !", .warning)
        case .late: return ("\(letter) " + stay, .late)
        case .excused: return (letter, .excused)
        case .cleared: return ("·", .dim)
        }
    }

    /// The one-line explanation of a flagged mark, shown while its row is selected.
    static func reviewLine(_ mark: AttendanceEvent, zone: TimeZone, words: Words) -> String {
        words.rollCall("rollcall.review", LocalTime.clock(mark.arrival ?? mark.recordedAt, in: zone))
    }
}

extension Words {
    /// A roll-call text: `key` in `RollCall.strings`, its blanks filled from `arguments`.
    func rollCall(_ key: String, _ arguments: any CVarArg...) -> String { say(key, in: "RollCall", arguments) }
}

extension MarkFilter {
    /// The filter as it reads in messages and the menu ("unmarked", "sin marca").
    func name(_ words: Words) -> String { words.rollCall("filter.\(rawValue)") }

    /// The key that picks it in the filter menu.
    var key: Character {
        switch self {
        case .all: "a"
        case .unmarked: "u"
        case .present: "p"
        case .absent: "x"
        case .late: "l"
        case .excused: "e"
        }
    }
}

extension AttendanceStatus {
    /// The mark as it reads in messages ("late", "con retraso").
    func name(_ words: Words) -> String { words.rollCall("status.\(rawValue)") }
}
