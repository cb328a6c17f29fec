import Foundation

/// Turning a frame into ASCII for terminals whose locale is not UTF-8.
///
/// There, curses silently drops every non-ASCII character ("José" shows as "Jos") and the
/// columns after it shift. ASCII glyphs fix the borders and marks; this fixes the data: each
/// cell becomes one ASCII character, letters losing their accents ("é" → "e", "Ñ" → "N") and
/// anything else becoming `?`. A wide cell and its continuation become `??`, so every column
/// stays where it was laid out.
public enum ASCIIFallback {
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

extension ScreenBuffer {
    /// This frame with every cell one column of printable ASCII (see ``ASCIIFallback``).
    public func asciiFallback() -> ScreenBuffer {
        var copy = self
        for y in 0..<size.height {
            for x in 0..<size.width {
                let cell = self[x, y]
                let text: Character
                if cell.isContinuation {
                    text = "?"
                } else if cell.width == 2 {
                    text = "?"
                } else {
                    text = cell.text.first.map(ASCIIFallback.transliterate) ?? " "
                }
                copy[x, y] = Cell(text: String(text), width: 1, role: cell.role)
            }
        }
        return copy
    }
}
