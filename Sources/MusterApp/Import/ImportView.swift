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

    static func render(_ s: ImportRosterState, into buffer: inout ScreenBuffer, theme: Theme, words: Words) {
        let frame = frame(buffer.size)
        guard frame.width >= 10, frame.height >= 8 else { return }
        let width = frame.width - 4, x = frame.x + 2
        let language = words.language
        buffer.fill(frame, role: .dialog)
        buffer.box(frame, role: .border, glyphs: theme.glyphs, title: words.importing("screen.title", s.courseLabel))
        func line(_ row: Int, _ text: String, role: StyleRole = .dialog) {
            buffer.putLine(
                text, in: Rect(x: x, y: frame.y + 1 + row, width: width, height: 1), role: role,
                ellipsis: theme.glyphs.ellipsis)
        }
        let fieldRect = Rect(x: x + 8, y: frame.y + 1, width: max(0, width - 8), height: 1)
        buffer.put(words.importing("screen.file"), at: Point(x: x, y: fieldRect.y), role: .dialog, maxWidth: 8)
        buffer.put(words.importing("screen.format"), at: Point(x: x, y: fieldRect.y + 1), role: .dialog, maxWidth: 8)
        let bottom = frame.maxY - 2
        // An error is the one thing to read: it wraps (up to three lines) rather than being cut.
        let errorLines = s.error.map { Array(WordWrap.lines($0, width: width).prefix(3)) } ?? []

        switch s.phase {
        case .entering, .previewing:
            var field = s.field
            field.placeholder = words.importing("screen.placeholder")
            field.render(into: &buffer, rect: fieldRect, theme: theme)
            let format = s.format == .auto ? words.importing("screen.auto", s.format.label(in: language)) : s.format.label(in: language)
            buffer.putLine(
                words.importing("screen.tabChanges", format), in: Rect(x: x + 8, y: fieldRect.y + 1, width: width - 8, height: 1),
                role: .dialog, ellipsis: theme.glyphs.ellipsis)
            let aboutRows = max(0, bottom - fieldRect.y - 3 - errorLines.count)
            for (i, text) in WordWrap.lines(words.importing("screen.about"), width: width).prefix(aboutRows).enumerated() {
                line(3 + i, text, role: .dim)
            }
            if case .previewing = s.phase {
                buffer.putLine(
                    words.importing("screen.reading", s.path), in: Rect(x: x, y: bottom, width: width, height: 1), role: .dialog,
                    ellipsis: theme.glyphs.ellipsis)
            }
        case .preview(let p), .importing(let p):
            let r = p.report
            buffer.putLine(r.file, in: fieldRect, role: .dialog, ellipsis: theme.glyphs.ellipsis)
            buffer.putLine(
                words.importing(
                    r.rows == 1 ? "screen.layout.one" : "screen.layout", r.format.label(in: language), r.dialect.text(in: language),
                    language.number(r.rows)),
                in: Rect(x: x + 8, y: fieldRect.y + 1, width: width - 8, height: 1), role: .dialog,
                ellipsis: theme.glyphs.ellipsis)
            counts(r, into: &buffer, at: Point(x: x, y: fieldRect.y + 2), width: width, words: words)
            line(
                3,
                words.importing(
                    "screen.enrolments", language.number(r.enrolmentsAdded), language.number(r.enrolmentsChanged),
                    language.number(r.eventsAdded), language.number(r.eventsAlreadyRecorded)), role: .dim)
            let rect = list(frame)
            if p.lines.isEmpty {
                buffer.putLine(words.importing("screen.noRows"), in: rect.top(1), role: .dim, ellipsis: theme.glyphs.ellipsis)
            } else {
                // The kind column is as wide as the widest kind in this language (8 in English), from
                // the kinds rather than the lines: a file of 100,000 rows costs nothing per frame.
                let kinds = ImportPreview.Line.Kind.allCases.map { words.importing("screen.kind.\($0.rawValue)").displayWidth }
                let columns = [TableColumn("", width: .fixed(max(8, kinds.max() ?? 8))), TableColumn("", width: .flexible(min: 10))]
                TableView(
                    columns: columns, state: s.table, showsHeader: false,
                    row: { i in
                        let l = p.lines[i]
                        return TableRow(
                            [words.importing("screen.kind.\(l.kind.rawValue)"), l.text], role: .dialog, cellRoles: [role(l.kind), nil])
                    }
                ).render(into: &buffer, rect: rect, theme: theme)
                let position = s.table.positionText
                buffer.put(
                    position, at: Point(x: frame.maxX - 2 - position.displayWidth, y: rect.y - 1), role: .dim,
                    maxWidth: position.displayWidth)
            }
            if case .importing = s.phase {
                buffer.putLine(
                    words.importing("screen.importing"), in: Rect(x: x, y: bottom, width: width, height: 1), role: .dialog,
                    ellipsis: theme.glyphs.ellipsis)
            } else if s.error == nil {
                let meaning = p.enterMeaning(words)
                let full = words.importing("screen.escWritesNothing", meaning)
                buffer.putLine(
                    full.displayWidth <= width ? full : meaning, in: Rect(x: x, y: bottom, width: width, height: 1),
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
    /// rows, like the command line's summary (and in its words, `counts.*`), so with "again in
    /// the file" and "possible duplicates" (when there are any) and skipped they add up to the
    /// rows read. When the line does not fit (Spanish at 60 columns) the zeros go first: they say
    /// the least, and a count cut off at the edge would say nothing.
    static func counts(_ r: RosterImportReport, into buffer: inout ScreenBuffer, at point: Point, width: Int, words: Words) {
        let similar = r.possibleDuplicates.count
        let matchedRows: Int = r.matchedRows.values.reduce(0, +)
        var parts: [(String, Int, StyleRole)] = [
            ("counts.new", r.newPeople.count - similar, .success), ("counts.matchedNone", matchedRows, .dialog),
        ]
        if r.repeatedRows > 0 { parts.append(("counts.again", r.repeatedRows, .dialog)) }
        if similar > 0 { parts.append(("counts.duplicates", similar, .warning)) }
        parts += [
            ("screen.updated", r.updated, .accent), ("counts.rejected", r.rejected.count, .error),
            ("counts.skipped", r.skipped.count, .dim),
        ]
        var said = parts.map { (words.importing($0.0, words.language.number($0.1)), $0.1, $0.2) }
        if said.map({ $0.0.displayWidth + 3 }).reduce(-3, +) > width { said.removeAll { $0.1 == 0 } }
        var x = point.x
        for (i, (label, n, role)) in said.enumerated() {
            let text = (i == 0 ? "" : " · ") + label
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

    static func hintsEntering(_ words: Words) -> [FooterHint] {
        [
            FooterHint(keys: "Enter", label: words.importing("screen.footer.preview")),
            FooterHint(keys: "Tab", label: words.importing("screen.footer.format")), FooterHint(keys: "Esc", label: words.cancel),
        ]
    }

    static func hintsPreview(_ words: Words) -> [FooterHint] {
        [
            FooterHint(keys: "Enter", label: words.importing("screen.footer.import")),
            FooterHint(keys: "j/k", label: words.importing("screen.footer.scroll")),
            FooterHint(keys: "Bksp", label: words.importing("screen.footer.path")), FooterHint(keys: "Esc", label: words.cancel),
        ]
    }
}
