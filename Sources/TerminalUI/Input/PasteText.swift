/// What of a paste a text field may take.
///
/// A paste is whatever was on someone's clipboard: text copied from a spreadsheet (tabs, line
/// breaks), from a web page (bidi marks, zero-width spaces) or from a terminal (escape sequences
/// with their parameters). A field holds one line of plain text, so escape sequences go with
/// their parameters, and every scalar `DisplaySanitizer` would not keep as is goes too, except
/// that a run of tabs and line breaks between words is one space: two cells copied from a
/// spreadsheet ("José⇥Núñez", or one above the other) are a name to search for, "José Núñez",
/// not "JoséNúñez" (Firefox's single-line fields do the same). Nothing a paste holds presses
/// Enter.
public enum PasteText {
    public static func clean(_ pasted: String) -> String {
        var out = String.UnicodeScalarView()
        var gap = false
        let scalars = Array(pasted.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.value == 0x1B || s.value == 0x9B {
                i = endOfEscape(scalars, from: i)
                continue
            }
            if separators.contains(s.value) {
                gap = true
            } else if DisplaySanitizer.treatment(of: s) == .keep {
                // One space for the run, and none before the first word or after the last.
                if gap, let last = out.last, last != " " { out.append(" ") }
                gap = false
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    /// Tab, the line breaks (LF, VT, FF, CR, NEL, LS, PS): what separates cells and lines.
    static let separators: Set<UInt32> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

    /// The index after the escape sequence starting at `start`: CSI (`ESC [` or 8-bit CSI) up to
    /// its final byte; OSC, DCS, SOS, PM, APC up to BEL or ST; any other `ESC x` is two scalars.
    static func endOfEscape(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 1
        let csi: Bool
        if s[start].value == 0x9B {
            csi = true
        } else {
            guard i < s.count else { return i }
            let introducer = s[i].value
            i += 1
            if [0x5D, 0x50, 0x58, 0x5E, 0x5F].contains(introducer) {  // ] P X ^ _
                while i < s.count {
                    let v = s[i].value
                    i += 1
                    if v == 0x07 || v == 0x9C { return i }
                    if v == 0x1B { return i < s.count && s[i].value == 0x5C ? i + 1 : i }
                }
                return i
            }
            csi = introducer == 0x5B || introducer == 0x4F  // [ or SS3's O
        }
        guard csi else { return i }
        while i < s.count, (0x20...0x3F).contains(s[i].value) { i += 1 }
        if i < s.count, (0x40...0x7E).contains(s[i].value) { i += 1 }
        return i
    }
}
