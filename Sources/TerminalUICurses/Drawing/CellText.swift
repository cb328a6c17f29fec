import CNcursesw
import TerminalUI

/// Turns a cell's grapheme into the code points handed to `setcchar`.
///
/// TerminalUI sanitises text when it is put into a buffer; this is the second line of defence at
/// the last moment before bytes reach the terminal, because a control character that slipped
/// through (a CR or BS) would overwrite other cells, and ESC would start a terminal command.
enum CellText {
    /// ncurses keeps at most this many code points per cell (`CCHARW_MAX`): a spacing character
    /// and up to four combining marks.
    static let maxScalars = Int(muster_CCHARW_MAX())

    /// Stand-ins for what cannot be drawn: U+FFFD when the locale is UTF-8, "?" otherwise.
    static func replacement(unicode: Bool) -> Unicode.Scalar { unicode ? DisplaySanitizer.replacement : "?" }

    /// The code points to draw for `text` in a cell `columns` wide.
    ///
    /// - Control and bidi characters are replaced or dropped exactly as `DisplaySanitizer` does.
    /// - An empty cell, or a grapheme that starts with a combining mark, gets a space to sit on
    ///   (curses needs a spacing character first).
    /// - Without a UTF-8 locale every non-ASCII character becomes "?": curses would otherwise drop
    ///   it without a trace and the columns after it would shift.
    /// - A double-width grapheme with only one column left (the right edge) becomes a space.
    static func scalars(for text: String, width: Int, columnsLeft: Int, unicode: Bool) -> [Unicode.Scalar] {
        if width > columnsLeft { return [" "] }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(2)
        for scalar in text.unicodeScalars {
            guard result.count < maxScalars else { break }
            var drawn = scalar
            switch DisplaySanitizer.treatment(of: scalar) {
            case .keep: break
            case .space: drawn = " "
            case .replace: drawn = replacement(unicode: unicode)
            case .remove: continue
            }
            if !unicode, drawn.value > 0x7E {
                if !result.isEmpty { continue }  // a combining mark: the base is already there
                drawn = "?"
            }
            if result.isEmpty, drawn.value > 0x7E, DisplayWidth.of(drawn) == 0 {
                result.append(" ")
            }
            result.append(drawn)
        }
        return result.isEmpty ? [" "] : result
    }
}
