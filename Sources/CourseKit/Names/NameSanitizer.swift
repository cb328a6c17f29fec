import Foundation

/// Cleans text that came from files or keyboards before it is stored.
///
/// Names from registration exports can carry carriage returns, backspaces, escape sequences and
/// bidi overrides. On a terminal those can overwrite or reorder what is drawn, so one person could
/// be shown as another. We drop them on the way in (and TerminalUI strips again on the way out).
public enum NameSanitizer {
    /// NFC, controls/bidi/zero-width removed, Unicode spaces folded to one ASCII space, trimmed.
    /// The zero-width joiner and non-joiner stay between two characters: Persian, Urdu and the
    /// Indic scripts spell names with them ("محمد‌رضا" is not "محمدرضا" on screen), and emoji
    /// sequences need them. Anywhere else (at an end, beside a space, doubled) they join nothing
    /// and would only make two equal-looking names differ, so they go.
    public static func clean(_ raw: String) -> String {
        if isCleanASCII(raw) { return raw }  // every name read from the library: nothing to do
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingJoiner: Unicode.Scalar?
        var skippingEscape = EscapeState.none
        for scalar in raw.unicodeScalars {
            if skippingEscape.consume(scalar) { continue }
            if scalar == "\u{1B}" { skippingEscape = .start; continue }
            if scalar.value == 0x9B { skippingEscape = .csi; continue }  // C1 CSI
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                pendingJoiner = nil
                continue
            }
            if isDropped(scalar) { continue }
            if scalar.value == 0x200C || scalar.value == 0x200D {
                // Kept only once the next character shows it joins two.
                pendingJoiner = out.isEmpty || pendingSpace ? nil : scalar
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if let joiner = pendingJoiner { out.append(joiner); pendingJoiner = nil }
            out.append(scalar)
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// True for printable ASCII with single spaces between words and none at either end, which
    /// `clean` returns as it is: decoding the 100k course's roster spent 14 % of the roll call's
    /// opening cleaning names that were clean.
    static func isCleanASCII(_ raw: String) -> Bool {
        var previousWasSpace = true  // so a leading space is not clean
        for byte in raw.utf8 {
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if byte > 0x20 && byte < 0x7F {
                previousWasSpace = false
            } else {
                return false
            }
        }
        return !previousWasSpace || raw.isEmpty
    }

    /// Same as `clean` but keeps line breaks, for free-text notes.
    public static func cleanMultiline(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { clean(String($0)) }
            .joined(separator: "\n")
    }

    /// True for characters that must never reach storage or a screen.
    public static func isDropped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true  // C0, DEL, C1
        case 0x200B, 0x200E, 0x200F, 0x2060...0x2064, 0xFEFF: return true  // zero-width space, marks (not ZWNJ/ZWJ)
        case 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true  // bidi embeddings, isolates
        case 0xFFF9...0xFFFB: return true  // interlinear annotation
        default: return false
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Tracks an escape sequence so its parameters ("[2J", "]0;title\u{7}") are dropped with it.
    enum EscapeState {
        case none, start, csi, string

        /// Returns true when the scalar belongs to the sequence and must be skipped.
        mutating func consume(_ s: Unicode.Scalar) -> Bool {
            switch self {
            case .none:
                return false
            case .start:
                switch s {
                case "[": self = .csi
                case "]", "P", "X", "^", "_": self = .string
                default: self = .none  // two-character escape such as ESC c
                }
                return true
            case .csi:
                // Parameters and intermediates are 0x20–0x3F; the final byte is 0x40–0x7E.
                if (0x40...0x7E).contains(s.value) { self = .none } else if !(0x20...0x3F).contains(s.value) { self = .none; return false }
                return true
            case .string:
                // OSC/DCS end with BEL or ST (ESC \); a stray newline also ends it so text isn't lost.
                if s == "\u{07}" || s == "\u{9C}" || s == "\n" { self = .none; return true }
                if s == "\u{1B}" { self = .start; return true }
                return true
            }
        }
    }
}
