import Testing
import TerminalUI

@Suite("Drawing on a ScreenBuffer")
struct DrawingTests {
    @Test("put writes text and returns the columns used")
    func put() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        #expect(buffer.put("abc", at: Point(x: 1, y: 0), role: .accent) == 3)
        #expect(buffer.text(row: 0) == " abc  ")
        #expect(buffer[1, 0].role == .accent)
        #expect(buffer[0, 0].role == .normal)
        #expect(buffer.put("abcdef", at: Point(x: 0, y: 0), maxWidth: 2) == 2)
        #expect(buffer.text(row: 0) == "abbc  ")
    }

    @Test("Wide characters take a cell and a continuation")
    func wide() {
        var buffer = ScreenBuffer(size: Size(width: 7, height: 1))
        #expect(buffer.put(Names.bruceLee, at: Point(x: 0, y: 0)) == 6)
        #expect(buffer[0, 0] == Cell(text: "李", width: 2))
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer.text(row: 0) == "李小龍 ")
        #expect(buffer.isWellFormed)
    }

    @Test("A wide character that would cross the right edge becomes a space")
    func wideAtRightEdge() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        #expect(buffer.put(Names.bruceLee, at: Point(x: 0, y: 0), role: .present) == 5)
        #expect(buffer.text(row: 0) == "李小 ")
        #expect(buffer[4, 0] == Cell(text: " ", width: 1, role: .present))
        #expect(buffer.isWellFormed)

        var limited = ScreenBuffer(size: Size(width: 8, height: 1))
        #expect(limited.put("a李", at: Point(x: 0, y: 0), maxWidth: 2) == 2)
        #expect(limited.text(row: 0) == "a       ")
        #expect(limited.isWellFormed)
    }

    @Test("A wide character half off the left edge shows its right half as a space")
    func wideAtLeftEdge() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.fill(Rect(x: 0, y: 0, width: 4, height: 1), with: ".")
        buffer.put("李ab", at: Point(x: -1, y: 0))
        #expect(buffer.text(row: 0) == " ab.")
        #expect(buffer.isWellFormed)
    }

    @Test("Overwriting half of a wide character repairs the other half")
    func overwriteHalf() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.put("李小", at: Point(x: 0, y: 0))
        buffer.put("x", at: Point(x: 1, y: 0))
        #expect(buffer.text(row: 0) == " x小")
        buffer.put("y", at: Point(x: 2, y: 0))
        #expect(buffer.text(row: 0) == " xy ")
        buffer.put("龍", at: Point(x: 1, y: 0))
        #expect(buffer.text(row: 0) == " 龍 ")
        #expect(buffer.isWellFormed)
    }

    @Test("Zero-width graphemes with nothing to attach to are dropped")
    func zeroWidth() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        #expect(buffer.put("\u{301}a\u{200B}b", at: Point(x: 0, y: 0)) == 2)
        #expect(buffer.text(row: 0) == "ab  ")
        buffer.put(Names.joseDecomposed, at: Point(x: 0, y: 0))
        #expect(buffer.text(row: 0) == "José")
    }

    @Test("Clipping never traps, whatever the coordinates")
    func clipping() {
        let extremes = [Int.min, Int.min / 2, -100, -1, 0, 1, 3, 100, Int.max / 2, Int.max]
        for size in [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 5, height: 3)] {
            var buffer = ScreenBuffer(size: size)
            for a in extremes {
                for b in extremes {
                    buffer.put("李ab", at: Point(x: a, y: b % 4), maxWidth: b)
                    buffer.put("李ab", at: Point(x: a, y: 1))
                    buffer.fill(Rect(x: a, y: b, width: Int.max, height: Int.max), role: .dim)
                    buffer.fill(Rect(x: a, y: 0, width: b, height: 2))
                    buffer.box(Rect(x: a, y: b, width: 4, height: 3), ascii: false)
                    buffer.box(Rect(x: 0, y: 0, width: a, height: b), glyphs: .unicode, title: "T")
                    buffer.horizontalLine(at: Point(x: a, y: 1), width: b)
                    buffer.verticalLine(at: Point(x: 1, y: a), height: b)
                    buffer.setRole(.selected, in: Rect(x: a, y: b, width: b, height: a))
                    buffer.putLine("x", in: Rect(x: a, y: 1, width: b, height: 1))
                    _ = buffer.cell(at: Point(x: a, y: b))
                    _ = buffer.text(row: b)
                }
            }
            #expect(buffer.isWellFormed)
            #expect(buffer.cells.count == size.width * size.height)
        }
    }

    @Test("Boxes in Unicode and ASCII, with a title")
    func boxes() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 3))
        buffer.box(Rect(x: 0, y: 0, width: 12, height: 3), glyphs: .unicode, title: "Help")
        #expect(buffer.lines == ["┌─ Help ───┐", "│          │", "└──────────┘"])
        var ascii = ScreenBuffer(size: Size(width: 4, height: 3))
        ascii.box(Rect(x: 0, y: 0, width: 4, height: 3), ascii: true)
        #expect(ascii.lines == ["+--+", "|  |", "+--+"])
        #expect(ascii[0, 0].role == .border)
    }

    @Test("Lines read back skip continuation cells")
    func lines() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 2))
        buffer.put("李a", at: Point(x: 0, y: 1))
        #expect(buffer.lines == ["      ", "李a   "])
        #expect(buffer.lines.allSatisfy { $0.displayWidth == 6 })
        #expect(buffer.text(row: 5) == "")
    }

    @Test("Styled runs keep their roles and inherit the base role")
    func styled() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        var text = StyledText("?", role: .footerKey)
        text.append(" help")
        #expect(buffer.put(text, at: Point(x: 0, y: 0), role: .footer, maxWidth: 4) == 4)
        #expect(buffer.text(row: 0) == "? he      ")
        #expect(SnapshotText.roleLines(buffer) == ["KFFF......"])
    }

    @Test("a frame for a terminal that is not UTF-8 draws names transliterated, before layout")
    func asciiText() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 2), asciiText: true)
        buffer.put("Ñúñez, José · 李小龍", at: Point(x: 0, y: 0))
        #expect(buffer.text(row: 0) == "Nunez, Jose . Li Xiao Long    ")
        buffer.put("محمد‌رضا", at: Point(x: 0, y: 1), maxWidth: 5)
        #expect(buffer.text(row: 1).hasPrefix("Mhmdr "))
        let allASCII = buffer.cells.allSatisfy { cell in cell.width == 1 && cell.text.unicodeScalars.allSatisfy(\.isASCII) }
        #expect(allASCII)
        var unicode = ScreenBuffer(size: Size(width: 6, height: 1))
        unicode.put("José", at: Point(x: 0, y: 0))
        #expect(unicode.text(row: 0) == "José  ")
    }
}
