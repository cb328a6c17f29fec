import Testing
import TerminalUI

@Suite("Sanitising for display")
struct SanitizerTests {
    @Test("Controls that move the cursor or start escapes are replaced")
    func controls() {
        #expect(DisplaySanitizer.sanitize("Alice\rBob") == "Alice Bob")
        #expect(DisplaySanitizer.sanitize("Bob\u{8}\u{8}\u{8}Eve") == "Bob\u{FFFD}\u{FFFD}\u{FFFD}Eve")
        #expect(DisplaySanitizer.sanitize("Mallory\u{1B}[2J") == "Mallory\u{FFFD}[2J")
        #expect(DisplaySanitizer.sanitize("x\u{1B}]52;c;ZXZpbA==\u{7}") == "x\u{FFFD}]52;c;ZXZpbA==\u{FFFD}")
        #expect(DisplaySanitizer.sanitize("\u{9B}31mred") == "\u{FFFD}31mred")
        #expect(DisplaySanitizer.sanitize("a\u{0}b\u{7F}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(DisplaySanitizer.sanitize("Ana\tLima\nRosa") == "Ana Lima Rosa")
        #expect(DisplaySanitizer.sanitize("a\r\nb") == "a  b")
        #expect(DisplaySanitizer.sanitize("a\u{85}b\u{2028}c") == "a b c")
    }

    @Test("Bidi controls are removed so a name cannot display reversed")
    func bidi() {
        #expect(DisplaySanitizer.sanitize("Alice\u{202E}gnp.exe") == "Alicegnp.exe")
        let all = "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{61C}"
        #expect(DisplaySanitizer.sanitize("a\(all)b") == "ab")
    }

    @Test(
        "Clean text passes through untouched",
        arguments: [
            Names.josePrecomposed, Names.joseDecomposed, Names.bruceLee, Names.nguyen, Names.oneil, "👩‍💻", "a\u{200B}b",
        ])
    func clean(_ text: String) {
        #expect(!DisplaySanitizer.needsSanitizing(text))
        #expect(DisplaySanitizer.sanitize(text).unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test("Nothing drawn by the buffer can contain a control or bidi character")
    func drawingSanitises() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 3))
        buffer.put("Alice\rBob\u{8}\u{1B}[2J\u{202E}xyz\u{9B}", at: Point(x: 0, y: 0))
        buffer.put(StyledText("Eve\u{1B}]0;pwned\u{7}", role: .error), at: Point(x: 0, y: 1))
        buffer.putLine("Tab\there", in: Rect(x: 0, y: 2, width: 40, height: 1))
        for cell in buffer.cells {
            #expect(!DisplaySanitizer.needsSanitizing(cell.text), "cell \(cell.text.unicodeScalars.map(\.value))")
        }
        #expect(buffer.text(row: 0).hasPrefix("Alice Bob\u{FFFD}\u{FFFD}[2Jxyz\u{FFFD}"))
        #expect(buffer.text(row: 2).hasPrefix("Tab here"))
    }
}
