import TerminalUI
import Testing
import TestSupport

/// Stacked bars: parts in whole cells, one glyph each, adding up to what a bar of their sum
/// fills, and no part that is not zero lost while there are cells for it.
@Suite("Stacked bar")
struct StackedBarTests {
    @Test("Parts by largest remainder; a lone excused person still gets a cell")
    func cells() {
        #expect(Bar.cells([5, 3, 0, 2], of: 10, width: 10) == [5, 3, 0, 2])
        #expect(Bar.cells([1, 1, 1], of: 3, width: 10) == [4, 3, 3])
        #expect(Bar.cells([98, 0, 1, 0], of: 100, width: 10) == [8, 0, 1, 0], "99 of 100 is 9 cells; the 1 takes one from the 98")
        #expect(Bar.cells([0, 0, 0, 0], of: 10, width: 10) == [0, 0, 0, 0])
        #expect(Bar.cells([3, 4], of: 0, width: 5) == [2, 3], "more than the total: full")
        #expect(Bar.cells([1, 1, 1], of: 3, width: 2) == [1, 1, 0], "two cells: the first two parts")
        #expect(Bar.cells([6, 0, 0, 0], of: 7, width: 7) == [6, 0, 0, 0], "6 of 7 is not full")
    }

    @Test("Every part its glyph and role; on a selected row, the selection's")
    func drawing() {
        let bar = Bar(
            parts: [Bar.Part(2, role: .present), Bar.Part(1, role: .late), Bar.Part(1, role: .excused), Bar.Part(1, role: .absent)],
            of: 6, labelWidth: 2)
        var buffer = ScreenBuffer(size: Size(width: 9, height: 3))
        bar.render(into: &buffer, in: Rect(x: 0, y: 0, width: 9, height: 1), role: .present, label: "3", theme: .color)
        bar.render(into: &buffer, in: Rect(x: 0, y: 1, width: 9, height: 1), label: "3", theme: Theme.monochrome.asciiVariant())
        bar.render(into: &buffer, in: Rect(x: 0, y: 2, width: 9, height: 1), role: .selected, label: "3", theme: .color)
        #expect(buffer.lines == ["██▓▒░   3", "PPLEA   3", "██▓▒░   3"])
        #expect(buffer.row(0).prefix(5).map(\.role) == [.present, .present, .late, .excused, .absent])
        #expect(buffer.row(2).allSatisfy { $0.role == .selected })
    }

    /// Any parts, total and width: the parts never overflow and add up to one bar of their sum.
    @Test("Never wider than its cells; the parts add up to a bar of their sum", .seeded)
    func property() {
        var rng = SeededRandom()
        print("StackedBarTests.property: \(rng.replayText)")
        for _ in 0..<2_000 {
            let values = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                Bool.random(using: &rng) ? 0 : Int.random(in: -2...50_000, using: &rng)
            }
            let total = Int.random(in: 0...200_000, using: &rng)
            let width = Int.random(in: 0...100, using: &rng)
            let cells = Bar.cells(values, of: total, width: width)
            let sum = values.reduce(0) { $0 + max(0, $1) }
            #expect(cells.count == values.count && cells.allSatisfy { $0 >= 0 }, rng.replay)
            #expect(cells.reduce(0, +) == Bar.filledUnits(sum, of: max(total, sum), units: width), rng.replay)
            let shown = values.filter { $0 > 0 }.count
            if cells.reduce(0, +) >= shown {
                #expect(
                    zip(values, cells).allSatisfy { $0 <= 0 || $1 > 0 }, "\(values) of \(total) in \(width): \(cells); \(rng.replayText)")
            }
        }
    }
}
