import TerminalUI
import Testing
@testable import TerminalUICurses

/// Theme → attributes/pairs and cell text → code points, without a terminal.
@Suite struct DrawingRulesTests {
    private func pairNumber(of role: StyleRole) -> Int32 {
        Int32(StyleRole.allCases.firstIndex(of: role)! + 1)
    }

    @Test func rolesMapToAttributes() {
        let styles = CursesStyles(theme: .monochrome, useColor: false)
        let selected = styles.rendition(for: .selected)
        #expect(selected.attributes == CursesStyles.attributes(of: Style(reverse: true)))
        #expect(
            styles.rendition(for: .columnHeader).attributes
                == CursesStyles.attributes(of: Style(bold: true, underline: true)))
        #expect(styles.rendition(for: .normal).attributes == 0)
        #expect(styles.pairs.isEmpty, "monochrome defines no colour pairs")
        #expect(StyleRole.allCases.allSatisfy { styles.rendition(for: $0).pair == 0 })
    }

    @Test func colouredRolesGetAPairNumberedAfterTheRole() {
        let styles = CursesStyles(theme: .color, useColor: true)
        let header = styles.rendition(for: .header)
        #expect(header.pair == pairNumber(of: .header))
        #expect(header.attributes == CursesStyles.attributes(of: Style(bold: true)))
        #expect(styles.pairs.contains(.init(pair: pairNumber(of: .header), foreground: 7, background: 4)))
        // Unset colours stay the terminal's default.
        #expect(styles.pairs.contains(.init(pair: pairNumber(of: .present), foreground: 2, background: -1)))
        // Roles without colours need no pair.
        #expect(styles.rendition(for: .selected).pair == 0)
        #expect(styles.rendition(for: .normal).pair == 0)
    }

    @Test func withoutColourTheColourThemeKeepsItsAttributes() {
        let styles = CursesStyles(theme: .color, useColor: false)
        #expect(styles.pairs.isEmpty)
        #expect(styles.rendition(for: .header).pair == 0)
        #expect(styles.rendition(for: .header).attributes == CursesStyles.attributes(of: Style(bold: true)))
    }

    @Test func pairsBeyondTheTerminalsLimitFallBackToAttributes() {
        let styles = CursesStyles(theme: .color, useColor: true, maxPairs: 3)
        #expect(styles.pairs.allSatisfy { $0.pair < 3 })
        #expect(styles.rendition(for: .footerKey).pair == 0)
    }

    @Test(
        arguments: [
            ("a", 1, true, ["a"]),
            ("", 1, true, [" "]),
            ("é", 1, true, ["é"]),
            ("e\u{301}", 1, true, ["e", "\u{301}"]),
            ("李", 2, true, ["李"]),
            ("\r", 1, true, [" "]),
            ("\u{8}", 1, true, ["\u{FFFD}"]),
            ("\u{1B}", 1, true, ["\u{FFFD}"]),
            ("\u{9B}", 1, true, ["\u{FFFD}"]),
            ("\u{202E}", 1, true, [" "]),
            ("\u{301}", 1, true, [" ", "\u{301}"]),
            ("é", 1, false, ["?"]),
            ("e\u{301}", 1, false, ["e"]),
            ("\u{1B}", 1, false, ["?"]),
        ] as [(String, Int, Bool, [Unicode.Scalar])])
    func cellText(text: String, width: Int, unicode: Bool, expected: [Unicode.Scalar]) {
        #expect(CellText.scalars(for: text, width: width, columnsLeft: 10, unicode: unicode) == expected)
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        #expect(CellText.scalars(for: "李", width: 2, columnsLeft: 1, unicode: true) == [" "])
    }

    @Test func aCellHoldsAtMostFiveCodePoints() {
        let stacked = "a" + String(repeating: "\u{301}", count: 8)
        #expect(CellText.scalars(for: stacked, width: 1, columnsLeft: 10, unicode: true).count == 5)
    }
}
