/// Drawing into a frame.
///
/// Two rules hold for every function here, for any input:
/// - Nothing traps. Points may be negative or far outside the buffer, widths may be huge; what
///   falls outside is clipped, because layouts computed for a 1×1 terminal must still draw.
/// - Rows stay well formed (see ``ScreenBuffer/isWellFormed``): a wide cell is always followed by
///   its continuation. Writing over half of a wide character turns the other half into a space,
///   so the backend never receives half a character.
///
/// Text is sanitised (``DisplaySanitizer``) on the way in, so no drawn name can move the cursor.
extension ScreenBuffer {
    /// Writes `text` from `point` rightwards on one row, clipped to `maxWidth` columns and to the
    /// buffer, and returns how many columns it advanced. A wide character that would straddle
    /// the limit is written as a space instead; zero-width graphemes with nothing to attach to
    /// are dropped.
    @discardableResult
    public mutating func put(
        _ text: String, at point: Point, role: StyleRole = .normal,
        maxWidth: Int? = nil
    ) -> Int {
        guard point.y >= 0, point.y < size.height else { return 0 }
        let limit = min(size.width, point.x.saturatingAdd(max(0, maxWidth ?? .max)))
        var x = point.x
        let text = asciiText ? ASCIIFallback.text(text) : text
        for character in text.sanitizedForDisplay {
            guard x < limit else { break }
            let width = character.displayWidth
            if width == 0 { continue }
            if x.saturatingAdd(width) > limit {
                if x >= 0 { setCell(Cell(text: " ", role: role), x: x, y: point.y) }
                x += 1
                break
            }
            if x >= 0 {
                if width == 2 {
                    setWideCell(Cell(text: String(character), width: 2, role: role), x: x, y: point.y)
                } else {
                    setCell(Cell(text: String(character), width: 1, role: role), x: x, y: point.y)
                }
            } else if x + width > 0 {
                // The right half of a wide character sticks out at column 0.
                setCell(Cell(text: " ", role: role), x: 0, y: point.y)
            }
            x += width
        }
        return max(0, x.saturatingSubtract(point.x))
    }

    /// Writes styled runs one after another; runs without a role use `role`.
    @discardableResult
    public mutating func put(
        _ text: StyledText, at point: Point, role: StyleRole = .normal,
        maxWidth: Int? = nil
    ) -> Int {
        var used = 0
        let budget = max(0, maxWidth ?? .max)
        for run in text.runs {
            guard used < budget else { break }
            used += put(
                run.text, at: Point(x: point.x.saturatingAdd(used), y: point.y),
                role: run.role ?? role, maxWidth: budget - used)
        }
        return used
    }

    /// Fills the first row of `rect` with `text` fitted to its width: truncated with `ellipsis`,
    /// aligned, and the rest of the row painted in `role` (so a selected row is one bar).
    public mutating func putLine(
        _ text: String, in rect: Rect, role: StyleRole = .normal,
        alignment: HorizontalAlignment = .left, ellipsis: String = "…"
    ) {
        guard !rect.isEmpty else { return }
        // Paint and position rather than pad: padding a string to a huge rect's width would
        // allocate that many spaces.
        fill(rect.top(1), role: role)
        let shown = text.truncated(toWidth: rect.width, ellipsis: ellipsis)
        let gap = rect.width - shown.displayWidth
        let left =
            switch alignment {
            case .left: 0
            case .right: gap
            case .center: gap / 2
            }
        put(shown, at: Point(x: rect.x.saturatingAdd(left), y: rect.y), role: role, maxWidth: rect.width - left)
    }

    /// Paints every cell of `rect` with `character` in `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole = .normal, with character: Character = " ") {
        let area = rect.intersection(Rect(size: size))
        let cell = Cell(text: String(character), width: 1, role: role)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { setCell(cell, x: x, y: y) }
        }
    }

    /// Changes the role of every cell in `rect`, keeping the text (a selection bar over
    /// already drawn cells).
    public mutating func setRole(_ role: StyleRole, in rect: Rect) {
        let area = rect.intersection(Rect(size: size))
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y].role = role }
        }
    }

    /// A horizontal line of `glyph` from `point`, `width` columns long.
    public mutating func horizontalLine(
        at point: Point, width: Int, role: StyleRole = .border,
        glyph: String = "─"
    ) {
        drawRun(of: glyph, from: point, count: width, dx: 1, dy: 0, role: role)
    }

    /// A vertical line of `glyph` from `point`, `height` rows long.
    public mutating func verticalLine(
        at point: Point, height: Int, role: StyleRole = .border,
        glyph: String = "│"
    ) {
        drawRun(of: glyph, from: point, count: height, dx: 0, dy: 1, role: role)
    }

    /// A frame around `rect` with the given border glyphs, an optional title set into the top
    /// edge (" Title ", truncated), and the inside filled in `fillRole` when given. Rectangles
    /// smaller than 2×2 are filled instead, as no frame fits.
    public mutating func box(
        _ rect: Rect, role: StyleRole = .border, glyphs: Glyphs,
        title: String? = nil, fillRole: StyleRole? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else {
            fill(rect, role: fillRole ?? role)
            return
        }
        guard !rect.intersection(Rect(size: size)).isEmpty else { return }
        if let fillRole { fill(rect.inset(1), role: fillRole) }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        horizontalLine(at: Point(x: rect.x + 1, y: rect.y), width: rect.width - 2, role: role, glyph: glyphs.horizontal)
        horizontalLine(at: Point(x: rect.x + 1, y: bottom), width: rect.width - 2, role: role, glyph: glyphs.horizontal)
        verticalLine(at: Point(x: rect.x, y: rect.y + 1), height: rect.height - 2, role: role, glyph: glyphs.vertical)
        verticalLine(at: Point(x: right, y: rect.y + 1), height: rect.height - 2, role: role, glyph: glyphs.vertical)
        put(glyphs.topLeft, at: Point(x: rect.x, y: rect.y), role: role, maxWidth: 1)
        put(glyphs.topRight, at: Point(x: right, y: rect.y), role: role, maxWidth: 1)
        put(glyphs.bottomLeft, at: Point(x: rect.x, y: bottom), role: role, maxWidth: 1)
        put(glyphs.bottomRight, at: Point(x: right, y: bottom), role: role, maxWidth: 1)
        if let title, !title.isEmpty, rect.width > 4 {
            let label = " " + title.truncated(toWidth: rect.width - 6, ellipsis: glyphs.ellipsis) + " "
            put(label, at: Point(x: rect.x + 2, y: rect.y), role: role, maxWidth: rect.width - 4)
        }
    }

    /// A frame in the default glyphs, or ASCII `+-|` ones.
    public mutating func box(_ rect: Rect, role: StyleRole = .border, ascii: Bool) {
        box(rect, role: role, glyphs: ascii ? .ascii : .unicode)
    }

    // MARK: - Cell writes that keep rows well formed

    /// Writes a one-column cell, first repairing any wide character it overlaps.
    mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let old = self[x, y]
        if old.isContinuation, x > 0, self[x - 1, y].width == 2 {
            self[x - 1, y] = Cell(text: " ", width: 1, role: self[x - 1, y].role)
        }
        if old.width == 2, x + 1 < size.width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(text: " ", width: 1, role: old.role)
        }
        self[x, y] = cell
    }

    /// Writes a two-column cell and its continuation; the caller guarantees `x + 1` is inside.
    private mutating func setWideCell(_ cell: Cell, x: Int, y: Int) {
        setCell(.blank, x: x, y: y)
        setCell(.blank, x: x + 1, y: y)
        self[x, y] = cell
        self[x + 1, y] = Cell(text: "", width: 0, role: cell.role)
    }

    /// `count` copies of a one-column glyph along a direction, touching only visible cells so a
    /// huge count costs nothing.
    private mutating func drawRun(
        of glyph: String, from point: Point, count: Int, dx: Int, dy: Int,
        role: StyleRole
    ) {
        let text = glyph.sanitizedForDisplay.clipped(toWidth: 1)
        let cell = Cell(text: text.isEmpty ? " " : text, width: 1, role: role)
        let length = max(0, count)
        let start = max(0, 0.saturatingSubtract(dx == 1 ? point.x : point.y))
        let room = dx == 1 ? size.width.saturatingSubtract(point.x) : size.height.saturatingSubtract(point.y)
        let end = min(length, room)
        guard start < end else { return }
        for i in start..<end {
            setCell(cell, x: point.x + i * dx, y: point.y + i * dy)
        }
    }
}
