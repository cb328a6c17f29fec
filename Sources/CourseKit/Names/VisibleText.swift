import Foundation

/// Text that quotes input, made safe to write to a terminal by making the dangerous characters
/// visible rather than silently dropping them.
///
/// A course file's title or a roster's cell can hold an escape sequence that retitles the
/// terminal, clears the screen or writes the clipboard (OSC 52), a carriage return that draws one
/// line over another, or a bidi override that reorders what is read. `NameSanitizer` drops those
/// before they are stored; a message about a refused file quotes the raw value, so it shows them
/// instead: the reader sees `␛]0;pwned␇` and knows the file is odd. The joiners (ZWJ, ZWNJ) that
/// Persian, the Indic scripts and emoji need are kept.
public enum VisibleText {
    /// `text` with every control, escape, bidi and invisible format character shown as a symbol:
    /// C0 controls as their control pictures (ESC → ␛, CR → ␍), DEL as ␡, the rest as `<U+202E>`.
    /// Line feeds, CR LF pairs and tabs stay when `keepingLineBreaks` (a message of several lines,
    /// CSV); otherwise a line feed is ␊ too, so a quoted value cannot start a forged line.
    public static func make(_ text: String, keepingLineBreaks: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        func shown(_ i: Int) -> Bool {
            // CR LF is a line break too: CSV ends its lines so (RFC 4180).
            if keepingLineBreaks, scalars[i] == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { return false }
            return needsShowing(scalars[i], keepingLineBreaks: keepingLineBreaks)
        }
        guard scalars.indices.contains(where: shown) else { return text }
        var out = String.UnicodeScalarView()
        for i in scalars.indices {
            let scalar = scalars[i]
            guard shown(i) else {
                out.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            default: out.append(contentsOf: String(format: "<U+%04X>", scalar.value).unicodeScalars)
            }
        }
        return String(out)
    }

    /// `value` in single quotes, shown safely: what error messages use to repeat an input.
    public static func quoted(_ value: String) -> String { "'\(make(value))'" }

    /// True for characters a terminal would act on or that change what is read without being seen.
    static func needsShowing(_ s: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch s.value {
        case 0x0A, 0x09: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true  // C0 (ESC, CR, BS, BEL…), DEL, C1 (CSI, OSC, ST)
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi marks, overrides, isolates
        case 0x200B, 0x2028, 0x2029, 0x2060...0x2064, 0xFEFF, 0xFFF9...0xFFFB: return true  // invisible format characters
        default: return false
        }
    }
}
