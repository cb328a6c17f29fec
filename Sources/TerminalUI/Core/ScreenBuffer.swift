/// One terminal cell: a grapheme, how many columns it takes, and what it means.
///
/// A wide grapheme (CJK) occupies its cell with `width == 2` and the cell to its right holds a
/// continuation (`width == 0`, empty text), so every row always has exactly `size.width` cells.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: Int
    public var role: StyleRole

    public init(text: String = " ", width: Int = 1, role: StyleRole = .normal) {
        self.text = text; self.width = width; self.role = role
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}

/// The whole frame a screen renders into. Rendering is a pure function from state to this
/// buffer; a backend (curses, or the in-memory terminal in tests) only copies it out.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a text field being edited), or nil to hide it.
    public var cursor: Point?
    /// Text put into this frame is transliterated to ASCII first (``Theme/asciiText``): word by
    /// word, before layout, so "李小龍" reads "Li Xiao Long" rather than one "?" per column.
    public var asciiText: Bool

    public init(size: Size, fill: Cell = .blank, asciiText: Bool = false) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: fill, count: self.size.width * self.size.height)
        self.asciiText = asciiText
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// The cells of one row.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * size.width)..<((y + 1) * size.width)]
    }
}
