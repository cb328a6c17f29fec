/// Where text sits in a wider space.
public enum HorizontalAlignment: Sendable, Hashable {
    case left, right, center
}

/// Fitting text to a column budget, by display width.
///
/// All of these return sanitised text (see ``DisplaySanitizer``) because the widths they
/// compute are widths of what will be drawn; fitting raw text and sanitising later would let a
/// tab change a column's width.
extension StringProtocol {
    /// The text shortened to at most `width` columns, ending with `ellipsis` when something was
    /// cut. A grapheme is never split and a wide character that does not fit is left out whole,
    /// so the result may be one column narrower than `width`; use ``fitted(toWidth:alignment:ellipsis:)``
    /// for an exact width. Whitespace before the ellipsis is dropped ("Palau MMC…").
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        let text = sanitizedForDisplay
        guard width > 0 else { return "" }
        if text.displayWidth <= width { return text }
        let mark = ellipsis.sanitizedForDisplay
        let markWidth = mark.displayWidth
        guard markWidth <= width else { return mark.clipped(toWidth: width) }
        var kept = text.prefix(fittingWidth: width - markWidth).prefix
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return String(kept) + mark
    }

    /// The text cut at `width` columns without a mark. A wide character that would be cut in
    /// half becomes a space, so the result is exactly `min(width, displayWidth)` columns.
    public func clipped(toWidth width: Int) -> String {
        let text = sanitizedForDisplay
        guard width > 0 else { return "" }
        let (prefix, used) = text.prefix(fittingWidth: width)
        let target = Swift.min(width, text.displayWidth)
        return String(prefix) + String(repeating: " ", count: Swift.max(0, target - used))
    }

    /// The text padded with spaces to `width` columns. Text already as wide or wider is
    /// returned unchanged (sanitised); centring puts the odd column on the right.
    public func padded(toWidth width: Int, alignment: HorizontalAlignment = .left) -> String {
        let text = sanitizedForDisplay
        let gap = width - text.displayWidth
        guard gap > 0 else { return text }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// The text truncated (with `ellipsis`) and padded to exactly `width` columns: what a table
    /// cell needs.
    public func fitted(
        toWidth width: Int, alignment: HorizontalAlignment = .left,
        ellipsis: String = "…"
    ) -> String {
        truncated(toWidth: width, ellipsis: ellipsis).padded(toWidth: Swift.max(0, width), alignment: alignment)
    }
}

extension String {
    /// The longest prefix of whole graphemes that fits in `width` columns, and its width.
    func prefix(fittingWidth width: Int) -> (prefix: Substring, width: Int) {
        var used = 0
        var end = startIndex
        for index in indices {
            let w = self[index].displayWidth
            if used + w > width { break }
            used += w
            end = self.index(after: index)
        }
        return (self[..<end], used)
    }
}
