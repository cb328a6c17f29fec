/// Stacked bars: several parts of one whole side by side, a session's present, late, excused
/// and absent people out of those expected.
///
/// Each part has its own glyph (``Glyphs/barSegments``) as well as its role, so the parts read
/// apart without colour. Parts are whole cells, since one cell cannot show two glyphs. Together
/// they fill what a bar of their sum fills in whole cells, by the same rule (none is empty,
/// anything at least a cell, only the whole full), and every part that is not zero keeps a cell
/// while there are cells enough.
extension Bar {
    public struct Part: Hashable, Sendable {
        public var value: Int
        public var role: StyleRole

        public init(_ value: Int, role: StyleRole) {
            self.value = value; self.role = role
        }
    }

    /// A stacked bar; part `i` draws with the theme's `barSegments[i]` (the last past the end).
    public init(parts: [Part], of total: Int, labelWidth: Int = 0) {
        self.init(parts.reduce(0) { $0 + max(0, $1.value) }, of: total, labelWidth: labelWidth)
        self.parts = parts
    }

    /// Cells per value out of `width`, summing to what a bar of the values' sum fills.
    ///
    /// By largest remainder: each value's exact share floored, then a cell more to the largest
    /// fractions, earlier parts first on ties; then a value left with none takes one from the
    /// part with the most, so a single excused person still shows.
    public static func cells(_ values: [Int], of total: Int, width: Int) -> [Int] {
        // No screen is a million cells wide nor a library a billion people: with these caps
        // no product below overflows.
        let values = values.map { min(max(0, $0), 1 << 30) }
        let sum = values.reduce(0, +)
        let filled = filledUnits(sum, of: max(total, sum), units: min(max(0, width), 1 << 20))
        guard filled > 0 else { return values.map { _ in 0 } }
        var cells = values.map { $0 * filled / sum }
        let remainders = values.map { $0 * filled % sum }
        let order = values.indices.sorted { remainders[$0] > remainders[$1] || (remainders[$0] == remainders[$1] && $0 < $1) }
        for index in order.prefix(filled - cells.reduce(0, +)) { cells[index] += 1 }
        for index in values.indices where values[index] > 0 && cells[index] == 0 {
            guard let donor = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[donor] > 1 else { break }
            cells[donor] -= 1
            cells[index] += 1
        }
        return cells
    }

    /// The parts in `rect`'s first row, each in its glyph and role (`selected` on a selected row).
    func renderParts(into buffer: inout ScreenBuffer, in rect: Rect, role: StyleRole, glyphs: [String]) {
        guard !glyphs.isEmpty else { return }
        var x = rect.x
        for (index, count) in Self.cells(parts.map(\.value), of: total, width: rect.width).enumerated() where count > 0 {
            x += buffer.put(
                String(repeating: glyphs[min(index, glyphs.count - 1)], count: count), at: Point(x: x, y: rect.y),
                role: role == .selected ? role : parts[index].role, maxWidth: rect.maxX - x)
        }
    }
}
