import MusterApp
import TerminalUI
import Testing
import TestSupport

extension AppDriver {
    /// Records the colour frame as a snapshot and checks the other themes keep its meaning:
    /// monochrome has the same text and roles (so the role layer shows what monochrome draws),
    /// ASCII draws none of `glyphs`. Returns the monochrome frame for further checks.
    @discardableResult
    func checkSnapshot(
        _ name: String, asciiFree glyphs: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ScreenBuffer {
        let colour = frame()
        assertSnapshot(SnapshotText.render(colour), named: name, sourceLocation: sourceLocation)
        let mono = frame(theme: .monochrome)
        #expect(
            mono.lines == colour.lines && SnapshotText.roleLines(mono) == SnapshotText.roleLines(colour),
            sourceLocation: sourceLocation)
        let ascii = frame(theme: Theme.monochrome.asciiVariant())
        #expect(ascii.isWellFormed && colour.isWellFormed, sourceLocation: sourceLocation)
        // The theme's glyphs turn ASCII; names and messages are transliterated by the backend.
        let drawn = ascii.lines.joined()
        for glyph in glyphs {
            #expect(!drawn.contains(glyph), "\(name) ascii: \(glyph)", sourceLocation: sourceLocation)
        }
        return mono
    }
}
