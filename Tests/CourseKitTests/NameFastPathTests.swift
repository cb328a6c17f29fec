@testable import CourseKit
import Foundation
import Testing
import TestSupport

/// Folding and cleaning take a shortcut for printable ASCII (most names, every name of the
/// generated 100k library): it must give exactly what the full path gives, on any text.
@Suite struct NameFastPathTests {
    /// Letters, digits, spaces, apostrophes and punctuation, with now and then a character
    /// outside ASCII or a control, which must leave the shortcut.
    static let alphabet: [String] =
        "abcxyzABCXYZ0189 '`-.,;()/&@!~_\"".map(String.init) + ["  ", "é", "Ñ", "’", "\t", "\u{1B}[2J", "ß", "李", "\u{200D}"]

    static func text(_ rng: inout SeededRandom) -> String {
        (0..<Int(rng.next() % 24)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
    }

    @Test(.seeded) func theAsciiFoldIsTheFullFold() {
        var rng = SeededRandom()
        var took = 0
        for _ in 0..<20_000 {
            let text = Self.text(&rng)
            guard let fast = NameFolding.asciiFold(text) else { continue }
            took += 1
            #expect(fast == NameFolding.fullFold(text), "\(text.debugDescription): \(rng.replayText)")
        }
        #expect(took > 1_000, "the shortcut was hardly taken: \(rng.replayText)")
    }

    @Test(.seeded) func cleanAsciiIsWhatCleanWouldReturn() {
        var rng = SeededRandom()
        var clean = 0
        for _ in 0..<20_000 {
            let text = Self.text(&rng)
            guard NameSanitizer.isCleanASCII(text) else { continue }
            clean += 1
            var full = text
            full.append("é")  // through the full path, then the marker taken off again
            #expect(String(NameSanitizer.clean(full).dropLast()) == text, "\(text.debugDescription): \(rng.replayText)")
        }
        #expect(clean > 1_000, "the shortcut was hardly taken: \(rng.replayText)")
    }

    @Test func theShortcutsLeaveWhatTheyCannotHandle() {
        for text in [" Ana", "Ana ", "Ana  Tellei", "Ana\tTellei", "José", "O’Neil", "\u{1B}]0;x\u{7}Ana", ""] {
            #expect(NameSanitizer.isCleanASCII(text) == (text == ""), "\(text.debugDescription)")
        }
        #expect(NameFolding.asciiFold("  O'Neil-Smith,  ANA ") == "oneil smith ana")
        #expect(NameFolding.asciiFold("José") == nil)
    }
}
