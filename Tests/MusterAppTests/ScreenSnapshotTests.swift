import CourseKit
import Foundation
import MusterApp
import TerminalUI
import Testing
import TestSupport

/// Every screen as text plus a style layer, at 80×24, the minimum size and too small, in colour,
/// monochrome and ASCII, with names that test widths ("李小龍"), accents and combining marks.
@Suite struct ScreenSnapshotTests {
    static let sizes = [("80x24", Size(width: 80, height: 24)), ("60x16", Size(width: 60, height: 16))]

    func rollCallDriver(size: Size) throws -> AppDriver {
        let d = try AppDriver(options: AppOptions(startCourse: "mini-2024"), size: size)
        d.press(.char("p"), .char("l"))  // Nguyễn Văn A present, José Núñez late…
        d.type("09:20")  // …arriving at 09:20 (typed over the default, 09:15)…
        d.press(.enter, .char("k"), .char("d"))
        d.type("11:30")  // …and leaving at 11:30
        d.press(.enter)
        return d
    }

    @Test(arguments: sizes)
    func courseList(name: String, size: Size) throws {
        let d = try AppDriver.shipped(size: size)
        assertSnapshot(SnapshotText.render(d.frame()), named: "courses-\(name)")
    }

    @Test(arguments: sizes)
    func overview(name: String, size: Size) throws {
        let d = try AppDriver.shipped(size: size)
        d.press(.char("j"), .enter)  // Palau (second newest)
        #expect(d.screenText.contains("Palau MMC 2024"))
        assertSnapshot(SnapshotText.render(d.frame()), named: "overview-\(name)")
    }

    @Test(arguments: sizes)
    func rollCall(name: String, size: Size) throws {
        let d = try rollCallDriver(size: size)
        assertSnapshot(SnapshotText.render(d.frame()), named: "rollcall-\(name)")
    }

    @Test func rollCallASCII() throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        let frame = d.frame(theme: Theme.color.asciiVariant())
        assertSnapshot(SnapshotText.render(frame), named: "rollcall-ascii")
        #expect(!frame.lines.joined().contains("✓"))
    }

    @Test func rollCallWithFilterAndSearch() throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        d.press(.char("f"), .char("u"), .char("/"))
        d.type("小")
        assertSnapshot(SnapshotText.render(d.frame()), named: "rollcall-filter-search")
    }

    @Test func helpOverlay() throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        d.press(.char("?"))
        assertSnapshot(SnapshotText.render(d.frame()), named: "rollcall-help")
    }

    @Test func confirmationAndPrompt() throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        d.press(.char("P"))
        assertSnapshot(SnapshotText.render(d.frame()), named: "rollcall-confirm-all")
        d.press(.escape, .char("e"))
        d.type("ministry")
        assertSnapshot(SnapshotText.render(d.frame()), named: "rollcall-excuse-prompt")
    }

    /// `l` asks the arrival time with the default filled in; a bad time is explained in the box.
    @Test(arguments: sizes)
    func latePrompt(name: String, size: Size) throws {
        let d = try rollCallDriver(size: size)
        d.press(.char("j"), .char("l"))
        assertSnapshot(SnapshotText.render(d.frame()), named: "rollcall-late-prompt-\(name)")
        d.type("9")
        d.press(.enter)
        assertSnapshot(SnapshotText.render(d.frame()), named: "rollcall-late-prompt-bad-\(name)")
    }

    @Test func errorMessageStaysInTheFooter() throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        d.send(.failed("the database /tmp/x.sqlite is locked by another process; try again"))
        let frame = d.frame()
        #expect(frame.text(row: 23).hasPrefix("the database /tmp/x.sqlite is locked"))
        #expect(frame.cell(at: Point(x: 0, y: 23))?.role == .error)
    }

    /// Below 60×16 every screen gives way to one message; nothing traps, down to nothing at all.
    @Test(arguments: [Size(width: 40, height: 10), Size(width: 59, height: 24), Size(width: 1, height: 1), Size(width: 0, height: 0)])
    func tooSmall(size: Size) throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        let terminal = InMemoryTerminal(size: size)
        let runner = Runner(program: d.program, state: d.state, backend: terminal)
        runner.run(until: terminal.isScriptFinished)
        if size.width >= 20 && size.height >= 3 {
            #expect(terminal.lines.joined(separator: " ").contains("60×16"))
        }
        #expect(terminal.lastFrame?.isWellFormed ?? true)
    }

    @Test func tooSmallSnapshot() throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        let terminal = InMemoryTerminal(size: Size(width: 40, height: 10))
        Runner(program: d.program, state: d.state, backend: terminal).run(until: terminal.isScriptFinished)
        assertSnapshot(terminal.snapshot, named: "too-small-40x10")
    }

    /// Marks never rely on colour: each has a letter, and the selection is reverse video in monochrome.
    @Test func monochromeKeepsMeaning() throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        d.press(.char("j"), .char("x"))
        let frame = d.frame(theme: .monochrome)
        let text = frame.lines.joined(separator: "\n")
        #expect(text.contains("P ✓") && text.contains("L 09:20–11:30") && text.contains("A ✗"))
        #expect(Theme.monochrome.style(for: .selected).reverse)
        #expect(
            StyleRole.allCases.allSatisfy {
                Theme.monochrome.style(for: $0).foreground == nil && Theme.monochrome.style(for: $0).background == nil
            })
        let selectedRows = (0..<frame.size.height).filter { y in frame.row(y).contains { $0.role == .selected } }
        #expect(selectedRows.count == 1)
    }

    /// Wide and combining names keep the columns after them aligned.
    @Test func wideNamesAlign() throws {
        let d = try rollCallDriver(size: Size(width: 80, height: 24))
        let frame = d.frame()
        let header = frame.text(row: 3)
        let agencyColumn = try #require(header.range(of: "AGENCY")).lowerBound.utf16Offset(in: header)
        for y in 4...6 {
            // The cell under the AGENCY header starts the agency text on every row.
            let cell = try #require(frame.cell(at: Point(x: agencyColumn, y: y)))
            #expect(cell.text == "B", "row \(y): \(frame.text(row: y))")
        }
        #expect(frame.isWellFormed)
    }
}
