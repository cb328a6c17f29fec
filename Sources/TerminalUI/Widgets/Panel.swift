/// The framed, centred box that dialogs and the help overlay share: sizing to content,
/// clamping to the screen, the title in the top edge and an optional label in the bottom edge.
/// One column of padding each side keeps text off the border.
enum Panel {
    /// The frame for content of `size` (text area), centred in `rect` and clamped to it.
    static func frame(content size: Size, in rect: Rect) -> Rect {
        rect.centered(Size(width: size.width.saturatingAdd(4), height: size.height.saturatingAdd(2)))
    }

    /// Text rows inside a frame.
    static func innerHeight(of frame: Rect) -> Int { max(0, frame.height - 2) }
    /// Text columns inside a frame.
    static func innerWidth(of frame: Rect) -> Int { max(0, frame.width - 4) }

    /// Draws the frame, filled in `dialog`, then `lines` from the top of the text area, each cut
    /// to the width with the theme's ellipsis.
    static func draw(
        frame: Rect, title: String, lines: some Collection<StyledText>, bottomLabel: String = "",
        into buffer: inout ScreenBuffer, theme: Theme
    ) {
        buffer.box(frame, role: .border, glyphs: theme.glyphs, title: title, fillRole: .dialog)
        let width = innerWidth(of: frame)
        guard width > 0 else { return }
        for (row, line) in zip(0..<innerHeight(of: frame), lines) {
            buffer.put(
                line.truncated(toWidth: width, ellipsis: theme.glyphs.ellipsis),
                at: Point(x: frame.x + 2, y: frame.y + 1 + row), role: .dialog, maxWidth: width)
        }
        let labelWidth = bottomLabel.displayWidth
        if labelWidth > 0, frame.height >= 2, labelWidth + 4 <= frame.width {
            buffer.put(
                bottomLabel, at: Point(x: frame.maxX - 2 - labelWidth, y: frame.maxY - 1),
                role: .border, maxWidth: labelWidth)
        }
    }
}
