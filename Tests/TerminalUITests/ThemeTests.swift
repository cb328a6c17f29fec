import Testing
import TerminalUI

@Suite("Themes")
struct ThemeTests {
    let utf8 = ["LANG": "en_US.UTF-8"]

    @Test("Colour and UTF-8 glyphs by default in a UTF-8 locale")
    func defaults() {
        let theme = Theme.resolve(environment: utf8, noColor: false, ascii: false, colorsAvailable: true)
        #expect(theme == .color)
        #expect(theme.isColor && !theme.ascii)
    }

    @Test("NO_COLOR (non-empty), --no-color and a colourless terminal give monochrome")
    func monochrome() {
        let cases: [([String: String], Bool, Bool, Bool)] = [
            (utf8.merging(["NO_COLOR": "1"]) { $1 }, false, true, false),
            (utf8.merging(["NO_COLOR": ""]) { $1 }, false, true, true),
            (utf8, true, true, false),
            (utf8, false, false, false),
        ]
        for (environment, noColor, colorsAvailable, expectColor) in cases {
            let theme = Theme.resolve(
                environment: environment, noColor: noColor, ascii: false,
                colorsAvailable: colorsAvailable)
            #expect(theme.isColor == expectColor, "\(environment) noColor=\(noColor)")
        }
    }

    @Test("--ascii or a non-UTF-8 locale gives ASCII glyphs; LC_ALL beats LC_CTYPE beats LANG")
    func ascii() {
        func isASCII(_ environment: [String: String], flag: Bool = false) -> Bool {
            Theme.resolve(environment: environment, noColor: false, ascii: flag, colorsAvailable: true).ascii
        }
        #expect(isASCII(utf8, flag: true))
        #expect(isASCII([:]))
        #expect(isASCII(["LANG": "C"]))
        #expect(isASCII(["LANG": "en_US.ISO-8859-1"]))
        #expect(!isASCII(["LANG": "C.utf8"]))
        #expect(!isASCII(["LC_CTYPE": "de_DE.Utf-8", "LANG": "C"]))
        #expect(isASCII(["LC_ALL": "C", "LC_CTYPE": "en_US.UTF-8", "LANG": "en_US.UTF-8"]))
        #expect(!isASCII(["LC_ALL": "", "LC_CTYPE": "", "LANG": "fr_FR.UTF-8"]))
        #expect(!isASCII(["LC_ALL": "POSIX.UTF-8", "LANG": "C"]))
    }

    @Test("Monochrome uses no colour; the selection is reverse video in every theme")
    func monochromeStyles() {
        for role in StyleRole.allCases {
            let style = Theme.monochrome.style(for: role)
            #expect(style.foreground == nil && style.background == nil, "\(role)")
        }
        for theme in [Theme.color, .monochrome, Theme.color.asciiVariant(), Theme.monochrome.asciiVariant()] {
            #expect(theme.style(for: .selected).reverse)
        }
        #expect(Theme.color.style(for: .normal) == .plain)
    }

    @Test("The ASCII variant draws +-| borders, ~ and P A L E")
    func asciiGlyphs() {
        let theme = Theme.monochrome.asciiVariant()
        #expect(theme.ascii && !theme.isColor)
        #expect(theme.name == "monochrome-ascii")
        #expect(theme.asciiVariant() == theme)
        let g = theme.glyphs
        #expect([g.topLeft, g.horizontal, g.vertical] == ["+", "-", "|"])
        #expect(g.ellipsis == "~")
        #expect([g.markPresent, g.markAbsent, g.markLate, g.markExcused] == ["P", "A", "L", "E"])
        #expect([Glyphs.unicode.markPresent, Glyphs.unicode.markAbsent] == ["✓", "✗"])
    }

    @Test("Every border, mark and ellipsis glyph is one column", arguments: [Glyphs.unicode, .ascii])
    func glyphWidths(_ g: Glyphs) {
        let single =
            [
                g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.ellipsis,
                g.breadcrumbSeparator, g.times, g.markPresent, g.markAbsent, g.markLate, g.markExcused,
                g.moreAbove, g.moreBelow,
            ] + g.barLevels
        for glyph in single { #expect(glyph.displayWidth == 1, "\(glyph)") }
        if g == .ascii { #expect((single + [g.arrowUp, g.arrowDown]).allSatisfy { $0.allSatisfy(\.isASCII) }) }
    }
}
