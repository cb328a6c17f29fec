/// A horizontal bar: `value` of `total` drawn as a share of some cells, in the theme's bar
/// glyphs (eighths of a cell in Unicode, halves in ASCII, ``Glyphs/barLevels``).
///
/// The rounding is there so a bar never says something the number does not: nothing draws no
/// bar, anything at all draws at least a sliver, and only the whole draws a full bar (6 of 7
/// is never full, 1 of 1,000 never empty). A value over the total (a quota overrun) draws a
/// full bar; the number beside it says by how much. Whatever the width, the bar stays inside it.
public struct Bar: Hashable, Sendable {
    public var value: Int
    public var total: Int
    /// Cells kept for the label beside the bar, at least the label's own width: give every
    /// bar of a column the widest label's width, so the bars share one length and read as a
    /// chart ("4/5" beside "5/5 ✓" must not get the longer bar).
    public var labelWidth: Int
    /// When not empty, a stacked bar of these parts instead of `value` (``Bar/init(parts:of:labelWidth:)``).
    public var parts: [Part] = []

    public init(_ value: Int, of total: Int, labelWidth: Int = 0) {
        self.value = value; self.total = total; self.labelWidth = labelWidth
    }

    /// How many of `units` steps the bar fills: `value / total` of them rounded to the nearest,
    /// then held off 0 and off `units` unless the value really is none or all.
    public static func filledUnits(_ value: Int, of total: Int, units: Int) -> Int {
        guard total > 0, units > 0, value > 0 else { return 0 }
        if value >= total { return units }
        // Half up, in integers: exact for any count a screen shows. A product too large for 64
        // bits (only a caller's nonsense) is worked out in floating point instead of trapping.
        let (product, overflow) = value.multipliedReportingOverflow(by: units)
        let rounded: Int
        if overflow {
            let share = (Double(value) / Double(total) * Double(units)).rounded()
            rounded = share >= Double(units) ? units : Int(share)
        } else {
            let remainder = product % total
            rounded = product / total + (remainder >= total - remainder ? 1 : 0)
        }
        return max(1, min(units - 1, rounded))
    }

    /// The bar's glyphs for `width` cells, without padding: at most `width` cells wide.
    public func glyphs(width: Int, levels: [String]) -> String {
        guard width > 0, !levels.isEmpty else { return "" }
        let perCell = levels.count
        // A screen is never a million cells wide; the cap keeps the product small.
        let units = Self.filledUnits(value, of: total, units: min(width, 1 << 20) * perCell)
        let whole = units / perCell, part = units % perCell
        return String(repeating: levels[perCell - 1], count: whole) + (part > 0 ? levels[part - 1] : "")
    }

    /// Draws the bar on the first row of `rect` in `role` (a stacked bar's parts in theirs,
    /// except on a selected row), with `label` (a count, a percentage)
    /// right-aligned after it. The label wins the space: when fewer than `minimumWidth` cells
    /// are left for the bar, only the label shows, so a narrow column loses the bar, not the number.
    public func render(
        into buffer: inout ScreenBuffer, in rect: Rect, role: StyleRole = .normal, label: String = "",
        minimumWidth: Int = 2, theme: Theme
    ) {
        guard !rect.isEmpty else { return }
        let line = rect.top(1)
        buffer.putLine(label, in: line, role: role, alignment: .right, ellipsis: theme.glyphs.ellipsis)
        let reserved = max(labelWidth, DisplayWidth.of(label))
        let barWidth = line.width - (reserved > 0 ? reserved + 1 : 0)
        guard barWidth >= max(1, minimumWidth) else { return }
        let bar = Rect(x: line.x, y: line.y, width: barWidth, height: 1)
        if parts.isEmpty {
            buffer.put(
                glyphs(width: barWidth, levels: theme.glyphs.barLevels), at: Point(x: bar.x, y: bar.y), role: role, maxWidth: barWidth)
        } else {
            renderParts(into: &buffer, in: bar, role: role, glyphs: theme.glyphs.barSegments)
        }
    }
}
