/// How roles look, and which glyphs to draw with.
///
/// Screens only ever name roles; the theme decides what a role looks like. That is what lets
/// one render function serve a colour terminal, `NO_COLOR`, a non-UTF-8 console and the
/// snapshot tests. Meaning never rests on colour alone: the selection is reverse video in every
/// theme and marks carry a letter or symbol.
public struct Theme: Hashable, Sendable {
    public var name: String
    /// Whether any role uses a colour; false means only bold/reverse/underline/dim.
    public var isColor: Bool
    /// Whether glyphs are ASCII-only.
    public var ascii: Bool
    /// Whether text, names included, must be drawn in ASCII too (the locale is not UTF-8):
    /// frames are then transliterated ("Nunez, Jose"); see ``ASCIIFallback/text(_:)``.
    /// `--ascii` alone changes only the glyphs, since a UTF-8 terminal shows names as they are.
    public var asciiText = false
    public var glyphs: Glyphs
    /// Styles by role; a role missing here draws plain.
    public var styles: [StyleRole: Style]

    public init(name: String, isColor: Bool, ascii: Bool, glyphs: Glyphs, styles: [StyleRole: Style]) {
        self.name = name; self.isColor = isColor; self.ascii = ascii; self.glyphs = glyphs; self.styles = styles
    }

    public func style(for role: StyleRole) -> Style { styles[role] ?? .plain }

    /// The same look drawn with ASCII glyphs.
    public func asciiVariant() -> Theme {
        var theme = self
        if !ascii { theme.name += "-ascii" }
        theme.ascii = true
        theme.glyphs = .ascii
        return theme
    }

    /// Colours on the terminal's default background, so light and dark terminals both work.
    public static let color = Theme(
        name: "color", isColor: true, ascii: false, glyphs: .unicode,
        styles: [
            .header: Style(foreground: .white, background: .blue, bold: true),
            .columnHeader: Style(bold: true, underline: true),
            .selected: Style(reverse: true),
            .present: Style(foreground: .green, bold: true),
            .absent: Style(foreground: .red, bold: true),
            .late: Style(foreground: .yellow, bold: true),
            .excused: Style(foreground: .cyan),
            .dim: Style(dim: true),
            .error: Style(foreground: .red, bold: true),
            .warning: Style(foreground: .yellow, bold: true),
            .success: Style(foreground: .green, bold: true),
            .accent: Style(foreground: .cyan, bold: true),
            .footer: Style(),
            .footerKey: Style(foreground: .cyan, bold: true),
            .border: Style(foreground: .blue),
            .dialog: Style(),
            .input: Style(underline: true),
        ])

    /// No colour at all (`NO_COLOR`, `--no-color`, or a terminal without colours).
    public static let monochrome = Theme(
        name: "monochrome", isColor: false, ascii: false, glyphs: .unicode,
        styles: [
            .header: Style(reverse: true),
            .columnHeader: Style(bold: true, underline: true),
            .selected: Style(reverse: true),
            .present: Style(bold: true),
            .absent: Style(bold: true),
            .late: Style(underline: true),
            .excused: Style(dim: true),
            .dim: Style(dim: true),
            .error: Style(bold: true, underline: true),
            .warning: Style(bold: true),
            .success: Style(bold: true),
            .accent: Style(bold: true),
            .footer: Style(),
            .footerKey: Style(bold: true),
            .border: Style(),
            .dialog: Style(),
            .input: Style(underline: true),
        ])
}

extension Theme {
    /// The theme for this run.
    ///
    /// - Colour unless `NO_COLOR` is set to a non-empty value (no-color.org), `--no-color` was
    ///   given (`noColor`), or the terminal has no colours (`colorsAvailable` false).
    /// - ASCII glyphs when `--ascii` was given or the locale is not UTF-8 (see
    ///   ``localeIsUTF8(environment:)``), because curses then drops every non-ASCII character.
    public static func resolve(
        environment: [String: String], noColor: Bool, ascii: Bool,
        colorsAvailable: Bool, asciiText: Bool = false
    ) -> Theme {
        let noColorRequested = !(environment["NO_COLOR"] ?? "").isEmpty
        let base: Theme = (noColor || noColorRequested || !colorsAvailable) ? .monochrome : .color
        let utf8 = localeIsUTF8(environment: environment)
        var theme = (ascii || !utf8) ? base.asciiVariant() : base
        theme.asciiText = asciiText || !utf8
        return theme
    }

    /// Whether the locale's character set is UTF-8, decided the way the C library does: the
    /// first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` wins; none at all means the "C" locale,
    /// which is ASCII. Accepts "UTF-8" and "utf8" in any case ("C.UTF-8", "en_US.utf8").
    public static func localeIsUTF8(environment: [String: String]) -> Bool {
        let names = ["LC_ALL", "LC_CTYPE", "LANG"]
        guard let locale = names.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else {
            return false
        }
        let folded = locale.lowercased()
        return folded.contains("utf-8") || folded.contains("utf8")
    }
}
