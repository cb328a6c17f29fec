/// What a cell means, not how it looks. Themes map roles to colours and attributes, so the same
/// screen renders in colour, in monochrome (`NO_COLOR`) and in tests without change.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal
    case header  // the title row at the top of a screen
    case columnHeader  // a table's header row
    case selected  // the selected row; reverse video so it works without colour
    case present
    case absent
    case late
    case excused
    case dim
    case error
    case warning
    case success
    case accent
    case footer  // the bottom line
    case footerKey  // key names in the footer hints
    case border
    case dialog
    case input  // a text field being edited
}

/// The eight ANSI colours curses knows; `nil` in a `Style` means the terminal's default.
public enum Color: Int, Sendable, Hashable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a role looks: colours (nil = terminal default) and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
        reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground; self.background = background; self.bold = bold
        self.reverse = reverse; self.underline = underline; self.dim = dim
    }

    public static let plain = Style()
}
