import CNcursesw
import Glibc
import TerminalUI

extension CursesTerminal {
    /// Copies a frame to the screen.
    ///
    /// Only the rows that differ from the last frame drawn are written into curses' screen image;
    /// the frame ends with one `refresh()`, where curses compares what changed with what the
    /// terminal shows and sends only the difference, so it never flickers. Rewriting all 1,920
    /// cells of an 80×24 frame on every key was a quarter of the interface's time on the 100k
    /// matrix (BENCHMARKS.md), though a key moves a row or two. The whole image is erased and
    /// rewritten when there is no last frame to trust (`lastFrame` is nil: the first frame, a
    /// resize, a theme or colour change, `forceRedraw()`) or its size is not the screen's.
    /// `clear()` would repaint the whole terminal every frame; that is kept for `forceRedraw()`.
    ///
    /// Each cell is placed with its own `mvwadd_wch`, so a grapheme whose width curses judges
    /// differently from TerminalUI cannot shift the rest of the row. A wide grapheme is written
    /// once and its continuation cell skipped. A buffer larger than the screen (a frame rendered
    /// just before a resize) is clipped.
    public func draw(_ buffer: ScreenBuffer) {
        guard screen != nil, !isSuspended, let window = muster_stdscr() else { return }
        let screenSize = size
        let previous = lastFrame.flatMap { $0.size == buffer.size && buffer.size == screenSize ? $0 : nil }
        if previous == nil { _ = werase(window) }
        rowsWritten = 0
        let rows = min(buffer.size.height, screenSize.height)
        let columns = min(buffer.size.width, screenSize.width)
        let slots = CellText.maxScalars + 1
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: slots) { text in
            var cell = cchar_t()
            for y in 0..<rows {
                // A row as it was is still in the screen image: every cell of a changed row is
                // written again, so nothing of its old content stays without an erase.
                if let previous, previous.row(y) == buffer.row(y) { continue }
                rowsWritten += 1
                for x in 0..<columns {
                    let source = buffer[x, y]
                    if source.isContinuation { continue }
                    let scalars = CellText.scalars(
                        for: source.text, width: source.width,
                        columnsLeft: columns - x, unicode: isUTF8)
                    var count = 0
                    for scalar in scalars where count < slots - 1 {
                        text[count] = wchar_t(bitPattern: scalar.value)
                        count += 1
                    }
                    text[count] = 0
                    let rendition = styles.rendition(for: source.role)
                    _ = muster_setcchar(&cell, text.baseAddress, rendition.attributes, rendition.pair)
                    // At the bottom-right cell this returns ERR (the cursor cannot advance) after
                    // writing the character; curses handles the terminal's auto-margin itself.
                    _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
                }
            }
        }
        if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            setCursorVisible(true)
            _ = leaveok(window, false)
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
            // With no cursor to show, leave it wherever the last change put it: parking it in the
            // bottom-right corner after every frame costs bytes on every keystroke over SSH.
            _ = leaveok(window, true)
        }
        _ = wrefresh(window)
        lastFrame = buffer.size == screenSize ? buffer : nil
    }

    /// Makes the next `draw` repaint the whole screen from scratch, for Ctrl-L and after the
    /// screen was disturbed behind curses' back (a resize, `wall`, a resumed suspend).
    public func forceRedraw() {
        lastFrame = nil
        guard screen != nil, let current = muster_curscr() else { return }
        _ = clearok(current, true)
    }

    /// `TerminalBackend`'s name for `forceRedraw()`.
    public func invalidate() { forceRedraw() }

    /// Rings the terminal bell (or flashes, if that is what the terminal does).
    public func bell() {
        guard screen != nil else { return }
        _ = beep()
    }

    /// What curses holds for one cell of its screen image (`stdscr`, not the physical terminal):
    /// for tests, and for checking a frame by eye in a debugger.
    public func readBack(x: Int, y: Int) -> CursesCell? {
        guard screen != nil, let window = muster_stdscr() else { return nil }
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cell) == muster_OK() else { return nil }
        let slots = CellText.maxScalars + 1
        var text = [wchar_t](repeating: 0, count: slots)
        var attributes: attr_t = 0
        var pair: Int32 = 0
        guard muster_getcchar(&cell, &text, &attributes, &pair) == muster_OK() else { return nil }
        let scalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return CursesCell(
            text: String(String.UnicodeScalarView(scalars)),
            bold: attributes & muster_A_BOLD() != 0,
            reverse: attributes & muster_A_REVERSE() != 0,
            underline: attributes & muster_A_UNDERLINE() != 0,
            dim: attributes & muster_A_DIM() != 0,
            colorPair: Int(pair),
            isWideContinuation: muster_widec_ext(&cell) > 1)
    }
}

extension CursesTerminal {
    /// The colours of a pair as curses holds them, (-1, -1) for default or unknown; for tests.
    func colorPairContent(_ pair: Int) -> (foreground: Int, background: Int) {
        var foreground: Int32 = -1, background: Int32 = -1
        guard screen != nil, extended_pair_content(Int32(pair), &foreground, &background) == muster_OK() else {
            return (-1, -1)
        }
        return (Int(foreground), Int(background))
    }

    /// Where curses' cursor is; for tests.
    var cursorPosition: Point? {
        guard screen != nil, let window = muster_stdscr() else { return nil }
        return Point(x: Int(getcurx(window)), y: Int(getcury(window)))
    }
}

/// One cell as curses holds it; see `CursesTerminal.readBack(x:y:)`.
public struct CursesCell: Hashable, Sendable {
    public var text: String
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    /// 0 for the terminal's default colours.
    public var colorPair: Int
    /// The right half of a double-width character (curses repeats the character there).
    public var isWideContinuation: Bool
}
