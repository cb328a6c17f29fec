/// The characters a theme draws with, so UTF-8 and ASCII terminals get the same screens.
///
/// Borders, marks and the ellipsis are one column wide; arrow names may be words ("Down"). The
/// ASCII set exists for `--ascii` and non-UTF-8 locales,
/// where curses would silently drop anything outside ASCII: a missing border is ugly, a missing
/// `✓` loses the mark's meaning, so ASCII marks are the letters `P A L E`.
public struct Glyphs: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Ends truncated text.
    public var ellipsis: String
    /// Between breadcrumbs in the header ("Palau MMC 2024 › Day 2").
    public var breadcrumbSeparator: String
    /// The "×" in sizes ("60×16").
    public var times: String
    public var markPresent: String
    public var markAbsent: String
    public var markLate: String
    public var markExcused: String
    /// Shown where more content lies above or below a scrolled view.
    public var moreAbove: String
    public var moreBelow: String
    /// Arrow key names in hints and help ("j/↓").
    public var arrowUp: String
    public var arrowDown: String
    public var arrowLeft: String
    public var arrowRight: String
    /// A bar's partial cells, least to most filled; the last is a whole cell (``Bar``). Unicode
    /// has eighths, so a bar moves in eighths of a cell; ASCII has halves, `=` and `#`.
    public var barLevels: [String]
    /// A stacked bar's parts in order, one glyph each so they read apart without colour
    /// (present, late, excused, absent on the overview); ASCII uses the marks' letters.
    public var barSegments: [String]

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", breadcrumbSeparator: "›", times: "×",
        markPresent: "✓", markAbsent: "✗", markLate: "L", markExcused: "E",
        moreAbove: "▲", moreBelow: "▼",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
        barLevels: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barSegments: ["█", "▓", "▒", "░"])

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", breadcrumbSeparator: ">", times: "x",
        markPresent: "P", markAbsent: "A", markLate: "L", markExcused: "E",
        moreAbove: "^", moreBelow: "v",
        arrowUp: "Up", arrowDown: "Down", arrowLeft: "Left", arrowRight: "Right",
        barLevels: ["=", "#"], barSegments: ["P", "L", "E", "A"])
}
