/// A key-driven choice in a dialog: "[y] Yes".
public struct DialogButton: Hashable, Sendable {
    public var id: String
    public var key: Character
    public var label: String
    public init(id: String, key: Character, label: String) { self.id = id; self.key = key; self.label = label }
}

/// A modal dialog: a centred, titled box with a wrapped message and a line of keyed choices.
///
/// Dialogs state their keys ("[y] Yes  [N] No", the default's key in capitals, as shell
/// prompts do), Enter picks the default, and Esc always closes with ``Outcome/cancelled``.
/// A destructive confirmation defaults to No, so a stray Enter destroys nothing.
public struct Dialog: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case button(String)
        case cancelled
    }

    public var title: String
    /// The message; line breaks start paragraphs, long lines wrap by display width.
    public var message: String
    public var buttons: [DialogButton]
    /// The id of the button Enter picks, or nil for none.
    public var defaultButton: String?
    public var isDestructive: Bool
    /// The widest the text area grows before wrapping; dialogs stay readable on wide screens.
    public var maxTextWidth: Int

    public init(
        title: String, message: String, buttons: [DialogButton], defaultButton: String? = nil,
        isDestructive: Bool = false, maxTextWidth: Int = 56
    ) {
        self.title = title; self.message = message; self.buttons = buttons
        self.defaultButton = defaultButton; self.isDestructive = isDestructive; self.maxTextWidth = maxTextWidth
    }

    /// A yes/no question. Destructive ones default to No, and their title and message should
    /// name what is destroyed and how many ("Delete 3 marks?").
    public static func confirm(
        title: String, message: String, yes: String = "Yes", no: String = "No",
        destructive: Bool
    ) -> Dialog {
        Dialog(
            title: title, message: message,
            buttons: [DialogButton(id: "yes", key: "y", label: yes), DialogButton(id: "no", key: "n", label: no)],
            defaultButton: destructive ? "no" : "yes", isDestructive: destructive)
    }

    /// A notice with a single OK.
    public static func notice(title: String, message: String) -> Dialog {
        Dialog(
            title: title, message: message, buttons: [DialogButton(id: "ok", key: "o", label: "OK")],
            defaultButton: "ok")
    }

    /// What a key does: a button's key (either case) picks it, Enter the default, Esc cancels;
    /// nil means the key does nothing here.
    public func outcome(for key: Key) -> Outcome? {
        switch key {
        case .escape: return .cancelled
        case .enter: return defaultButton.map(Outcome.button)
        case .char(let c):
            let folded = c.lowercased()
            return buttons.first { $0.key.lowercased() == folded }.map { .button($0.id) }
        default: return nil
        }
    }

    /// The buttons line: "[y] Yes  [N] No".
    public var buttonLine: StyledText { buttonLines(width: .max).first ?? StyledText() }

    /// The buttons laid out in lines of at most `width` columns, whole buttons per line, so on
    /// a narrow screen "[N] No" moves down instead of being cut off.
    public func buttonLines(width: Int) -> [StyledText] {
        var lines: [StyledText] = []
        var line = StyledText()
        for button in buttons {
            let key = button.id == defaultButton ? button.key.uppercased() : button.key.lowercased()
            var piece = StyledText("[")
            piece.append(key, role: .accent)
            piece.append("] " + button.label)
            if !line.isEmpty, line.displayWidth + 2 + piece.displayWidth > width {
                lines.append(line)
                line = StyledText()
            }
            if !line.isEmpty { line.append("  ") }
            line.append(piece)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Where the dialog draws inside `rect`: sized to its content, centred, clamped.
    public func frame(in rect: Rect) -> Rect { layout(in: rect).frame }

    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let area = rect.intersection(Rect(size: buffer.size))
        let (frame, lines) = layout(in: area, ellipsis: theme.glyphs.ellipsis)
        guard !frame.isEmpty else { return }
        Panel.draw(frame: frame, title: title, lines: lines, into: &buffer, theme: theme)
    }

    /// The frame and its lines: the message, a blank line, the buttons. When the screen is too
    /// short the blank line goes first, then the message is cut (its last shown line ending
    /// with the ellipsis), so the keys stay visible as long as anything is.
    private func layout(in rect: Rect, ellipsis: String = "…") -> (frame: Rect, lines: [StyledText]) {
        let roomWidth = max(0, rect.width - 4)
        let textWidth = min(max(1, maxTextWidth), roomWidth)
        var wrapped = WordWrap.lines(message, width: textWidth)
        let buttons = buttonLines(width: textWidth)
        let contentWidth = min(
            roomWidth,
            max(
                wrapped.map(\.displayWidth).max() ?? 0,
                buttons.map(\.displayWidth).max() ?? 0, title.displayWidth + 2))
        if contentWidth < textWidth { wrapped = WordWrap.lines(message, width: contentWidth) }

        let roomHeight = max(0, rect.height - 2)
        var lines = wrapped.map { StyledText($0) }
        let needed = lines.count + buttons.count
        if roomHeight > needed {
            lines.append("")
        } else if roomHeight < needed {
            lines = Array(lines.prefix(max(0, roomHeight - buttons.count)))
            if let last = lines.indices.last {
                lines[last] = StyledText(lines[last].plainText + ellipsis)
                    .truncated(toWidth: contentWidth, ellipsis: ellipsis)
            }
        }
        lines += buttons
        return (Panel.frame(content: Size(width: contentWidth, height: lines.count), in: rect), lines)
    }
}
