/// A one-line text field as a value: text, cursor and editing by ``Key``.
///
/// The cursor counts graphemes, not scalars or bytes, so it can never sit inside "é" or "李".
/// Input is capped at ``maxLength`` graphemes and the excess dropped, because a kiosk sees
/// pastes of 100 KB and held-down keys; control characters never enter the text.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// Position of the cursor in graphemes, 0...text.count.
    public private(set) var cursor: Int
    public var maxLength: Int
    /// Shown dim while the field is empty ("Type your name").
    public var placeholder: String
    /// Drawn instead of each character (a PIN field), or nil to show the text.
    public var mask: Character?

    public init(text: String = "", maxLength: Int = 64, placeholder: String = "", mask: Character? = nil) {
        self.text = ""
        self.cursor = 0
        self.maxLength = max(0, maxLength)
        self.placeholder = placeholder
        self.mask = mask
        insert(text)
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Applies an editing key. Returns false for keys the field does not use (Enter, Esc, Tab,
    /// arrows up/down…) so the screen can handle them.
    ///
    /// Keys: printable characters insert; Backspace/Delete; Left/Right; Home/End and Ctrl-A/E;
    /// Ctrl-U clears; Ctrl-K deletes to the end; Ctrl-W deletes the word before the cursor.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let character): insert(String(character))
        case .backspace, .ctrl("h"): deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): clear()
        case .ctrl("k"): replace(from: cursor, to: text.count, with: "")
        case .ctrl("w"): deleteWordBackward()
        case .paste(let pasted): insert(PasteText.clean(pasted))
        default: return false
        }
        return true
    }

    /// Inserts text at the cursor (typing or a paste): sanitised, line breaks and controls
    /// dropped, and cut to the room left under ``maxLength``.
    public mutating func insert(_ input: String) {
        var scalars = String.UnicodeScalarView()
        for scalar in input.unicodeScalars where DisplaySanitizer.treatment(of: scalar) == .keep {
            scalars.append(scalar)
        }
        let cleaned = String(scalars)
        guard !cleaned.isEmpty else { return }
        let before = String(text.prefix(cursor))
        let after = String(text.dropFirst(cursor))
        // A combining mark typed on its own (a dead key) joins the grapheme before it, so
        // measure the result rather than the input.
        let room = maxLength - text.count
        var inserted = Substring(cleaned).prefix(max(0, room + 1))
        while !inserted.isEmpty && (before + String(inserted) + after).count > maxLength {
            inserted = inserted.dropLast()
        }
        guard !inserted.isEmpty else { return }
        let head = before + String(inserted)
        text = head + after
        cursor = min(head.count, text.count)
    }

    public mutating func clear() { text = ""; cursor = 0 }

    public mutating func setText(_ newText: String) { clear(); insert(newText) }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        replace(from: cursor - 1, to: cursor, with: "")
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        replace(from: cursor, to: cursor + 1, with: "")
    }

    /// Deletes back to the start of the word before the cursor (spaces first, then the word),
    /// as Ctrl-W does in a shell.
    public mutating func deleteWordBackward() {
        let head = Array(text.prefix(cursor))
        var start = head.count
        while start > 0, head[start - 1].isWhitespace { start -= 1 }
        while start > 0, !head[start - 1].isWhitespace { start -= 1 }
        replace(from: start, to: cursor, with: "")
    }

    private mutating func replace(from start: Int, to end: Int, with replacement: String) {
        let head = String(text.prefix(start)) + replacement
        text = head + String(text.dropFirst(end))
        cursor = min(head.count, text.count)
    }

    // MARK: - Drawing

    /// Draws the field on the first row of `rect` and puts the terminal cursor at the insertion
    /// point. When the text is wider than the field it scrolls so the cursor stays in view,
    /// keeping as much text before the cursor as fits.
    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        let line = rect.top(1)
        buffer.fill(line, role: .input)
        if text.isEmpty {
            if !placeholder.isEmpty {
                buffer.putLine(placeholder, in: line, role: .dim, ellipsis: theme.glyphs.ellipsis)
            }
            buffer.cursor = visibleCursor(Point(x: line.x, y: line.y), in: buffer)
            return
        }
        let shown = mask.map { String(repeating: $0, count: text.count) } ?? text
        let characters = Array(shown)
        // Columns up to the cursor, plus one for the cursor cell itself at the end of the text.
        let cursorColumn = characters[..<cursor].reduce(0) { $0 + $1.displayWidth }
        var first = 0
        var widthBeforeCursor = cursorColumn
        while first < cursor, widthBeforeCursor >= line.width {
            widthBeforeCursor -= characters[first].displayWidth
            first += 1
        }
        let visible = String(characters[first...])
        buffer.put(visible, at: Point(x: line.x, y: line.y), role: .input, maxWidth: line.width)
        buffer.cursor = visibleCursor(Point(x: line.x + widthBeforeCursor, y: line.y), in: buffer)
    }

    private func visibleCursor(_ point: Point, in buffer: ScreenBuffer) -> Point? {
        buffer.cell(at: point) == nil ? nil : point
    }
}
