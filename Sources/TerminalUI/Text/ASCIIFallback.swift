import Foundation

/// Turning text into ASCII for terminals whose locale is not UTF-8.
///
/// There, curses cannot draw any non-ASCII character: the curses backend shows "?" for each
/// (`CellText`), so "José Ñúñez" would read "Jos? ??ez". ASCII glyphs fix the borders and marks;
/// this fixes the data before layout, word by word (``text(_:)``), in frames whose theme asks
/// for it (``Theme/asciiText``) and in everything the command line prints to such a terminal.
public enum ASCIIFallback {
    /// `text` in printable ASCII, for a terminal whose locale is not UTF-8: "José Ñúñez" →
    /// "Jose Nunez", "李小龍" → "Li Xiao Long", "Nguyễn Văn A" → "Nguyen Van A".
    ///
    /// ICU's "Any-Latin; Latin-ASCII" transliterates every script (Foundation on Linux carries
    /// ICU); a word from a script without letter case comes back lower case, so it gets a
    /// capital, while Latin words keep theirs ("O'Neil-Smith", "McDonald"). Zero-width joiners
    /// and other format characters, needed in Persian or Indic text, mean nothing in ASCII and
    /// are dropped. ASCII characters, line breaks and tabs included, are kept as they are; only
    /// what no rule knows (an emoji) becomes "?".
    public static func text(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            result += transliterateWord(word)
            word = ""
        }
        for character in text {
            if character.isWhitespace || (character.isASCII && !character.isLetter) {
                flush()
                result.append(character.isASCII ? character : " ")
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    private static let toLatin = StringTransform("Any-Latin; Latin-ASCII")

    private static func transliterateWord(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        let caseless = !word.contains { $0.isUppercase || $0.isLowercase }
        var latin = word.applyingTransform(toLatin, reverse: false) ?? word
        if caseless {
            latin = latin.split(separator: " ", omittingEmptySubsequences: false)
                .map { syllable in syllable.prefix(1).uppercased() + syllable.dropFirst() }
                .joined(separator: " ")
        }
        var ascii = ""
        for character in latin {
            if character.isASCII {
                ascii.append(character)
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format }) {
                continue
            } else {
                ascii.append(transliterate(character))
            }
        }
        return ascii
    }

    /// One printable ASCII character for a grapheme.
    public static func transliterate(_ character: Character) -> Character {
        if character.isASCII, let scalar = character.unicodeScalars.first, scalar.value >= 0x20, scalar.value < 0x7F {
            return character
        }
        if let mapped = specials[character] { return mapped }
        let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        if let base = decomposed.first, base.isASCII, base.properties.isAlphabetic {
            return Character(base)
        }
        return "?"
    }

    /// Letters without a canonical decomposition, and punctuation with an obvious stand-in.
    private static let specials: [Character: Character] = [
        "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Æ": "A", "æ": "a", "Œ": "O",
        "œ": "o", "ß": "s", "ı": "i", "Ð": "D", "ð": "d", "Þ": "T", "þ": "t", "Ħ": "H", "ħ": "h",
        "\u{00A0}": " ", "\u{2007}": " ", "\u{202F}": " ", "‘": "'", "’": "'", "‚": "'", "“": "\"",
        "”": "\"", "„": "\"", "–": "-", "—": "-", "‐": "-", "‑": "-", "…": "~", "•": "*", "·": ".",
        "›": ">", "‹": "<", "«": "<", "»": ">", "×": "x", "✓": "P", "✗": "A",
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "▲": "^", "▼": "v",
        "↑": "^", "↓": "v", "←": "<", "→": ">",
    ]
}
