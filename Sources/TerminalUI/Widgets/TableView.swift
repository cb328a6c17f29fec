/// A column of a ``TableView``.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    /// Numbers read best right-aligned.
    public var alignment: HorizontalAlignment

    public init(_ title: String, width: ColumnWidth = .flexible(min: 4), alignment: HorizontalAlignment = .left) {
        self.title = title; self.width = width; self.alignment = alignment
    }
}

/// What the row provider returns for one row.
public struct TableRow: Hashable, Sendable, ExpressibleByArrayLiteral {
    public var cells: [String]
    /// The role of the whole row (e.g. `dim` for a withdrawn participant); nil is `normal`.
    public var role: StyleRole?
    /// Per-cell roles (e.g. the mark column in `present`/`absent`); nil entries use the row's.
    public var cellRoles: [StyleRole?]
    /// Per-cell bars: a column with one draws the bar in the column's width, with the cell's
    /// text as its label, right-aligned (``Bar/render(into:in:role:label:minimumWidth:theme:)``).
    /// The bar is sized there because only the table knows the column's width.
    public var bars: [Bar?]

    public init(_ cells: [String], role: StyleRole? = nil, cellRoles: [StyleRole?] = [], bars: [Bar?] = []) {
        self.cells = cells; self.role = role; self.cellRoles = cellRoles; self.bars = bars
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }
}

/// A virtualised table: it asks its row provider only for the rows it draws, so a 100,000-row
/// roster costs as much to render as a 20-row one, and rows can come from a page cache that
/// the database fills.
///
/// A `TableView` is built inside a render function and used at once; it borrows the provider
/// closure for that call, which is why it is not `Sendable` (the data it shows lives in the
/// screen's state, which is).
public struct TableView {
    public var columns: [TableColumn]
    public var state: TableState
    public var showsHeader: Bool
    /// Blank columns between cells.
    public var spacing: Int
    /// Shown when there are no rows; say what to do next ("No sessions yet — press a to add one").
    public var emptyMessage: String
    private let provider: (Int) -> TableRow

    public init(
        columns: [TableColumn], state: TableState, showsHeader: Bool = true, spacing: Int = 1,
        emptyMessage: String = "", row: @escaping (Int) -> TableRow
    ) {
        self.columns = columns; self.state = state; self.showsHeader = showsHeader
        self.spacing = spacing; self.emptyMessage = emptyMessage; self.provider = row
    }

    /// A table from cell texts and an optional role per row.
    public init(
        columns: [TableColumn], state: TableState, showsHeader: Bool = true, spacing: Int = 1,
        emptyMessage: String = "", cells: @escaping (Int) -> [String],
        rowRole: @escaping (Int) -> StyleRole? = { _ in nil }
    ) {
        self.init(
            columns: columns, state: state, showsHeader: showsHeader, spacing: spacing,
            emptyMessage: emptyMessage, row: { TableRow(cells($0), role: rowRole($0)) })
    }

    /// Rows of data a rect of this height shows (its height minus the header): what paging
    /// should use as `height`.
    public func bodyHeight(for rect: Rect) -> Int { max(0, rect.height - (showsHeader ? 1 : 0)) }

    /// The row under a mouse click, if any.
    public func rowIndex(at point: Point, in rect: Rect) -> Int? {
        let body = rect.droppingTop(showsHeader ? 1 : 0)
        guard body.contains(point) else { return nil }
        let index = state.visibleOffset(height: body.height) + (point.y - body.y)
        return index < state.rowCount ? index : nil
    }

    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        let area = rect.intersection(Rect(size: buffer.size))
        guard !area.isEmpty else { return }
        let widths = ColumnLayout.solve(columns.map(\.width), totalWidth: area.width, spacing: spacing)
        var body = area
        if showsHeader {
            let titles = TableRow(columns.map(\.title), role: .columnHeader)
            drawRow(titles, widths: widths, role: .columnHeader, selected: nil, y: area.y, area: area, into: &buffer, theme: theme)
            body = area.droppingTop(1)
        }
        buffer.fill(body, role: .normal)
        guard state.rowCount > 0 else {
            buffer.putLine(emptyMessage, in: body.top(1), role: .dim, ellipsis: theme.glyphs.ellipsis)
            return
        }
        let bar = selectionBar(widths: widths, area: area)
        for (line, index) in state.visibleRange(height: body.height).enumerated() {
            let row = provider(index)
            drawRow(
                row, widths: widths, role: row.role ?? .normal, selected: index == state.selection ? bar : nil, y: body.y + line,
                area: area, into: &buffer, theme: theme)
        }
    }

    /// Where the selection bar ends: after the first flexible column (the name, the title), the
    /// column a row is read by. The rest of the selected row keeps its roles, so moving one row
    /// rewrites two names, not two whole lines (236 bytes a row down at 80 columns with a
    /// full-width bar), and a mark keeps its colour under the selection.
    func selectionBar(widths: [Int], area: Rect) -> Range<Int> {
        var x = area.x
        for (column, width) in zip(columns, widths) {
            x += width
            if case .flexible = column.width, width > 0 { return area.x..<min(area.maxX, x) }
            x += spacing
        }
        return area.x..<area.maxX
    }

    /// One line in `role`, each cell fitted to its column. On the selected row the cells in the
    /// bar (`selected`) give their roles way to `selected`, as one unbroken bar.
    private func drawRow(
        _ row: TableRow, widths: [Int], role: StyleRole, selected bar: Range<Int>?, y: Int, area: Rect,
        into buffer: inout ScreenBuffer, theme: Theme
    ) {
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
        if let bar { buffer.fill(Rect(x: bar.lowerBound, y: y, width: bar.count, height: 1), role: .selected) }
        var x = area.x
        for (column, width) in zip(columns.indices, widths) {
            defer { x += width + spacing }
            guard width > 0 else { continue }
            let text = column < row.cells.count ? row.cells[column] : ""
            let cellRole =
                bar?.contains(x) == true ? .selected : (column < row.cellRoles.count ? row.cellRoles[column] : nil) ?? role
            if column < row.bars.count, let bar = row.bars[column] {
                bar.render(
                    into: &buffer, in: Rect(x: x, y: y, width: width, height: 1), role: cellRole, label: text, theme: theme)
                continue
            }
            buffer.putLine(
                text, in: Rect(x: x, y: y, width: width, height: 1), role: cellRole,
                alignment: columns[column].alignment, ellipsis: theme.glyphs.ellipsis)
        }
    }
}
