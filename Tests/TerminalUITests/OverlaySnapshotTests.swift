import Testing
import TestSupport
import TerminalUI

/// Renders `draw` into a fresh frame of `size` and compares it with a snapshot file.
func assertFrame(
    _ size: Size, named name: String, theme: Theme = .color,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ draw: (inout ScreenBuffer, Rect, Theme) -> Void
) {
    var buffer = ScreenBuffer(size: size)
    draw(&buffer, Rect(size: size), theme)
    #expect(buffer.isWellFormed, sourceLocation: sourceLocation)
    assertSnapshot(SnapshotText.render(buffer), named: name, sourceLocation: sourceLocation)
}

@Suite("Dialogs")
struct DialogTests {
    static let confirm = Dialog.confirm(
        title: "Mark all present?",
        message: "Mark the 17 unmarked participants of Day 2 09:00 Labour migration present? "
            + "You can undo this with u.",
        yes: "Mark 17 present", destructive: true)

    @Test("Destructive confirmations default to No; Enter, Esc and keys map to outcomes")
    func outcomes() {
        let dialog = Self.confirm
        #expect(dialog.outcome(for: .enter) == .button("no"))
        #expect(dialog.outcome(for: .escape) == .cancelled)
        #expect(dialog.outcome(for: .char("y")) == .button("yes"))
        #expect(dialog.outcome(for: .char("Y")) == .button("yes"))
        #expect(dialog.outcome(for: .char("x")) == nil)
        #expect(dialog.buttonLine.plainText == "[y] Mark 17 present  [N] No")
        let safe = Dialog.confirm(title: "Save?", message: "Save the course file?", destructive: false)
        #expect(safe.outcome(for: .enter) == .button("yes"))
        #expect(safe.buttonLine.plainText == "[Y] Yes  [n] No")
    }

    @Test("Centred, sized to content and clamped to the screen")
    func frames() {
        let dialog = Self.confirm
        let big = dialog.frame(in: Rect(x: 0, y: 0, width: 80, height: 24))
        #expect(big.width <= 60 && big.height < 24)
        #expect(big.x == (80 - big.width) / 2 && big.y == (24 - big.height) / 2)
        let small = dialog.frame(in: Rect(x: 0, y: 0, width: 20, height: 6))
        #expect(small == Rect(x: 0, y: 0, width: 20, height: 6))
    }

    @Test("Snapshots", arguments: [(80, 24), (40, 12), (20, 6), (1, 1), (0, 0)])
    func snapshots(_ width: Int, _ height: Int) {
        assertFrame(Size(width: width, height: height), named: "dialog-\(width)x\(height)") { buffer, rect, theme in
            Self.confirm.render(into: &buffer, rect: rect, theme: theme)
        }
    }

    @Test("ASCII and monochrome")
    func ascii() {
        let dialog = Dialog.notice(title: "Imported", message: "\(Names.bruceLee) and \(Names.josePrecomposed) were added.\nNo errors.")
        assertFrame(Size(width: 40, height: 9), named: "dialog-notice-ascii", theme: Theme.monochrome.asciiVariant()) {
            buffer, rect, theme in
            dialog.render(into: &buffer, rect: rect, theme: theme)
        }
    }
}

@Suite("Help overlay")
struct HelpOverlayTests {
    static let help = HelpOverlay(keyMap: SampleKeys.map, contexts: SampleKeys.rollCallContexts)

    @Test("Snapshots", arguments: [(80, 24), (60, 16), (1, 1), (0, 0)])
    func snapshots(_ width: Int, _ height: Int) {
        assertFrame(Size(width: width, height: height), named: "help-\(width)x\(height)") { buffer, rect, theme in
            Self.help.render(into: &buffer, rect: rect, theme: theme)
        }
    }

    @Test("Scrolls when taller than the screen, clamped at both ends")
    func scrolling() {
        var help = Self.help
        let rect = Rect(x: 0, y: 0, width: 60, height: 16)
        let limit = help.maxScroll(in: rect)
        #expect(limit > 0)
        let paged = help.handle(.pageDown, in: rect)
        #expect(paged && help.scroll == min(limit, 14))
        help.handle(.end, in: rect)
        #expect(help.scroll == limit)
        help.handle(.down, in: rect)
        #expect(help.scroll == limit)
        help.handle(.home, in: rect)
        help.handle(.up, in: rect)
        #expect(help.scroll == 0)
        let closes = !help.handle(.escape, in: rect)
        #expect(closes)
        help.scroll = limit
        assertFrame(Size(width: 60, height: 16), named: "help-60x16-end") { buffer, rect, theme in
            help.render(into: &buffer, rect: rect, theme: theme)
        }
        #expect(Self.help.maxScroll(in: Rect(x: 0, y: 0, width: 80, height: 60)) == 0)
    }
}

@Suite("Too small, status and header lines")
struct SmallWidgetTests {
    @Test("Too small works at every size", arguments: [(80, 24), (40, 10), (20, 3), (1, 1), (0, 0)])
    func tooSmall(_ width: Int, _ height: Int) {
        let size = Size(width: width, height: height)
        let frame = TooSmallView.frame(minimum: Size(width: 60, height: 16), size: size, theme: .color)
        #expect(frame.isWellFormed)
        assertSnapshot(SnapshotText.render(frame), named: "toosmall-\(width)x\(height)")
    }

    @Test("Too small says what it needs")
    func tooSmallMessage() {
        let view = TooSmallView(minimum: Size(width: 60, height: 16), actual: Size(width: 40, height: 10))
        #expect(view.message(glyphs: .unicode) == "Terminal too small: need 60×16, have 40×10")
        #expect(view.message(glyphs: .ascii) == "Terminal too small: need 60x16, have 40x10")
    }

    @Test("Header and status lines at 80 and 30 columns")
    func lines() {
        let header = HeaderLine(
            breadcrumbs: ["Palau MMC 2024", "Day 2 09:00 Labour migration", "Roll call"],
            trailing: "18/24 marked  14 present")
        let status = StatusLine(
            message: "Marked \(Names.bruceLee) absent", messageRole: .success,
            hints: SampleKeys.map.footerHints(for: SampleKeys.rollCallContexts))
        let error = StatusLine(
            message: "Could not save: database is locked", messageRole: .error,
            hints: SampleKeys.map.footerHints(for: SampleKeys.rollCallContexts))
        for width in [80, 30] {
            assertFrame(Size(width: width, height: 3), named: "lines-\(width)") { buffer, rect, theme in
                header.render(into: &buffer, rect: rect, theme: theme)
                status.render(into: &buffer, rect: rect.droppingTop(1), theme: theme)
                error.render(into: &buffer, rect: rect.droppingTop(2), theme: theme)
            }
        }
        var buffer = ScreenBuffer(size: Size(width: 120, height: 1))
        StatusLine(hints: SampleKeys.map.footerHints(for: SampleKeys.rollCallContexts))
            .render(into: &buffer, rect: Rect(x: 0, y: 0, width: 120, height: 1), theme: .color)
        #expect(buffer.text(row: 0).hasSuffix("?/F1 help"))
        #expect(HeaderLine(breadcrumbs: ["A", "B"]).title(glyphs: .ascii) == "A > B")
    }
}
