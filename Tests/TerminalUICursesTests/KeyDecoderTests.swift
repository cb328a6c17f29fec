import TerminalUI
import Testing
@testable import TerminalUICurses

/// The code → key rules, without a terminal. Key codes are written as the numbers in
/// <ncursesw/curses.h> (they are part of curses' ABI), so the tests check the mapping rather
/// than restate it.
@Suite struct KeyDecoderTests {
    @Test(
        arguments: [
            (0o403, Key.up), (0o402, .down), (0o404, .left), (0o405, .right),
            (0o523, .pageUp), (0o522, .pageDown), (0o535, .pageUp), (0o540, .pageDown),
            (0o406, .home), (0o552, .home), (0o534, .home),
            (0o550, .end), (0o601, .end), (0o537, .end),
            (0o407, .backspace), (0o512, .delete), (0o513, .insert), (0o527, .enter),
            (0o541, .backTab), (0o632, .resize),
            (0o411, .function(1)), (0o414, .function(4)), (0o424, .function(12)), (0o440, .function(24)),
            (0o410, .unknown), (0o441, .unknown), (0o536, .unknown), (0o631, .unknown), (0o777, .unknown),
        ] as [(Int32, Key)])
    func keyCodes(code: Int32, expected: Key) {
        #expect(KeyDecoder.key(forKeyCode: code) == expected)
    }

    @Test(
        arguments: [
            (8, Key.backspace), (127, .backspace), (9, .tab), (10, .enter), (13, .enter), (27, .escape),
            (1, .ctrl("a")), (3, .ctrl("c")), (4, .ctrl("d")), (12, .ctrl("l")), (21, .ctrl("u")),
            (26, .ctrl("z")), (17, .ctrl("q")), (19, .ctrl("s")),
            (0, .unknown), (28, .unknown), (29, .unknown), (31, .unknown),
            (0x85, .unknown), (0x9B, .unknown),
            (0xD800, .unknown), (0x11_0000, .unknown),
            (0x20, .char(" ")), (0x71, .char("q")), (0x51, .char("Q")), (0x3F, .char("?")),
            (0xE9, .char("é")), (0xD1, .char("Ñ")), (0x674E, .char("李")), (0x1EC5, .char("ễ")),
            (0x301, .char("\u{301}")), (0x1F600, .char("😀")),
        ] as [(UInt32, Key)])
    func characters(value: UInt32, expected: Key) {
        #expect(KeyDecoder.key(forCharacter: value) == expected)
    }

    @Test func mouse() {
        func key(_ buttons: UInt32) -> Key { KeyDecoder.key(forMouse: MouseReport(buttons: buttons, x: 7, y: 3)) }
        let at = Point(x: 7, y: 3)
        #expect(key(MouseMask.button1Pressed) == .mouse(MouseEvent(kind: .press, at: at)))
        #expect(key(MouseMask.button1Clicked) == .mouse(MouseEvent(kind: .press, at: at)))
        #expect(key(MouseMask.button1Released) == .mouse(MouseEvent(kind: .release, at: at)))
        #expect(key(MouseMask.wheelUp) == .mouse(MouseEvent(kind: .wheelUp, at: at)))
        #expect(key(MouseMask.wheelDown) == .mouse(MouseEvent(kind: .wheelDown, at: at)))
        #expect(key(0) == .unknown)
    }

    @Test func aBatchDecodesInOrder() {
        let inputs: [CursesInput] = [
            .character(0x6A), .keyCode(0o402), .character(13),
            .mouse(MouseReport(buttons: MouseMask.wheelDown, x: 0, y: 5)),
        ]
        #expect(
            KeyDecoder.keys(from: inputs) == [
                .char("j"), .down, .enter, .mouse(MouseEvent(kind: .wheelDown, at: Point(x: 0, y: 5))),
            ])
    }

    /// curses hands back sequences it has no terminfo entry for as loose characters; they must not
    /// become Escape plus typed text (the kiosk's name field would fill with "[1;5H").
    @Test func unknownEscapeSequencesBecomeOneUnknownKey() {
        func chars(_ text: String) -> [CursesInput] { text.unicodeScalars.map { .character($0.value) } }
        #expect(KeyDecoder.keys(from: chars("\u{1B}[1;5Hab")) == [.unknown, .char("a"), .char("b")])
        #expect(KeyDecoder.keys(from: chars("\u{1B}[200~x")) == [.unknown, .char("x")])
        #expect(KeyDecoder.keys(from: chars("\u{1B}OPz")) == [.unknown, .char("z")])
        #expect(KeyDecoder.keys(from: chars("\u{1B}O5Pz")) == [.unknown, .char("z")])
        // A truncated sequence at the end of the batch is swallowed too.
        #expect(KeyDecoder.keys(from: chars("\u{1B}[12")) == [.unknown])
    }

    /// OSC, DCS and friends in a paste ("set the title", "copy to clipboard") type nothing.
    @Test func controlStringsInAPasteTypeNothing() {
        func chars(_ text: String) -> [CursesInput] { text.unicodeScalars.map { .character($0.value) } }
        #expect(KeyDecoder.keys(from: chars("\u{1B}]0;x\u{07}ab")) == [.unknown, .char("a"), .char("b")])
        #expect(KeyDecoder.keys(from: chars("\u{1B}]52;c;ZXZpbA==\u{1B}\\z")) == [.unknown, .char("z")])
        #expect(KeyDecoder.keys(from: chars("\u{1B}Pq#0;2;0;0;0\u{1B}\\")) == [.unknown])
        #expect(KeyDecoder.keys(from: chars("\u{1B}[2J\u{1B}]0;x\u{07}")) == [.unknown, .unknown])
        #expect(
            KeyDecoder.keys(from: chars("\u{1B}]8;;http://e.x\u{1B}\\link")) == [.unknown, .char("l"), .char("i"), .char("n"), .char("k")])
    }

    @Test func escapeOnItsOwnOrBeforeOrdinaryKeysStaysEscape() {
        func chars(_ text: String) -> [CursesInput] { text.unicodeScalars.map { .character($0.value) } }
        #expect(KeyDecoder.keys(from: chars("\u{1B}")) == [.escape])
        #expect(KeyDecoder.keys(from: chars("\u{1B}\u{1B}\u{1B}")) == [.escape, .escape, .escape])
        #expect(KeyDecoder.keys(from: chars("\u{1B}x")) == [.escape, .char("x")])  // Alt-x
        #expect(KeyDecoder.keys(from: [.character(27), .keyCode(0o403)]) == [.escape, .up])
    }
}
