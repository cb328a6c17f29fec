/// What of a paste a text field may take.
///
/// A paste is whatever was on someone's clipboard: text copied from a spreadsheet (tabs, line
/// breaks), from a web page (bidi marks, zero-width spaces) or from a terminal (escape sequences
/// with their parameters). A field holds one line of plain text, so all of that goes: escape
/// sequences with their parameters, then every scalar `DisplaySanitizer` would not keep as is —
/// controls, line breaks and tabs included, removed rather than turned into spaces, so
/// "Ana\rMaria\n" is "AnaMaria", as if typed without the Enter keys.
public enum PasteText {
    public static func clean(_ pasted: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(pasted.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.value == 0x1B || s.value == 0x9B {
                i = endOfEscape(scalars, from: i)
                continue
            }
            if DisplaySanitizer.treatment(of: s) == .keep { out.append(s) }
            i += 1
        }
        return String(out)
    }

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
