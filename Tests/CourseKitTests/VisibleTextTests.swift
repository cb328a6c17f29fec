import CourseKit
import Testing

/// `VisibleText`: what a message that quotes input shows of the characters a terminal acts on.
@Suite struct VisibleTextTests {
    @Test(arguments: [
        ("\u{1B}]0;pwned\u{07}", "␛]0;pwned␇"),
        ("\u{1B}[2J", "␛[2J"),
        ("ok\rforged", "ok␍forged"),
        ("x\u{08}y\u{7F}", "x␈y␡"),
        ("\u{9B}31m", "<U+009B>31m"),
        ("\u{202E}evil\u{2066}", "<U+202E>evil<U+2066>"),
        ("zero\u{200B}width\u{FEFF}", "zero<U+200B>width<U+FEFF>"),
        ("a\nb\tc", "a␊b␉c"),
    ])
    func dangerousCharactersAreShown(input: String, shown: String) {
        #expect(VisibleText.make(input) == shown)
    }

    @Test(arguments: ["José Ñúñez", "李小龍", "Nguyễn Văn A", "O'Neil-Smith", "محمد\u{200C}رضا", "👩\u{200D}💻"])
    func namesAreUnchanged(name: String) {
        #expect(VisibleText.make(name) == name)
    }

    @Test func lineBreaksStayInMessagesOfSeveralLines() {
        #expect(VisibleText.make("one\ntwo\tthree\r\n", keepingLineBreaks: true) == "one\ntwo\tthree\r\n")
        // A lone carriage return would draw the rest over the start of the line: shown.
        #expect(VisibleText.make("one\rtwo\n", keepingLineBreaks: true) == "one␍two\n")
        #expect(VisibleText.make("end\r", keepingLineBreaks: true) == "end␍")
    }

    @Test func quotedValuesAreOneLine() {
        #expect(VisibleText.quoted("a\nmuster: done") == "'a␊muster: done'")
    }

    @Test func errorsShowTheValuesTheyQuote() {
        let error = MusterError.unknownCourse("x\u{1B}]52;c;ZWNobw==\u{07}")
        #expect(error.description == "unknown course 'x␛]52;c;ZWNobw==␇' (see 'muster courses')")
    }
}
