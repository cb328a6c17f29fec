import Foundation

/// The folded form of names used for search and matching: "José Ñúñez-O'Neil" → "jose nunez oneil".
///
/// Debian's SQLite cannot fold diacritics inside its tokenizers, so we fold in Swift before
/// indexing and before querying, and both sides always go through this one function.
public enum NameFolding {
    /// Made once: building a Locale for every name cost a 100,000-person roll call seconds.
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Lower case, diacritics removed, apostrophes dropped, other punctuation turned into spaces.
    public static func fold(_ text: String) -> String {
        asciiFold(text) ?? fullFold(text)
    }

    /// `fullFold` for text of printable ASCII alone, the most common name, without Foundation's
    /// folding: byte by byte, to the same result (`NameFoldingTests` compares the two on seeded
    /// random text). Folding was 57 % of opening the 100k course's roll call, twice per name.
    static func asciiFold(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue  // O'Neil → oneil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out.append(byte + 32)
                lastWasSpace = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(byte)
                lastWasSpace = false
            case 0x20..<0x7F:
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
            default:
                return nil  // a control or anything beyond ASCII: the full fold
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower case, diacritics removed, apostrophes dropped, other punctuation turned into spaces,
    /// for any text.
    static func fullFold(_ text: String) -> String {
        // Joiners change how a name is drawn, not what it is: "محمد‌رضا" is found by "محمدرضا".
        let cleaned = String(String.UnicodeScalarView(NameSanitizer.clean(text).unicodeScalars.filter { !isJoiner($0) }))
        let folded = cleaned.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: posix)
        var out = ""
        var lastWasSpace = true
        for ch in folded {
            if ch == "'" || ch == "’" || ch == "ʼ" || ch == "`" { continue }  // O'Neil → oneil
            if ch.isASCII, ch.isLetter || ch.isNumber {
                out.append(ch)  // the common case: nothing to transliterate
                lastWasSpace = false
            } else if ch.isLetter || ch.isNumber {
                out.append(contentsOf: transliterate(ch))
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// The zero-width non-joiner and joiner, which `NameSanitizer` keeps in stored names.
    static func isJoiner(_ s: Unicode.Scalar) -> Bool { s.value == 0x200C || s.value == 0x200D }

    /// The distinct words of a folded text, the unit the search index stores.
    public static func tokens(_ text: String) -> [String] {
        var seen = Set<String>()
        return fold(text).split(separator: " ").map(String.init).filter { seen.insert($0).inserted }
    }

    /// Letters that have no decomposition but that people type without their stroke or ligature.
    static func transliterate(_ ch: Character) -> String {
        switch ch {
        case "ß": "ss"
        case "æ": "ae"
        case "œ": "oe"
        case "ø": "o"
        case "đ", "ð": "d"
        case "ł": "l"
        case "þ": "th"
        case "ı": "i"
        default: String(ch)
        }
    }
}
