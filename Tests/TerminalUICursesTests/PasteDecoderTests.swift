import TerminalUI
import Testing
@testable import TerminalUICurses

/// Bracketed paste (issue 13, item 8): `ESC [200~ … ESC [201~` becomes one `Key.paste`, however
/// the reads cut it, and nothing inside it becomes a key.
@Suite struct PasteDecoderTests {
    static func chars(_ text: String) -> [CursesInput] { text.unicodeScalars.map { .character($0.value) } }
    static let start = "\u{1B}[200~", end = "\u{1B}[201~"

    @Test func aPasteInOneReadIsOneKeyWithItsNewlinesAndEscapesAsText() {
        var decoder = PasteDecoder()
        let keys = decoder.keys(from: Self.chars("x" + Self.start + "Ana\rMaria\n\u{1B}[31m\u{1B}]0;t\u{07}" + Self.end + "y"))
        #expect(keys == [.char("x"), .paste("Ana\rMaria\n\u{1B}[31m\u{1B}]0;t\u{07}"), .char("y")])
        #expect(!decoder.isPasting)
    }

    @Test func aPasteSplitAcrossReadsAtEveryPointIsStillOneKey() {
        let input = Self.chars(Self.start + "José\nNúñez" + Self.end + "q")
        // From 2: a read that ends in a lone ESC outside a paste is the Escape key (curses has
        // already waited ESCDELAY for more), and is never held back.
        for cut in 2..<input.count {
            for second in cut..<input.count {
                var decoder = PasteDecoder()
                let keys =
                    decoder.keys(from: Array(input[..<cut])) + decoder.keys(from: Array(input[cut..<second]))
                    + decoder.keys(from: Array(input[second...]))
                #expect(keys == [.paste("José\nNúñez"), .char("q")], "cut at \(cut) and \(second)")
            }
        }
    }

    @Test func keyCodesInsideAPasteAreDropped() {
        var decoder = PasteDecoder()
        let keys = decoder.keys(from: Self.chars(Self.start + "ab") + [.keyCode(0o403)] + Self.chars("c" + Self.end))
        #expect(keys == [.paste("abc")])
    }

    @Test func withoutMarkersNothingChanges() {
        var decoder = PasteDecoder()
        let plain = decoder.keys(from: Self.chars("p\u{1B}[1;5Hx\r"))
        #expect(plain == [.char("p"), .unknown, .char("x"), .enter])
        let escape = decoder.keys(from: [.character(27)])
        #expect(escape == [.escape])  // a lone Esc is never held back
    }

    @Test func aLostEndMarkerGivesThePasteUpAfterASecondOfSilence() {
        var decoder = PasteDecoder()
        let t0 = ContinuousClock.now
        let opened = decoder.keys(from: Self.chars(Self.start + "half"), at: t0)
        #expect(opened.isEmpty)
        let early = decoder.idle(at: t0 + .milliseconds(500))
        #expect(early.isEmpty)
        let givenUp = decoder.idle(at: t0 + .seconds(1))
        #expect(givenUp == [.paste("half")])
        let after = decoder.keys(from: Self.chars("p"), at: t0 + .seconds(2))
        #expect(after == [.char("p")])
    }

    @Test func aMarkerCutShortAndNeverFinishedIsAnUnknownSequence() {
        var decoder = PasteDecoder()
        let t0 = ContinuousClock.now
        let cut = decoder.keys(from: Self.chars("a\u{1B}[20"), at: t0)
        #expect(cut == [.char("a")])
        let later = decoder.idle(at: t0 + .seconds(2))
        #expect(later == [.unknown])
    }

    @Test func aHugePasteIsCutButStillEnds() {
        var decoder = PasteDecoder()
        let keys = decoder.keys(from: Self.chars(Self.start + String(repeating: "a", count: 100_000) + Self.end + "z"))
        guard case .paste(let text) = keys.first else { Issue.record("no paste"); return }
        #expect(text.count == PasteDecoder.maxPaste)
        #expect(keys.last == .char("z"))
    }

    @Test func pastedTextIsCleanedForAField() {
        #expect(PasteText.clean("Ana\rMaria\n") == "Ana Maria")
        #expect(PasteText.clean("\u{1B}[31mRed\u{1B}[0m\t\u{1B}]0;title\u{07}x\u{202E}") == "Red x")
        // Cells side by side, one above the other, with Windows line ends: one space between words.
        #expect(PasteText.clean("José\tNúñez") == "José Núñez")
        #expect(PasteText.clean("\r\nJosé\r\n\r\nNúñez\r\n") == "José Núñez")
        #expect(PasteText.clean("O'Neil-Smith \n Ana") == "O'Neil-Smith  Ana")
        #expect(PasteText.clean("محمد\u{200C}رضا\u{2028}李小龍") == "محمد\u{200C}رضا 李小龍")
        #expect(PasteText.clean("\t\n\r") == "")
        var field = TextField(maxLength: 8)
        let handled = field.handle(.paste("Ana\rMaria\nLongerStill"))
        #expect(handled)
        #expect(field.text == "Ana Mari")
    }
}
