import CourseKit
import Foundation
import TerminalUI

/// The kiosk's screens: large, calm, centred, and showing nobody's details but the few
/// matches' given names, family initials and agencies.
enum KioskView {
    static func render(_ state: KioskState, size: Size, theme: Theme) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size, asciiText: theme.asciiText)
        let width = min(size.width - 4, 72)
        let left = (size.width - width) / 2
        var lines: [Line] = [
            Line(state.context.courseTitle, role: .header),
            Line("\(state.context.sessionTitle)", role: .accent),
            Line(state.context.when[state.language] ?? "", role: .dim),
            Line(""),
        ]
        var field: (TextField, Int)?
        switch state.phase {
        case .welcome where !state.context.checkInOpen:
            lines += (state.context.closedText[state.language] ?? "").split(separator: "\n").map { Line(String($0), role: .warning) }
            lines += [Line(""), Line(state.say("kiosk.help.ifNeeded"), role: .dim), Line(""), languageLine(state)]
        case .welcome:
            lines += [Line(state.say("kiosk.welcome"), role: .normal), Line("")]
            field = (state.query, lines.count)
            lines += [Line(""), Line("")]
            lines += matchLines(state, theme: theme)
            if state.query.isEmpty { lines += [Line(""), languageLine(state)] }
        case .confirm(let match):
            lines += [
                Line(state.say("kiosk.confirm"), role: .normal), Line(""), Line(match.label, role: .accent), Line(""),
                Line(state.say("kiosk.confirm.keys"), role: .dim),
            ]
        case .success(let name, let time, let already):
            lines +=
                already
                ? [
                    Line(state.say("kiosk.success.already", name, time), role: .success),
                    Line(state.say("kiosk.success.nothingMore"), role: .normal),
                ]
                : [
                    Line(state.say("kiosk.success", name, time), role: .success),
                    Line(state.say("kiosk.success.enjoy"), role: .normal),
                ]
        case .recordedAs(let name, let status):
            lines += [
                Line(
                    status == .cleared
                        ? state.say("kiosk.recorded.cleared", name)
                        : state.say("kiosk.recorded.as", name, state.say("kiosk.status.\(status.rawValue)")),
                    role: .warning),
                Line(state.say("kiosk.help.see"), role: .normal),
            ]
        case .notListed:
            lines += [
                Line(state.say("kiosk.notListed"), role: .normal),
                Line(state.say("kiosk.help.ask"), role: .warning), Line(""),
            ]
            lines.append(Line(state.say(state.context.walkInsAllowed ? "kiosk.notListed.walkInKeys" : "kiosk.notListed.keys"), role: .dim))
        case .walkIn(let form):
            lines += [Line(state.say("kiosk.walkIn"), role: .normal), Line("")]
            for (i, label) in WalkInForm.labels.enumerated() {
                lines.append(Line(state.say("kiosk.field.label", state.say(label)), role: i == form.focus ? .accent : .dim))
                if i == form.focus {
                    // Three rows: the box's top, the field, the box's bottom.
                    lines.append(Line(""))
                    field = (form.fields[i], lines.count)
                    lines += [Line(""), Line("")]
                } else {
                    lines.append(Line(form.fields[i].text))
                }
            }
            lines += [Line(form.error.map(state.say) ?? "", role: .error), Line(state.say("kiosk.walkIn.keys"), role: .dim)]
        case .pin(let pinField):
            lines += [Line(state.say("kiosk.pin"), role: .normal), Line("")]
            field = (pinField, lines.count)
            lines += [Line(""), Line(""), Line(state.say("kiosk.pin.keys"), role: .dim)]
        case .paused:
            lines += [
                Line(state.say("kiosk.paused"), role: .warning),
                Line(state.say("kiosk.paused.back"), role: .dim),
            ]
        }
        if let message = state.message { lines += [Line(""), Line(message, role: .warning)] }
        // A sentence wider than the screen goes on two lines rather than losing its end: Spanish
        // runs a quarter longer than English, and "… si no está en la lista" is the point.
        lines = lines.flatMap { $0.isListItem ? [$0] : wrap($0, width: width) }

        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let text = line.text.truncated(toWidth: width, ellipsis: theme.glyphs.ellipsis)
            let x = line.isListItem ? left : left + max(0, (width - text.displayWidth) / 2)
            if line.role == .selected { buffer.fill(Rect(x: left, y: top + i, width: width, height: 1), role: .selected) }
            buffer.put(text, at: Point(x: x, y: top + i), role: line.role, maxWidth: width)
        }
        if let (textField, row) = field, top + row < size.height {
            let box = Rect(x: left, y: top + row - 1, width: width, height: 3)
            buffer.box(box, role: .border, glyphs: theme.glyphs)
            textField.render(into: &buffer, rect: Rect(x: left + 2, y: top + row, width: width - 4, height: 1), theme: theme)
        }
        return buffer
    }

    /// `line` cut at spaces into lines of at most `width` columns (a word wider than that is
    /// left whole, to be truncated).
    static func wrap(_ line: Line, width: Int) -> [Line] {
        guard line.text.displayWidth > width else { return [line] }
        var out: [Line] = []
        var current = ""
        for word in line.text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.displayWidth > width, !current.isEmpty {
                out.append(Line(current, role: line.role))
                current = String(word)
            } else {
                current = candidate
            }
        }
        out.append(Line(current, role: line.role))
        return out
    }

    struct Line {
        var text: String
        var role: StyleRole
        /// Matches line up on the left; everything else is centred.
        var isListItem = false
        init(_ text: String, role: StyleRole = .normal, isListItem: Bool = false) {
            self.text = text; self.role = role; self.isListItem = isListItem
        }
    }

    /// At most five matches, the chosen one in reverse video; a hint when there are more.
    static func matchLines(_ state: KioskState, theme: Theme) -> [Line] {
        if !KioskQueryRule.isSearchable(state.query.text) {
            return [Line(KioskQueryRule.isBlank(state.query.text) ? "" : state.say("kiosk.search.short"), role: .dim)]
        }
        if state.matches.isEmpty {
            return [Line(state.say("kiosk.search.none"), role: .dim)]
        }
        var lines = state.matches.enumerated().map { i, match in
            Line(
                " \(i == state.selection ? (theme.ascii ? ">" : "→") : " ") \(match.label)",
                role: i == state.selection ? .selected : .normal, isListItem: true)
        }
        lines.append(Line(""))
        let arrows = theme.ascii ? "Up/Down" : "↑↓"
        lines.append(Line(state.moreMatches ? state.say("kiosk.search.more") : state.say("kiosk.search.keys", arrows), role: .dim))
        return lines
    }

    /// "Tab: Español": the one key that changes the screen's language, named in the language it goes to.
    static func languageLine(_ state: KioskState) -> Line {
        Line(state.say("kiosk.language.key", state.language.next.ownName), role: .dim)
    }
}
