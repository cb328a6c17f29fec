/// What the screen shows below a program's minimum size: "Terminal too small: need 60×16,
/// have 40×10", centred and wrapped, in any size down to 0×0. Drawing the real screen at a size
/// it was not designed for would garble columns; this is honest and recovers on the next
/// resize.
public struct TooSmallView: Hashable, Sendable {
    public var minimum: Size
    public var actual: Size

    public init(minimum: Size, actual: Size) { self.minimum = minimum; self.actual = actual }

    public func message(glyphs: Glyphs) -> String {
        "Terminal too small: " + requirement(glyphs: glyphs)
    }

    /// "need 60×16, have 40×10".
    public func requirement(glyphs: Glyphs) -> String {
        let x = glyphs.times
        return "need \(minimum.width)\(x)\(minimum.height), have \(actual.width)\(x)\(actual.height)"
    }

    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let area = rect.intersection(Rect(size: buffer.size))
        guard !area.isEmpty else { return }
        buffer.fill(area, role: .normal)
        let ellipsis = theme.glyphs.ellipsis
        // One line when it fits; otherwise break after the colon, where the sentence breaks.
        let oneLine = message(glyphs: theme.glyphs)
        var lines =
            oneLine.displayWidth <= area.width
            ? [oneLine]
            : WordWrap.lines("Terminal too small:\n" + requirement(glyphs: theme.glyphs), width: area.width)
        if lines.count > area.height {
            lines = Array(lines.prefix(area.height))
            let last = lines.count - 1
            lines[last] = (lines[last] + ellipsis).truncated(toWidth: area.width, ellipsis: ellipsis)
        }
        let top = area.y + (area.height - lines.count) / 2
        for (row, line) in lines.enumerated() {
            let shown = line.truncated(toWidth: area.width, ellipsis: ellipsis)
            let left = (area.width - shown.displayWidth) / 2
            buffer.put(shown, at: Point(x: area.x + left, y: top + row), role: .warning, maxWidth: area.width - left)
        }
    }

    /// A whole frame of `size` showing the message: what the runner draws.
    public static func frame(minimum: Size, size: Size, theme: Theme) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size, asciiText: theme.asciiText)
        TooSmallView(minimum: minimum, actual: size).render(into: &buffer, rect: Rect(size: size), theme: theme)
        return buffer
    }
}
