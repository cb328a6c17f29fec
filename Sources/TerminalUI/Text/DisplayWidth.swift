/// How many terminal columns text takes.
///
/// Every layout decision (column widths, truncation, centring, where a wide character may go)
/// is made in columns, never in `count` or UTF-8 bytes: "李小龍" is 3 characters but 6 columns,
/// "José" is 4 columns whether its é is precomposed or decomposed.
///
/// Widths measure text *as it will be drawn*, that is after ``DisplaySanitizer``: a control
/// character counts 1 (it is drawn as a space or `�`), a bidi control counts 0 (it is removed).
/// So `DisplayWidth.of(s) == DisplayWidth.of(DisplaySanitizer.sanitize(s))` for every string.
public enum DisplayWidth {
    /// The width of one scalar on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }  // ASCII fast path
        switch DisplaySanitizer.treatment(of: scalar) {
        case .keep: break
        case .space, .replace: return 1
        case .remove: return 0
        }
        if contains(WidthTables.zero, v) { return 0 }
        if contains(WidthTables.wide, v) { return 2 }
        return 1
    }

    /// The width of one grapheme: 0, 1 or 2.
    ///
    /// A grapheme's scalars are summed the way `wcwidth` sums them when curses writes the
    /// grapheme (so Devanagari or Thai clusters with spacing marks line up), with the
    /// corrections modern terminals make for emoji: a scalar joined by ZWJ adds nothing, an
    /// emoji followed by VS16 (U+FE0F) is 2. The result is capped at 2 because a cell holds at
    /// most a double-width grapheme; the rare wider cluster is drawn 2 wide.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if scalars.count == 1 { return of(first) }

        var total = of(first)
        var afterJoiner = false
        var emojiBase = first.properties.isEmoji
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0x200D:
                afterJoiner = true
                continue
            case 0xFE0F where emojiBase:
                return 2
            default:
                break
            }
            if !afterJoiner { total += of(scalar) }
            afterJoiner = false
            emojiBase = emojiBase || scalar.properties.isEmoji
        }
        return min(total, 2)
    }

    /// The width of a string: the sum of its graphemes' widths.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    private static func contains(_ table: [(lo: UInt32, hi: UInt32)], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < table[mid].lo {
                high = mid - 1
            } else if value > table[mid].hi {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension Character {
    /// Terminal columns this grapheme takes (0, 1 or 2). See ``DisplayWidth``.
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
    /// Terminal columns this text takes once sanitised. See ``DisplayWidth``.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
