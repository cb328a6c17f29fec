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
            Line(state.context.when, role: .dim),
            Line(""),
        ]
        var field: (TextField, Int)?
        switch state.phase {
        case .welcome where !state.context.checkInOpen:
            lines += state.context.closedText.split(separator: "\n").map { Line(String($0), role: .warning) }
            lines += [Line(""), Line("Please ask the facilitator if you need help.", role: .dim)]
        case .welcome:
            lines += [Line("Welcome! Type your name to check in.", role: .normal), Line("")]
            field = (state.query, lines.count)
            lines += [Line(""), Line("")]
            lines += matchLines(state, theme: theme)
        case .confirm(let match):
            lines += [
                Line("Is this you?", role: .normal), Line(""), Line(match.label, role: .accent), Line(""),
                Line("Enter: yes, check me in      Esc: no, go back", role: .dim),
            ]
        case .success(let name, let time, let already):
            lines +=
                already
                ? [
                    Line("Welcome, \(name) — you are already checked in (\(time)).", role: .success),
                    Line("There is nothing more to do. Enjoy the session!", role: .normal),
                ]
                : [
                    Line("Welcome, \(name) — checked in \(time).", role: .success),
                    Line("Enjoy the session!", role: .normal),
                ]
        case .recordedAs(let name, let status):
            lines += [
                Line(
                    status == .cleared
                        ? "\(name), your check-in was not counted." : "\(name), you are recorded as \(status.rawValue).",
                    role: .warning),
                Line("Please see the facilitator.", role: .normal),
            ]
        case .notListed:
            lines += [
                Line("We could not find your name on the list.", role: .normal),
                Line("Please ask the facilitator.", role: .warning), Line(""),
            ]
            lines.append(
                state.context.walkInsAllowed
                    ? Line("Enter: register as a walk-in      Esc: try again", role: .dim)
                    : Line("Esc: try again", role: .dim))
        case .walkIn(let form):
            lines += [Line("Register as a walk-in (the facilitator will confirm it)", role: .normal), Line("")]
            for (i, label) in WalkInForm.labels.enumerated() {
                lines.append(Line("\(label):", role: i == form.focus ? .accent : .dim))
                if i == form.focus {
                    // Three rows: the box's top, the field, the box's bottom.
                    lines.append(Line(""))
                    field = (form.fields[i], lines.count)
                    lines += [Line(""), Line("")]
                } else {
                    lines.append(Line(form.fields[i].text))
                }
            }
            lines += [Line(form.error ?? "", role: .error), Line("Tab: next field   Enter: next / done   Esc: cancel", role: .dim)]
        case .pin(let pinField):
            lines += [Line("Staff exit: enter the kiosk PIN", role: .normal), Line("")]
            field = (pinField, lines.count)
            lines += [Line(""), Line(""), Line("Esc: back to check-in", role: .dim)]
        case .paused:
            lines += [
                Line("Please ask the facilitator for help.", role: .warning),
                Line("Check-in will be available again in a moment.", role: .dim),
            ]
        }
        if let message = state.message { lines += [Line(""), Line(message, role: .warning)] }

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
            return [Line(KioskQueryRule.isBlank(state.query.text) ? "" : "Keep typing… (at least 3 letters)", role: .dim)]
        }
        if state.matches.isEmpty {
            return [Line("No match yet — check the spelling, or press Enter if you are not on the list", role: .dim)]
        }
        var lines = state.matches.enumerated().map { i, match in
            Line(
                " \(i == state.selection ? (theme.ascii ? ">" : "→") : " ") \(match.label)",
                role: i == state.selection ? .selected : .normal, isListItem: true)
        }
        lines.append(Line(""))
        let arrows = theme.ascii ? "Up/Down" : "↑↓"
        lines.append(
            Line(
                state.moreMatches ? "More people match — type more of your name" : "\(arrows): choose   Enter: that's me",
                role: .dim))
        return lines
    }
}
