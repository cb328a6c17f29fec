/// The `?` screen: every binding reachable in the current contexts, grouped by context, in a
/// centred box, generated from the ``KeyMap`` so it can never disagree with what keys do.
/// Scrolls when taller than the screen; the bottom edge shows the position.
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public var sections: [HelpSection]
    /// The first content line shown. Render clamps it, so it is safe to over-scroll.
    public var scroll: Int
    /// The key column never grows past this; longer key lists are cut.
    public var maxKeyWidth: Int
    public var maxTextWidth: Int

    public init(
        title: String = "Help", sections: [HelpSection], scroll: Int = 0,
        maxKeyWidth: Int = 16, maxTextWidth: Int = 72
    ) {
        self.title = title; self.sections = sections; self.scroll = scroll
        self.maxKeyWidth = maxKeyWidth; self.maxTextWidth = maxTextWidth
    }

    public init(keyMap: KeyMap, contexts: [String], ascii: Bool = false, title: String = "Help") {
        self.init(title: title, sections: keyMap.helpSections(for: contexts, ascii: ascii))
    }

    /// The overlay's text: a heading per section, then "keys  description" rows, sections
    /// separated by a blank line.
    public var contentLines: [StyledText] { contentLines(ellipsis: "…") }

    /// ``contentLines`` with over-long key lists cut by `ellipsis`.
    public func contentLines(ellipsis: String) -> [StyledText] {
        let keyWidth = min(maxKeyWidth, sections.flatMap(\.entries).map(\.keys.displayWidth).max() ?? 0)
        var lines: [StyledText] = []
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append(StyledText(section.title, role: .accent))
            for entry in section.entries {
                var line = StyledText(entry.keys.fitted(toWidth: keyWidth, ellipsis: ellipsis), role: .footerKey)
                line.append("  " + entry.description)
                lines.append(line)
            }
        }
        return lines
    }

    public func frame(in rect: Rect) -> Rect {
        let lines = contentLines
        let width = min(maxTextWidth, lines.map(\.displayWidth).max() ?? 0, max(0, rect.width - 4))
        return Panel.frame(content: Size(width: max(width, title.displayWidth + 2), height: lines.count), in: rect)
    }

    /// The largest useful ``scroll`` for a screen `rect`.
    public func maxScroll(in rect: Rect) -> Int {
        max(0, contentLines.count - Panel.innerHeight(of: frame(in: rect)))
    }

    /// Scrolls for navigation keys (j/k, arrows, PgUp/PgDn, Space/b, Ctrl-D/U, g/G, Home/End);
    /// returns false for anything else, which the screen uses to close (Esc, q, ?).
    @discardableResult
    public mutating func handle(_ key: Key, in rect: Rect) -> Bool {
        let page = max(1, Panel.innerHeight(of: frame(in: rect)))
        let limit = maxScroll(in: rect)
        var target = min(scroll, limit)
        switch key {
        case .down, .char("j"): target += 1
        case .up, .char("k"): target -= 1
        case .pageDown, .char(" "): target += page
        case .pageUp, .char("b"): target -= page
        case .ctrl("d"): target += max(1, page / 2)
        case .ctrl("u"): target -= max(1, page / 2)
        case .home, .char("g"): target = 0
        case .end, .char("G"): target = limit
        default: return false
        }
        scroll = min(max(0, target), limit)
        return true
    }

    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let area = rect.intersection(Rect(size: buffer.size))
        let frame = frame(in: area)
        guard !frame.isEmpty else { return }
        let lines = contentLines(ellipsis: theme.glyphs.ellipsis)
        let height = Panel.innerHeight(of: frame)
        let top = min(max(0, scroll), max(0, lines.count - height))
        var label = ""
        if lines.count > height, height > 0 {
            let glyphs = theme.glyphs
            let more = (top > 0 ? glyphs.moreAbove : "") + (top + height < lines.count ? glyphs.moreBelow : "")
            label = " \(more) \(top + 1)-\(min(lines.count, top + height))/\(lines.count) "
        }
        Panel.draw(
            frame: frame, title: title, lines: lines.dropFirst(top), bottomLabel: label,
            into: &buffer, theme: theme)
    }
}
