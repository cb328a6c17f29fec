import CourseKit
import Foundation
import TerminalUI

/// The import dialog: nearly the whole screen, because the preview is a list one reads before
/// deciding. The path and format on top, then the counts, the lines and what Enter will do.
enum ImportView {
    /// Rows above the list inside the frame: path, format, counts, totals, a blank line.
    static let chromeRows = 5

    static func frame(_ size: Size) -> Rect {
        let width = min(100, max(0, size.width))
        return Rect(x: (size.width - width) / 2, y: 1, width: width, height: max(0, size.height - 2))
    }

    /// The preview list: between the counts and the line saying what Enter does.
    static func list(_ frame: Rect) -> Rect {
        Rect(
            x: frame.x + 2, y: frame.y + 1 + chromeRows, width: max(0, frame.width - 4),
            height: max(0, frame.height - 2 - chromeRows - 2))
    }

    /// What a page of the preview moves by.
    static func listHeight(_ size: Size) -> Int { max(1, list(frame(size)).height) }

    static let about =
        "Moodle, Indico, Eventbrite, Google Forms, pretix, Zoom and Teams exports and Muster's own "
        + "attendance export are recognised; any other file with a header is read by its column names. "
        + "CSV or TSV, in UTF-8, UTF-16 or Windows-1252. People already in the library are matched by code or e-mail, or by name on the course's roster; a different e-mail is a different person. "
        + "Enter shows what the import would do; nothing is written until you have seen it and press Enter again."

    static func render(_ s: ImportRosterState, into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(buffer.size)
        guard frame.width >= 10, frame.height >= 8 else { return }
        let width = frame.width - 4, x = frame.x + 2
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs, title: "Import a roster into \(s.courseLabel)")
        func line(_ row: Int, _ text: String, role: StyleRole = .dialog) {
            buffer.putLine(
                text, in: Rect(x: x, y: frame.y + 1 + row, width: width, height: 1), role: role,
                ellipsis: theme.glyphs.ellipsis)
        }
        let fieldRect = Rect(x: x + 8, y: frame.y + 1, width: max(0, width - 8), height: 1)
        buffer.put("File", at: Point(x: x, y: fieldRect.y), role: .dialog, maxWidth: 8)
        buffer.put("Format", at: Point(x: x, y: fieldRect.y + 1), role: .dialog, maxWidth: 8)
        let bottom = frame.maxY - 2
        // An error is the one thing to read: it wraps (up to three lines) rather than being cut.
        let errorLines = s.error.map { Array(WordWrap.lines($0, width: width).prefix(3)) } ?? []

        switch s.phase {
        case .entering, .previewing:
            s.field.render(into: &buffer, rect: fieldRect, theme: theme)
            let format = s.format == .auto ? "automatic (from the header)" : s.format.label
            buffer.putLine(
                format + " · Tab changes", in: Rect(x: x + 8, y: fieldRect.y + 1, width: width - 8, height: 1),
                role: .dialog, ellipsis: theme.glyphs.ellipsis)
            let aboutRows = max(0, bottom - fieldRect.y - 3 - errorLines.count)
            for (i, text) in WordWrap.lines(about, width: width).prefix(aboutRows).enumerated() {
                line(3 + i, text, role: .dim)
            }
            if case .previewing = s.phase {
                buffer.putLine(
                    "Reading \(s.path)…", in: Rect(x: x, y: bottom, width: width, height: 1), role: .dialog,
                    ellipsis: theme.glyphs.ellipsis)
            }
        case .preview(let p), .importing(let p):
            let r = p.report
            buffer.putLine(r.file, in: fieldRect, role: .dialog, ellipsis: theme.glyphs.ellipsis)
            buffer.putLine(
                "\(r.format.label) (\(r.dialect)), \(r.rows) row\(r.rows == 1 ? "" : "s")",
                in: Rect(x: x + 8, y: fieldRect.y + 1, width: width - 8, height: 1), role: .dialog,
                ellipsis: theme.glyphs.ellipsis)
            counts(r, into: &buffer, at: Point(x: x, y: fieldRect.y + 2), width: width)
            line(
                3,
                "enrolments \(r.enrolmentsAdded) new, \(r.enrolmentsChanged) changed · attendance \(r.eventsAdded) new, "
                    + "\(r.eventsAlreadyRecorded) already recorded", role: .dim)
            let rect = list(frame)
            if p.lines.isEmpty {
                buffer.putLine("The file has no rows to import", in: rect.top(1), role: .dim, ellipsis: theme.glyphs.ellipsis)
            } else {
                let columns = [TableColumn("", width: .fixed(8)), TableColumn("", width: .flexible(min: 10))]
                TableView(
                    columns: columns, state: s.table, showsHeader: false,
                    row: { i in
                        let l = p.lines[i]
                        return TableRow([l.kind.rawValue, l.text], role: .dialog, cellRoles: [role(l.kind), nil])
                    }
                ).render(into: &buffer, rect: rect, theme: theme)
                let position = s.table.positionText
                buffer.put(
                    position, at: Point(x: frame.maxX - 2 - position.displayWidth, y: rect.y - 1), role: .dim,
                    maxWidth: position.displayWidth)
            }
            if case .importing = s.phase {
                buffer.putLine(
                    "Importing…", in: Rect(x: x, y: bottom, width: width, height: 1), role: .dialog,
                    ellipsis: theme.glyphs.ellipsis)
            } else if s.error == nil {
                let full = p.enterMeaning + " · Esc writes nothing"
                buffer.putLine(
                    full.displayWidth <= width ? full : p.enterMeaning, in: Rect(x: x, y: bottom, width: width, height: 1),
                    role: r.rejected.isEmpty ? .accent : .warning, ellipsis: theme.glyphs.ellipsis)
            }
        }
        for (i, text) in errorLines.enumerated() {
            buffer.putLine(
                text, in: Rect(x: x, y: bottom - errorLines.count + 1 + i, width: width, height: 1), role: .error,
                ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// "new 8 · matched 3 · updated 1 · rejected 1 · skipped 0", each number in its kind's role;
    /// rows, like the command line's summary, so with "again in the file" and "possible
    /// duplicates" (when there are any) and skipped they add up to the rows read.
    static func counts(_ r: RosterImportReport, into buffer: inout ScreenBuffer, at point: Point, width: Int) {
        let similar = r.possibleDuplicates.count
        let matchedRows: Int = r.matchedRows.values.reduce(0, +)
        var parts: [(String, Int, StyleRole)] = [("new", r.newPeople.count - similar, .success), ("matched", matchedRows, .dialog)]
        if r.repeatedRows > 0 { parts.append(("again in the file", r.repeatedRows, .dialog)) }
        if similar > 0 { parts.append(("possible duplicates", similar, .warning)) }
        parts += [("updated", r.updated, .accent), ("rejected", r.rejected.count, .error), ("skipped", r.skipped.count, .dim)]
        var x = point.x
        for (i, (label, n, role)) in parts.enumerated() {
            let text = (i == 0 ? "" : " · ") + "\(label) \(n)"
            let w = min(text.displayWidth, point.x + width - x)
            guard w > 0 else { return }
            buffer.put(text, at: Point(x: x, y: point.y), role: n == 0 ? .dialog : role, maxWidth: w)
            x += w
        }
    }

    static func role(_ kind: ImportPreview.Line.Kind) -> StyleRole {
        switch kind {
        case .new: .success
        case .matched, .session: .dialog
        case .rejected: .error
        case .warning, .similar: .warning
        case .note, .skipped: .dim
        }
    }

    static let hintsEntering = [
        FooterHint(keys: "Enter", label: "preview"), FooterHint(keys: "Tab", label: "format"),
        FooterHint(keys: "Esc", label: "cancel"),
    ]
    static let hintsPreview = [
        FooterHint(keys: "Enter", label: "import"), FooterHint(keys: "j/k", label: "scroll"),
        FooterHint(keys: "Bksp", label: "path"), FooterHint(keys: "Esc", label: "cancel"),
    ]
}
