/// Makes untrusted text safe to draw.
///
/// Names come from spreadsheets, kiosks and other people's databases. A carriage return or a
/// backspace lets a name overwrite what was drawn before it, an ESC sequence can clear the screen
/// or set the clipboard, and a bidi override (U+202E) makes "Alice" display as someone else on
/// the kiosk's "Is this you?" screen. curses shows ESC as `^[` but still obeys CR and BS, so the
/// only safe place to stop all of them is before a cell is written: every text-drawing call of
/// ``ScreenBuffer`` runs its text through ``sanitize(_:)``.
///
/// - Line breaks and tabs (TAB, LF, VT, FF, CR, NEL, U+2028, U+2029) become a space, so
///   "Ana\tLima" still reads as two words.
/// - Every other C0 control, DEL and the C1 controls (U+0080–U+009F, incl. the 8-bit CSI U+009B)
///   become U+FFFD `�`, visibly marking that something was there.
/// - Bidi controls (U+200E/F, U+202A–E, U+2066–9, U+061C) are removed: they are invisible in
///   legitimate text, so removing them changes nothing a reader could see except the spoofing.
public enum DisplaySanitizer {
    /// What happens to one scalar when drawn.
    public enum Treatment: Sendable, Hashable {
        case keep
        /// Replaced by a space (line breaks and tabs).
        case space
        /// Replaced by ``DisplaySanitizer/replacement``.
        case replace
        /// Dropped.
        case remove
    }

    /// The visible stand-in for a control character.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func treatment(of scalar: Unicode.Scalar) -> Treatment {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029:
            return .space
        case 0x00...0x1F, 0x7F...0x9F:
            return .replace
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C:
            return .remove
        default:
            return .keep
        }
    }

    /// Whether `text` would be changed by ``sanitize(_:)``.
    public static func needsSanitizing<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains { treatment(of: $0) != .keep }
    }

    /// The text with every control and bidi character replaced or removed (see the type's
    /// documentation). Returns the text unchanged, without copying, when nothing needs it.
    public static func sanitize(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch treatment(of: scalar) {
            case .keep: scalars.append(scalar)
            case .space: scalars.append(" ")
            case .replace: scalars.append(replacement)
            case .remove: break
            }
        }
        return String(scalars)
    }
}

extension StringProtocol {
    /// This text made safe to draw. See ``DisplaySanitizer``.
    public var sanitizedForDisplay: String { DisplaySanitizer.sanitize(String(self)) }
}
