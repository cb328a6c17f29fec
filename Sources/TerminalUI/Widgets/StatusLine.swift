/// The bottom line: a message on the left, key hints on the right.
///
/// The message wins the space: an error must be readable, while every hint is also in the
/// help overlay. Hints get what is left after the message and a two-column gap, and are cut
/// whole with `…` (see ``FooterHint/line(_:width:ellipsis:)``). Nothing ever wraps.
public struct StatusLine: Hashable, Sendable {
    public var message: String
    /// `footer` for information, `error` or `warning` for problems, `success` for "Saved".
    public var messageRole: StyleRole
    public var hints: [FooterHint]

    public init(message: String = "", messageRole: StyleRole = .footer, hints: [FooterHint] = []) {
        self.message = message; self.messageRole = messageRole; self.hints = hints
    }

    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let line = rect.top(1)
        guard !line.isEmpty else { return }
        buffer.fill(line, role: .footer)
        let shownMessage = message.truncated(toWidth: line.width, ellipsis: theme.glyphs.ellipsis)
        let used = buffer.put(shownMessage, at: Point(x: line.x, y: line.y), role: messageRole, maxWidth: line.width)
        let room = line.width - used - (used > 0 ? 2 : 0)
        let hintLine = FooterHint.line(hints, width: room, ellipsis: theme.glyphs.ellipsis)
        let width = hintLine.displayWidth
        guard width > 0 else { return }
        buffer.put(hintLine, at: Point(x: line.maxX - width, y: line.y), role: .footer, maxWidth: width)
    }
}

/// The top line: where you are on the left ("Palau MMC 2024 › Day 2 › Roll call"), counts on
/// the right ("18/24 marked  14 present"), in the `header` role across the whole width.
///
/// The counts are kept whole while they fit in half the line, because they change as you work
/// and are what you glance at; the breadcrumbs are cut with `…`. Nothing ever wraps.
public struct HeaderLine: Hashable, Sendable {
    public var breadcrumbs: [String]
    public var trailing: String

    public init(breadcrumbs: [String], trailing: String = "") {
        self.breadcrumbs = breadcrumbs; self.trailing = trailing
    }

    public func title(glyphs: Glyphs) -> String {
        breadcrumbs.map { $0.sanitizedForDisplay }.joined(separator: " \(glyphs.breadcrumbSeparator) ")
    }

    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let line = rect.top(1)
        guard !line.isEmpty else { return }
        buffer.fill(line, role: .header)
        let ellipsis = theme.glyphs.ellipsis
        let inner = max(0, line.width - 2)  // one column of margin each side
        var right = trailing.sanitizedForDisplay
        if right.displayWidth > inner / 2 { right = right.truncated(toWidth: inner / 2, ellipsis: ellipsis) }
        let gap = right.isEmpty ? 0 : 2
        let left = title(glyphs: theme.glyphs).truncated(toWidth: max(0, inner - right.displayWidth - gap), ellipsis: ellipsis)
        buffer.put(left, at: Point(x: line.x + 1, y: line.y), role: .header, maxWidth: inner)
        let rightWidth = right.displayWidth
        buffer.put(right, at: Point(x: line.maxX - 1 - rightWidth, y: line.y), role: .header, maxWidth: rightWidth)
    }
}
