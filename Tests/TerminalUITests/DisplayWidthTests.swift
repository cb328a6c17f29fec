import Testing
import TerminalUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test("Latin names with accents are one column per letter, precomposed or not")
    func accentedNames() {
        #expect(Names.josePrecomposed.displayWidth == 10)
        #expect(Names.joseDecomposed.displayWidth == 10)
        #expect(Names.nguyen.displayWidth == 12)
        #expect(Names.nguyenDecomposed.displayWidth == 12)
        #expect(Names.oneil.displayWidth == 12)
    }

    @Test("East Asian wide characters take two columns")
    func wide() {
        #expect(Names.bruceLee.displayWidth == 6)
        #expect("한국".displayWidth == 4)
        #expect("ひらがな カタカナ".displayWidth == 17)
        #expect("ＡＢ".displayWidth == 4)
        #expect("ｶ".displayWidth == 1)  // halfwidth katakana
    }

    @Test("Emoji are two columns, however many scalars", arguments: ["👍", "👩‍💻", "🇵🇼", "❤️", "👍🏽", "1️⃣"])
    func emoji(_ text: String) {
        #expect(text.count == 1)
        #expect(text.displayWidth == 2)
    }

    @Test(
        "Zero-width characters and lone combining marks take no columns",
        arguments: ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{301}", "\u{FE0F}", "\u{FE00}"])
    func zeroWidth(_ text: String) {
        #expect(text.displayWidth == 0)
    }

    @Test(
        "Text is measured as drawn: controls count like their replacement, bidi controls as nothing",
        arguments: ["a\tb", "x\r\ny", "\u{1B}[2J", "\u{202E}abc", "\u{9B}1m", "\u{7F}", "é\u{8}"])
    func measuredAsSanitised(_ text: String) {
        #expect(text.displayWidth == DisplaySanitizer.sanitize(text).displayWidth)
    }

    @Test("Scripts with spacing marks sum their scalars as wcwidth does")
    func indic() {
        #expect("नमस्ते".displayWidth == 4)
        #expect("ไทย".displayWidth == 3)
    }
}

@Suite("Truncation and padding")
struct TruncationTests {
    @Test("Cut text ends with an ellipsis and never splits a grapheme")
    func truncation() {
        #expect(Names.josePrecomposed.truncated(toWidth: 6) == "José…")
        #expect(Names.joseDecomposed.truncated(toWidth: 6) == "José…")
        let cut = Names.joseDecomposed.truncated(toWidth: 4)
        #expect(cut == "Jos…")
        #expect(!cut.unicodeScalars.contains("\u{301}"))
        #expect(Names.nguyen.truncated(toWidth: 8) == "Nguyễn…")
        #expect(Names.oneil.truncated(toWidth: 12) == Names.oneil)
        #expect(Names.oneil.truncated(toWidth: 8, ellipsis: "~") == "O'Neil-~")
    }

    @Test("A wide character that does not fit is left out whole")
    func wideTruncation() {
        #expect(Names.bruceLee.truncated(toWidth: 6) == "李小龍")
        #expect(Names.bruceLee.truncated(toWidth: 5) == "李小…")
        #expect(Names.bruceLee.truncated(toWidth: 4) == "李…")
        #expect(Names.bruceLee.truncated(toWidth: 4).displayWidth == 3)
        #expect(Names.bruceLee.fitted(toWidth: 4) == "李… ")
        #expect(Names.bruceLee.truncated(toWidth: 2) == "…")
        #expect(Names.bruceLee.truncated(toWidth: 1) == "…")
        #expect(Names.bruceLee.truncated(toWidth: 0) == "")
        #expect(Names.bruceLee.truncated(toWidth: -3) == "")
        #expect("👩‍💻 Ana".truncated(toWidth: 3) == "👩‍💻…")
    }

    @Test("Clipping without a mark pads half a wide character with a space")
    func clipping() {
        #expect(Names.bruceLee.clipped(toWidth: 3) == "李 ")
        #expect(Names.bruceLee.clipped(toWidth: 1) == " ")
        #expect(Names.bruceLee.clipped(toWidth: 10) == "李小龍")
        #expect("abc".clipped(toWidth: 0) == "")
    }

    @Test("Padding aligns by display width")
    func padding() {
        #expect("李".padded(toWidth: 5, alignment: .right) == "   李")
        #expect(Names.joseDecomposed.padded(toWidth: 12) == Names.josePrecomposed + "  ")
        #expect("José".padded(toWidth: 8, alignment: .center) == "  José  ")
        #expect("ab".padded(toWidth: 5, alignment: .center) == " ab  ")
        #expect("abc".padded(toWidth: 2) == "abc")
        for width in 0...14 {
            for name in [Names.josePrecomposed, Names.bruceLee, Names.nguyenDecomposed, Names.oneil, "👩‍💻x"] {
                #expect(name.fitted(toWidth: width, alignment: .right).displayWidth == width)
            }
        }
    }

    @Test("Truncating fits sanitised text")
    func truncationSanitises() {
        #expect("Ana\tLima".truncated(toWidth: 20) == "Ana Lima")
        #expect("\u{1B}[2Jabc".truncated(toWidth: 3) == "\u{FFFD}[…")
    }
}

@Suite("Word wrap")
struct WordWrapTests {
    @Test("Greedy wrap by display width")
    func wrap() {
        #expect(
            WordWrap.lines("Mark every unmarked participant present?", width: 16)
                == ["Mark every", "unmarked", "participant", "present?"])
        #expect(WordWrap.lines("李小龍 李小龍 李小龍", width: 13) == ["李小龍 李小龍", "李小龍"])
        #expect(WordWrap.lines("", width: 10) == [""])
        #expect(WordWrap.lines("abc", width: 0) == [])
    }

    @Test("Paragraphs stay apart and long words break between graphemes")
    func paragraphsAndLongWords() {
        #expect(WordWrap.lines("One\n\nTwo  three", width: 20) == ["One", "", "Two three"])
        #expect(WordWrap.lines("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(WordWrap.lines("李小龍", width: 3) == ["李", "小", "龍"])
        #expect(WordWrap.lines("李小龍", width: 1) == ["李", "小", "龍"])
        #expect(WordWrap.lines("Jose\u{301}Nu\u{301}n\u{303}ez", width: 4) == ["José", "Núñe", "z"])
    }
}
