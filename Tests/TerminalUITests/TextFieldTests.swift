import Testing
import TerminalUI

@Suite("Text field")
struct TextFieldTests {
    func typed(_ text: String, maxLength: Int = 64) -> TextField {
        var field = TextField(maxLength: maxLength)
        for character in text { field.handle(.char(character)) }
        return field
    }

    @Test("Typing inserts at the cursor; the cursor moves by grapheme")
    func editing() {
        var field = typed("Jose")
        field.handle(.left)
        field.handle(.left)
        field.handle(.char("X"))
        #expect(field.text == "JoXse" && field.cursor == 3)
        field.handle(.home)
        field.handle(.delete)
        #expect(field.text == "oXse" && field.cursor == 0)
        field.handle(.end)
        field.handle(.backspace)
        #expect(field.text == "oXs" && field.cursor == 3)
        field.handle(.right)
        #expect(field.cursor == 3)
        for key in [Key.enter, .escape, .up, .tab] {
            let used = field.handle(key)
            #expect(!used, "\(key)")
        }
        #expect(field.text == "oXs")
    }

    @Test("A combining mark typed after its letter joins it; backspace removes the grapheme")
    func graphemes() {
        var field = typed("Jos")
        field.handle(.char("e"))
        field.handle(.char("\u{301}"))  // a dead key: the mark arrives on its own
        #expect(field.text == "José" && field.cursor == 4 && field.text.count == 4)
        field.handle(.backspace)
        #expect(field.text == "Jos")
        var wide = typed(Names.bruceLee)
        wide.handle(.left)
        wide.handle(.backspace)
        #expect(wide.text == "李龍" && wide.cursor == 1)
    }

    @Test("Ctrl-U clears, Ctrl-W deletes the word before the cursor, Ctrl-K to the end")
    func killKeys() {
        var field = typed("Tellei  Ngirachitei ")
        field.handle(.ctrl("w"))
        #expect(field.text == "Tellei  ")
        field.handle(.ctrl("w"))
        #expect(field.text == "" && field.cursor == 0)
        field = typed("abc def")
        field.handle(.home)
        field.handle(.right)
        field.handle(.ctrl("k"))
        #expect(field.text == "a")
        field.handle(.ctrl("u"))
        #expect(field.isEmpty && field.cursor == 0)
    }

    @Test("Input is capped at the maximum length, excess dropped, even from a huge paste")
    func maxLength() {
        let field = typed(String(repeating: "a", count: 100))
        #expect(field.text.count == 64)
        var pasted = TextField()
        pasted.insert(String(repeating: "李", count: 100_000))
        #expect(pasted.text.count == 64 && pasted.cursor == 64)
        pasted.handle(.home)
        pasted.handle(.char("x"))
        #expect(pasted.text.count == 64 && pasted.text.first == "李")
        var short = TextField(text: "abcdef", maxLength: 3)
        #expect(short.text == "abc")
        short.handle(.backspace)
        short.handle(.char("e"))
        short.handle(.char("\u{301}"))  // joins "e": still 3 graphemes
        #expect(short.text == "abé")
    }

    @Test("Controls, escapes and line breaks never enter the text")
    func controls() {
        var field = TextField()
        field.insert("Ana\u{1B}[2J\r\nLima\u{202E}\t\u{7}")
        #expect(field.text == "Ana[2JLima")
        field.handle(.char("\u{1B}"))
        #expect(field.text == "Ana[2JLima")
    }

    @Test("Render shows the text, scrolls to keep the cursor in view and places the cursor")
    func render() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 1))
        var field = typed("\(Names.bruceLee) abc")
        field.render(into: &buffer, rect: Rect(x: 2, y: 0, width: 8, height: 1), theme: .color)
        // "李小龍 abc" is 10 columns and the cursor needs an 11th: 李 and 小 scroll away.
        #expect(buffer.text(row: 0) == "  龍 abc    ")
        #expect(buffer.cursor == Point(x: 8, y: 0))
        field.handle(.home)
        field.render(into: &buffer, rect: Rect(x: 2, y: 0, width: 8, height: 1), theme: .color)
        #expect(buffer.text(row: 0) == "  李小龍 a  ")
        #expect(buffer.cursor == Point(x: 2, y: 0))
        #expect(SnapshotText.roleLines(buffer) == ["..IIIIIIII.."])
    }

    @Test("Placeholder when empty, mask for PINs")
    func placeholderAndMask() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        TextField(placeholder: "Your name").render(into: &buffer, rect: Rect(x: 0, y: 0, width: 10, height: 1), theme: .color)
        #expect(buffer.text(row: 0) == "Your name ")
        #expect(buffer.cursor == Point(x: 0, y: 0))
        TextField(text: "1234", mask: "*").render(into: &buffer, rect: Rect(x: 0, y: 0, width: 10, height: 1), theme: .color)
        #expect(buffer.text(row: 0) == "****      ")
        #expect(buffer.cursor == Point(x: 4, y: 0))
    }
}
