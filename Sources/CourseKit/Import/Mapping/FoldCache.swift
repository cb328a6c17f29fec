import Foundation

/// Folded names for matching, sorting and the search index, each distinct word folded once.
///
/// `NameFolding.fold` goes through Foundation's locale-aware folding, several microseconds a
/// call, and a 100,000-row roster needs every name folded. Plain ASCII, most names, takes a fast
/// path that `ImportFoldTests` proves equal to `NameFolding.fold`. Folding works character by
/// character on sanitised text, so a name's fold is its words' folds joined: each distinct
/// non-ASCII word (names repeat words a lot) is folded once. Input must be sanitised (`Cell.clean`).
final class FoldCache {
    private var words: [Substring: [Substring]] = [:]

    /// The folded words of a sanitised text, in order ("O'Neil-Smith Ana" → ["oneil", "smith", "ana"]).
    func words(_ text: String) -> [Substring] {
        if let ascii = Self.asciiFold(text[...]) { return ascii }
        var out: [Substring] = []
        for word in text.split(separator: " ") {
            if let ascii = Self.asciiFold(word) { out += ascii; continue }
            if let cached = words[word] { out += cached; continue }
            let folded = NameFolding.fold(String(word)).split(separator: " ")
            words[word] = folded
            out += folded
        }
        return out
    }

    /// The order-free key people are matched by (see `NameKey`).
    func nameKey(_ given: String, _ family: String) -> String {
        (words(given) + words(family)).sorted().joined(separator: " ")
    }

    /// What `Person.sortKey` computes: family name first, folded.
    func sortKey(_ given: String, _ family: String) -> String {
        (words(family) + words(given)).joined(separator: " ")
    }

    /// `NameFolding.fold` for printable ASCII, split into words: lower case, apostrophes and
    /// backticks dropped, spaces and other punctuation word breaks. Nil for anything else (the slow
    /// path decides).
    static func asciiFold(_ word: Substring) -> [Substring]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        for b in word.utf8 {
            switch b {
            case 0x41...0x5A: bytes.append(b | 0x20)
            case 0x61...0x7A, 0x30...0x39: bytes.append(b)
            case 0x27, 0x60: continue
            case 0x20...0x7E: bytes.append(0x20)
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: " ")
    }
}

/// Countries as a roster writes them ("Palau", "PW", "palau"), each distinct text resolved once.
final class CountryCache {
    private var codes: [String: String?] = [:]

    /// `Countries.code(for:)`, remembered.
    func code(_ text: String) -> String? {
        if let known = codes[text] { return known }
        let code = Countries.code(for: text)
        codes[text] = code
        return code
    }
}
