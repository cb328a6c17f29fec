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

    static func render(_ e: SheetEntryState, rollCall: RollCallState?, into buffer: inout ScreenBuffer, theme: Theme, words: Words) {
        let frame = frame(buffer.size)
        guard frame.height >= 5, frame.width >= 20 else { return }
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs, title: words.sheetEntry("title"))
        let x = frame.x + 2, width = frame.width - 4
        let fieldY = frame.maxY - 3
        let zone = rollCall?.sessionZone ?? TimeZone(identifier: "UTC")!

        // The log fills the rows above the field; the oldest scroll away.
        let logRows = fieldY - frame.y - 1
        let shown = e.log.suffix(logRows)
        if e.sheetID == nil {
            buffer.putLine(
                words.sheetEntry("sheet.ask", e.currentSheetID),
                in: Rect(x: x, y: frame.y + 1, width: width, height: 1), role: .dim, ellipsis: theme.glyphs.ellipsis)
        } else if let notice = e.staleSheetNotice(words) {
            buffer.putLine(
                notice, in: Rect(x: x, y: frame.y + 1, width: width, height: 1), role: .warning, ellipsis: theme.glyphs.ellipsis)
        } else if shown.isEmpty {
            buffer.putLine(
                words.sheetEntry("start"),
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
            let (cell, role) = line.status.map { markCell($0, theme: theme, words: words) } ?? ("↶", StyleRole.warning)
            let text = (theme.ascii && line.status == nil ? "<" : cell) + "  " + line.text
            buffer.put(
                text.truncated(toWidth: markWidth, ellipsis: theme.glyphs.ellipsis), at: Point(x: markX, y: y),
                role: role, maxWidth: markWidth)
        }

        buffer.put(">", at: Point(x: x, y: fieldY), role: .dialog, maxWidth: 1)
        // The placeholder is the view's: it says what to type in the run's language.
        var field = e.field
        field.placeholder = words.sheetEntry(e.sheetID == nil ? "placeholder.sheet" : "placeholder.mark")
        field.render(into: &buffer, rect: Rect(x: x + 2, y: fieldY, width: width - 2, height: 1), theme: theme)
        let (hint, role) = preview(e, rollCall: rollCall, zone: zone, words: words)
        buffer.putLine(hint, in: Rect(x: x, y: fieldY + 1, width: width, height: 1), role: role, ellipsis: theme.glyphs.ellipsis)
    }

    /// The line under the field: whom Enter will mark and how, or what is wrong with the line.
    static func preview(_ e: SheetEntryState, rollCall: RollCallState?, zone: TimeZone, words: Words) -> (String, StyleRole) {
        if let problem = e.problem { return (problem, .error) }
        guard let rollCall else { return ("", .dim) }
        if e.sheetID == nil {
            return (words.sheetEntry("preview.sheet", e.field.text.isEmpty ? e.currentSheetID : e.field.text.uppercased()), .accent)
        }
        switch SheetEntryState.understand(
            e.field.text, sheet: e.rows, numbersAllowed: e.numbersAllowed, session: rollCall.data?.session, zone: zone)
        {
        case .success(let mark):
            let what = markText(mark, zone: zone, words: words)
            if let walkIn = mark.walkIn {
                let place = walkIn.country.isEmpty ? "" : ", \(walkIn.country)"
                return (words.sheetEntry("preview.walkIn", "\(walkIn.given) \(walkIn.family.uppercased())\(place)", what), .accent)
            }
            guard let p = mark.entry?.person else { return ("", .dim) }
            let who = mark.row.map { "\($0) \(p.displayName) (\(p.code))" } ?? "\(p.code) \(p.displayName)"
            guard let now = e.marks[p.id ?? 0] else { return (words.sheetEntry("preview.mark", who, what), .accent) }
            return (words.sheetEntry("preview.mark.now", who, what, now.status.name(words)), .accent)
        case .failure(.empty):
            return (words.sheetEntry("preview.empty", SheetLine.lettersHelp(words, separator: " · ")), .dim)
        case .failure(.undo):
            return (rollCall.undoStack.isEmpty ? words.rollCall("undo.nothing") : words.sheetEntry("preview.undo"), .accent)
        case .failure(.refused(let why)):
            // While the code is still being typed, say so calmly; it is an error only on Enter.
            return (why.text(words), .dim)
        }
    }

    /// The mark Enter would record, in the roll call's words: "late at 09:20 — bus".
    static func markText(_ mark: SheetMark, zone: TimeZone, words: Words) -> String {
        var text = mark.status.name(words)
        if let arrival = mark.arrival {
            text = words.sheetEntry("what.at", text, LocalTime.clock(arrival, in: zone))
        } else if mark.status == .late {
            text = words.sheetEntry("what.addTime", text)
        }
        return mark.note.isEmpty ? text : words.sheetEntry("what.note", text, mark.note)
    }

    /// The same letter and symbol as the roll call's mark column, its letter the roll call's
    /// in the run's language (P A R J in Spanish).
    static func markCell(_ status: AttendanceStatus, theme: Theme, words: Words) -> (String, StyleRole) {
        let letter = words.rollCall("mark.\(status.rawValue)")
        return switch status {
        case .present: ("\(letter) \(theme.glyphs.markPresent)", .present)
        case .absent: ("\(letter) \(theme.glyphs.markAbsent)", .absent)
        case .late: ("\(letter)  ", .late)
        case .excused: ("\(letter)  ", .excused)
        case .cleared: ("·  ", .dim)
        }
    }

    /// The footer: what the panel's keys do. "row+letter" is what to type, so it is said too.
    static func hints(_ words: Words) -> [FooterHint] {
        [
            FooterHint(keys: words.sheetEntry("footer.rowLetter"), label: words.sheetEntry("footer.mark")),
            FooterHint(keys: "Enter", label: words.app("footer.record")),
            FooterHint(keys: "u Enter", label: words.sheetEntry("footer.undo")),
            FooterHint(keys: "Esc", label: words.sheetEntry("footer.done")),
        ]
    }
}
