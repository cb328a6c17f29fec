/// Reading a frame back: for tests, snapshots and backends.
extension ScreenBuffer {
    /// The cell at `point`, or nil outside the buffer (the subscript traps there).
    public func cell(at point: Point) -> Cell? {
        guard point.x >= 0, point.y >= 0, point.x < size.width, point.y < size.height else { return nil }
        return self[point.x, point.y]
    }

    /// The text of one row, continuation cells skipped, so a row of "李" reads "李" and its
    /// display width equals `size.width`. Empty for a row outside the buffer.
    public func text(row y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var line = ""
        for cell in row(y) where !cell.isContinuation { line += cell.text }
        return line
    }

    /// Every row's text, top to bottom.
    public var lines: [String] { (0..<size.height).map { text(row: $0) } }

    /// Whether every wide cell is followed by its continuation and every continuation follows a
    /// wide cell in the same row: what a backend relies on to draw a row cell by cell.
    public var isWellFormed: Bool {
        for y in 0..<size.height {
            var expectContinuation = false
            for cell in row(y) {
                if expectContinuation != cell.isContinuation { return false }
                if cell.width < 0 || cell.width > 2 { return false }
                expectContinuation = cell.width == 2
            }
            if expectContinuation { return false }
        }
        return true
    }
}
