/// Selection and scroll position of a list or table, as plain data kept in the screen's state.
///
/// The table itself is rendered from a row provider and this state; navigation is arithmetic
/// here, so it is tested without drawing. All moves clamp: an empty table has no selection,
/// paging past the end lands on the last row, and after every move the selection is visible in
/// a view of the given height.
public struct TableState: Hashable, Sendable {
    public private(set) var rowCount: Int
    /// The selected row, or nil when the table is empty.
    public private(set) var selection: Int?
    /// The first row shown.
    public private(set) var offset: Int

    public init(rowCount: Int = 0, selection: Int = 0, offset: Int = 0) {
        self.rowCount = max(0, rowCount)
        self.selection = nil
        self.offset = max(0, offset)
        select(selection)
    }

    /// Updates the row count (rows were added, removed or filtered), keeping the selection on
    /// the same index where possible.
    public mutating func setRowCount(_ count: Int) {
        rowCount = max(0, count)
        select(selection ?? 0)
        offset = min(offset, max(0, rowCount - 1))
    }

    /// Selects row `index`, clamped to the table.
    public mutating func select(_ index: Int) {
        selection = rowCount == 0 ? nil : min(max(0, index), rowCount - 1)
    }

    /// Moves the selection; with a `height`, also scrolls to keep it visible. Without one the
    /// offset is left alone and the next render scrolls as little as needed.
    public mutating func moveDown(by n: Int = 1, height: Int? = nil) { move(by: n, height: height) }
    public mutating func moveUp(by n: Int = 1, height: Int? = nil) { move(by: 0.saturatingSubtract(n), height: height) }

    /// One page down: the selection and the view both move by a page, so the selected row keeps
    /// its place on screen (as in less and htop).
    public mutating func pageDown(height: Int) { page(by: pageSize(height), height: height) }
    public mutating func pageUp(height: Int) { page(by: 0 - pageSize(height), height: height) }
    public mutating func halfPageDown(height: Int) { page(by: max(1, pageSize(height) / 2), height: height) }
    public mutating func halfPageUp(height: Int) { page(by: -max(1, pageSize(height) / 2), height: height) }

    public mutating func home(height: Int? = nil) {
        select(0)
        if let height { ensureVisible(height: height) } else { offset = 0 }
    }

    public mutating func end(height: Int? = nil) {
        select(rowCount - 1)
        if let height { ensureVisible(height: height) }
    }

    /// Scrolls as little as possible to show the selection in a view of `height` rows, and
    /// never leaves blank rows at the bottom while rows above are hidden.
    public mutating func ensureVisible(height: Int) {
        offset = visibleOffset(height: height)
    }

    /// The offset ``ensureVisible(height:)`` would choose, without changing the state: render
    /// uses it so a frame is right even when the state was last adjusted for another height.
    public func visibleOffset(height: Int) -> Int {
        let height = max(1, height)
        var top = min(offset, max(0, rowCount - height))
        if let selection {
            if selection < top { top = selection }
            if selection >= top.saturatingAdd(height) { top = selection - height + 1 }
        }
        return max(0, top)
    }

    /// The rows a view of `height` rows shows.
    public func visibleRange(height: Int) -> Range<Int> {
        let top = visibleOffset(height: height)
        return top..<min(rowCount, top.saturatingAdd(max(0, height)))
    }

    /// "37/412": the selection's 1-based position and the row count; "0/0" when empty.
    public var positionText: String { "\((selection ?? -1) + 1)/\(rowCount)" }

    private func pageSize(_ height: Int) -> Int { max(1, height) }

    private mutating func move(by delta: Int, height: Int?) {
        guard let selection else { return }
        select(selection.saturatingAdd(delta))
        if let height { ensureVisible(height: height) }
    }

    private mutating func page(by delta: Int, height: Int) {
        guard let selection else { return }
        let top = visibleOffset(height: height)
        select(selection.saturatingAdd(delta))
        offset = min(max(0, top.saturatingAdd(delta)), max(0, rowCount - max(1, height)))
        ensureVisible(height: height)
    }
}
