import TerminalUI
import Testing
import TestSupport

/// The bar widget: its rounding (none is empty, any is a sliver, only all is full), its width
/// (never more than given), and how a narrow cell gives the bar up before the label.
@Suite("Bar")
struct BarTests {
    static let eighths = Glyphs.unicode.barLevels
    static let halves = Glyphs.ascii.barLevels

    @Test("None is empty, any is a sliver, only the whole is full")
    func rounding() {
        #expect(Bar(0, of: 10).glyphs(width: 10, levels: Self.eighths) == "")
        #expect(Bar(1, of: 100_000).glyphs(width: 10, levels: Self.eighths) == "▏")
        #expect(Bar(99_999, of: 100_000).glyphs(width: 10, levels: Self.eighths) == String(repeating: "█", count: 9) + "▉")
        #expect(Bar(10, of: 10).glyphs(width: 10, levels: Self.eighths) == String(repeating: "█", count: 10))
        #expect(Bar(12, of: 10).glyphs(width: 4, levels: Self.eighths) == "████", "over the total: full")
        #expect(Bar(5, of: 0).glyphs(width: 4, levels: Self.eighths) == "", "no total: nothing to fill")
        #expect(Bar(-3, of: 10).glyphs(width: 4, levels: Self.eighths) == "")
        #expect(Bar(1, of: 2).glyphs(width: 5, levels: Self.eighths) == "██▌")
        #expect(Bar(1, of: 3).glyphs(width: 3, levels: Self.eighths) == "█")
        #expect(Bar(4, of: 5).glyphs(width: 5, levels: Self.eighths) == "████")
        #expect(Bar.filledUnits(.max - 1, of: .max, units: .max) == .max - 1, "no overflow trap: nearly all")
        #expect(Bar.filledUnits(1, of: .max, units: .max) == 1, "no overflow trap: a sliver")
        #expect(Bar.filledUnits(.max / 2, of: .max, units: 1 << 20) == 1 << 19)
    }

    @Test("ASCII moves in halves of a cell: = and #")
    func ascii() {
        #expect(Bar(1, of: 2).glyphs(width: 5, levels: Self.halves) == "##=")
        #expect(Bar(1, of: 1_000).glyphs(width: 5, levels: Self.halves) == "=")
        #expect(Bar(999, of: 1_000).glyphs(width: 5, levels: Self.halves) == "####=")
        #expect(Bar(3, of: 3).glyphs(width: 5, levels: Self.halves) == "#####")
        #expect(Bar(4, of: 5).glyphs(width: 1, levels: Self.halves) == "=")
    }

    /// Any value, total and width: the bar fits, and more never draws less.
    @Test("Never wider than its cells, and monotone in the value", .seeded)
    func property() {
        var rng = SeededRandom()
        print("BarTests.property: \(rng.replayText)")
        for _ in 0..<2_000 {
            let total = Int.random(in: 0...200_000, using: &rng)
            let width = Int.random(in: 0...120, using: &rng)
            let levels = Bool.random(using: &rng) ? Self.eighths : Self.halves
            let a = Int.random(in: -5...(total + 5), using: &rng)
            let b = Int.random(in: a...(total + 5), using: &rng)
            let low = Bar(a, of: total).glyphs(width: width, levels: levels)
            let high = Bar(b, of: total).glyphs(width: width, levels: levels)
            #expect(low.displayWidth <= width && high.displayWidth <= width, rng.replay)
            let units = width * levels.count
            let (ua, ub) = (Bar.filledUnits(a, of: total, units: units), Bar.filledUnits(b, of: total, units: units))
            #expect(ua <= ub, "\(a) ≤ \(b) of \(total) in \(units) units: \(ua) > \(ub); \(rng.replayText)")
            #expect((ua == 0) == (a <= 0 || total <= 0 || units == 0), rng.replay)
            #expect((units > 0 && ub == units) == (units > 0 && total > 0 && b >= total), rng.replay)
        }
    }

    @Test("In a cell, the label is right-aligned and wins the space")
    func label() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 1))
        Bar(1, of: 2).render(into: &buffer, in: Rect(x: 0, y: 0, width: 12, height: 1), role: .present, label: "50%", theme: .color)
        #expect(buffer.text(row: 0) == "████     50%")
        #expect(buffer.row(0).allSatisfy { $0.role == .present })
        var narrow = ScreenBuffer(size: Size(width: 6, height: 1))
        Bar(1, of: 2).render(into: &narrow, in: Rect(x: 0, y: 0, width: 5, height: 1), label: "50%", theme: .color)
        #expect(narrow.text(row: 0) == "  50% ", "two cells left: no bar, the label")
        var shared = ScreenBuffer(size: Size(width: 12, height: 2))
        for (y, (value, label)) in [(4, "4/5"), (5, "5/5 ✓")].enumerated() {
            Bar(value, of: 5, labelWidth: 5).render(into: &shared, in: Rect(x: 0, y: y, width: 12, height: 1), label: label, theme: .color)
        }
        #expect(shared.lines == ["████▊    4/5", "██████ 5/5 ✓"], "one scale: 6 cells for the bar in both")
        var ascii = ScreenBuffer(size: Size(width: 10, height: 1))
        Bar(1, of: 1).render(
            into: &ascii, in: Rect(x: 0, y: 0, width: 10, height: 1), label: "100%", theme: Theme.monochrome.asciiVariant())
        #expect(ascii.text(row: 0) == "##### 100%")
    }
}
