import CourseKit
import Foundation
import TerminalUI

/// The code-entry panel: across the bottom of the roll call, so the header's counts above stay
/// in sight. The log of what was entered, newest at the bottom next to the field, then the
/// field, then who the line will mark (or why it cannot) before Enter is pressed.
enum SheetEntryView {
    static func frame(_ size: Size) -> Rect {
        // Half the body at most, so the roll call's first rows stay visible above it.
        let height = min(12, max(5, (size.height - 2) / 2))
        return Rect(x: 0, y: size.height - 1 - height, width: size.width, height: height)
    }

    static func render(_ e: SheetEntryState, rollCall: RollCallState?, into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(buffer.size)
        guard frame.height >= 5, frame.width >= 20 else { return }
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs, title: "Marks from the sign-in sheet")
        let x = frame.x + 2, width = frame.width - 4
        let fieldY = frame.maxY - 3
        let zone = rollCall?.sessionZone ?? TimeZone(identifier: "UTC")!

        // The log fills the rows above the field; the oldest scroll away.
        let logRows = fieldY - frame.y - 1
        let shown = e.log.suffix(logRows)
        if e.sheetID == nil {
            buffer.putLine(
                "Sheet id as printed (today's: Sheet \(e.currentSheetID)) — Enter keeps it",
                in: Rect(x: x, y: frame.y + 1, width: width, height: 1), role: .dim, ellipsis: theme.glyphs.ellipsis)
        } else if let notice = e.staleSheetNotice {
            buffer.putLine(
                notice, in: Rect(x: x, y: frame.y + 1, width: width, height: 1), role: .warning, ellipsis: theme.glyphs.ellipsis)
        } else if shown.isEmpty {
            buffer.putLine(
                "A row number from the sheet (or a code), a mark letter, Enter. Late: 19 l 09:20",
                in: Rect(x: x, y: frame.y + 1, width: width, height: 1), role: .dim, ellipsis: theme.glyphs.ellipsis)
        }
        let codeWidth = min(10, max(6, (shown.map(\.code.displayWidth).max() ?? 6) + 1))
        let nameWidth = max(8, min(30, width / 3))
        for (row, line) in shown.enumerated() {
            let y = frame.y + 1 + (logRows - shown.count) + row
            buffer.put(line.code, at: Point(x: x, y: y), role: .dialog, maxWidth: codeWidth)
            buffer.put(
                line.name.truncated(toWidth: nameWidth - 1, ellipsis: theme.glyphs.ellipsis),
                at: Point(x: x + codeWidth, y: y), role: .dialog, maxWidth: nameWidth)
            let markX = x + codeWidth + nameWidth
            let markWidth = max(0, width - codeWidth - nameWidth)
            let (cell, role) = line.status.map { markCell($0, theme: theme) } ?? ("↶", StyleRole.warning)
            let text = (theme.ascii && line.status == nil ? "<" : cell) + "  " + line.text
            buffer.put(
                text.truncated(toWidth: markWidth, ellipsis: theme.glyphs.ellipsis), at: Point(x: markX, y: y),
                role: role, maxWidth: markWidth)
        }

        buffer.put(">", at: Point(x: x, y: fieldY), role: .dialog, maxWidth: 1)
        e.field.render(into: &buffer, rect: Rect(x: x + 2, y: fieldY, width: width - 2, height: 1), theme: theme)
        let (hint, role) = preview(e, rollCall: rollCall, zone: zone)
        buffer.putLine(hint, in: Rect(x: x, y: fieldY + 1, width: width, height: 1), role: role, ellipsis: theme.glyphs.ellipsis)
    }

    /// The line under the field: whom Enter will mark and how, or what is wrong with the line.
    static func preview(_ e: SheetEntryState, rollCall: RollCallState?, zone: TimeZone) -> (String, StyleRole) {
        if let problem = e.problem { return (problem, .error) }
        guard let rollCall else { return ("", .dim) }
        if e.sheetID == nil { return ("Enter: sheet \(e.field.text.isEmpty ? e.currentSheetID : e.field.text.uppercased())", .accent) }
        switch SheetEntryState.understand(
            e.field.text, sheet: e.rows, numbersAllowed: e.numbersAllowed, session: rollCall.data?.session, zone: zone)
        {
        case .success(let mark):
            let arrival =
                mark.arrival.map { " at \(LocalTime.clock($0, in: zone))" }
                ?? (mark.status == .late ? " (add the time: l 09:20)" : "")
            let what = "\(mark.status.rawValue)\(arrival)" + (mark.note.isEmpty ? "" : " — \(mark.note)")
            if let walkIn = mark.walkIn {
                let place = walkIn.country.isEmpty ? "" : ", \(walkIn.country)"
                return ("New walk-in \(walkIn.given) \(walkIn.family.uppercased())\(place) — \(what)? Enter to keep", .accent)
            }
            guard let p = mark.entry?.person else { return ("", .dim) }
            let now = rollCall.mark(of: p.id ?? 0).map { " (now \($0.status.rawValue))" } ?? ""
            let who = mark.row.map { "\($0) \(p.displayName) (\(p.code))" } ?? "\(p.code) \(p.displayName)"
            return ("\(who) — \(what)?\(now) Enter to keep", .accent)
        case .failure(.empty): return ("p present · x absent · l late · e excused · u undoes the last · Esc leaves", .dim)
        case .failure(.undo):
            return (rollCall.undoStack.isEmpty ? "Nothing to undo in this roll call" : "Enter: undo the last mark", .accent)
        case .failure(.message(let why)):
            // While the code is still being typed, say so calmly; it is an error only on Enter.
            return (why, .dim)
        }
    }

    /// The same letter and symbol as the roll call's mark column.
    static func markCell(_ status: AttendanceStatus, theme: Theme) -> (String, StyleRole) {
        switch status {
        case .present: ("P \(theme.glyphs.markPresent)", .present)
        case .absent: ("A \(theme.glyphs.markAbsent)", .absent)
        case .late: ("L  ", .late)
        case .excused: ("E  ", .excused)
        case .cleared: ("·  ", .dim)
        }
    }

    static let hints = [
        FooterHint(keys: "row+letter", label: "mark"), FooterHint(keys: "Enter", label: "record"),
        FooterHint(keys: "u Enter", label: "undo"), FooterHint(keys: "Esc", label: "done"),
    ]
}
