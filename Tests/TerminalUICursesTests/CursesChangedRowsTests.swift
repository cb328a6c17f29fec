import TerminalUI
import Testing
import TestSupport

@testable import TerminalUICurses

extension CursesSession {
    /// `draw` writes only the rows that changed since the last frame (a key moves a row or two;
    /// rewriting all 1,920 cells was a quarter of the interface's time on the 100k matrix). What
    /// curses holds must still be every frame exactly, as a full redraw would leave it.
    @Suite struct ChangedRows {
        static let texts = ["José Ñúñez", "李小龍", "Nguyễn Văn A", "O'Neil-Smith", "محمد‌رضا", "x", "  ", "ab", "👍🏽 ok"]

        /// Every cell as curses holds it.
        func image(_ curses: HeadlessCurses) -> [CursesCell?] {
            let size = curses.terminal.size
            return (0..<size.height).flatMap { y in (0..<size.width).map { x in curses.terminal.readBack(x: x, y: y) } }
        }

        /// Frames changing a few rows at a time, wide and narrow text replacing each other at
        /// random columns, in random roles: after each, the image equals the one a full redraw of
        /// the same frame leaves, and only the rows that differ were written.
        @Test(.seeded) func eachFrameLeavesWhatAFullRedrawWould() throws {
            var rng = SeededRandom()
            print("CursesChangedRows: \(rng.replayText)")
            let curses = try HeadlessCurses(width: 40, height: 12)
            defer { curses.close() }
            let size = curses.terminal.size
            let roles = StyleRole.allCases
            var frame = ScreenBuffer(size: size)
            curses.terminal.draw(frame)
            #expect(curses.terminal.rowsWritten == size.height)  // nothing to compare with yet
            for step in 0..<60 {
                var next = frame
                var changed = Set<Int>()
                for _ in 0..<(1 + Int(rng.next() % 3)) {
                    let y = Int(rng.next() % UInt64(size.height))
                    let text = Self.texts[Int(rng.next() % UInt64(Self.texts.count))]
                    next.put(
                        text, at: Point(x: Int(rng.next() % UInt64(size.width)), y: y),
                        role: roles[Int(rng.next() % UInt64(roles.count))])
                    if next.row(y) != frame.row(y) { changed.insert(y) }
                }
                curses.terminal.draw(next)
                #expect(curses.terminal.rowsWritten == changed.count, "step \(step), \(rng.replayText)")
                let incremental = image(curses)
                curses.terminal.forceRedraw()
                curses.terminal.draw(next)
                #expect(curses.terminal.rowsWritten == size.height)
                let full = image(curses)
                if let x = full.indices.first(where: { incremental[$0] != full[$0] }) {
                    let after = String(describing: incremental[x]), whole = String(describing: full[x])
                    Issue.record(
                        "step \(step), cell \(x % size.width),\(x / size.width): \(after) after the changed rows, \(whole) after a full redraw (\(rng.replayText))"
                    )
                    return
                }
                frame = next
            }
        }

        /// The same cells in another theme have other attributes: nothing may be skipped.
        @Test func aThemeChangeRedrawsEveryRow() throws {
            let curses = try HeadlessCurses(theme: .monochrome)
            defer { curses.close() }
            var frame = ScreenBuffer(size: curses.terminal.size)
            frame.put("Header", at: Point(x: 0, y: 0), role: .header)
            curses.terminal.draw(frame)
            #expect(curses.terminal.readBack(x: 0, y: 0)?.colorPair == 0)
            curses.terminal.draw(frame)
            #expect(curses.terminal.rowsWritten == 0)
            curses.terminal.theme = .color
            curses.terminal.draw(frame)
            #expect(curses.terminal.rowsWritten == 24)
            #expect(curses.terminal.readBack(x: 0, y: 0)?.colorPair != 0)
        }

        /// A frame of another size than the screen (drawn just before a resize reached curses)
        /// is clipped and leaves no last frame to compare the next one with.
        @Test func aFrameOfAnotherSizeIsDrawnWhole() throws {
            let curses = try HeadlessCurses(width: 40, height: 10)
            defer { curses.close() }
            var big = ScreenBuffer(size: Size(width: 50, height: 12))
            big.put("wide frame", at: Point(x: 0, y: 0))
            curses.terminal.draw(big)
            var fits = ScreenBuffer(size: Size(width: 40, height: 10))
            fits.put("fits", at: Point(x: 0, y: 1))
            curses.terminal.draw(fits)
            #expect(curses.terminal.rowsWritten == 10)
            #expect(curses.text(row: 0) == "" && curses.text(row: 1) == "fits")
        }
    }
}
