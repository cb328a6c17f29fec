/// Breaking text into lines by display width, for dialogs and messages.
public enum WordWrap {
    /// The lines of `text` wrapped at `width` columns.
    ///
    /// Line breaks in the text start new paragraphs (an empty paragraph gives an empty line);
    /// runs of spaces collapse; a word wider than the line is broken between graphemes. A line
    /// is only wider than `width` when a single wide character cannot fit a one-column line, and
    /// drawing clips it to a space. Returns no lines for a width of 0 or less.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let words = paragraph.sanitizedForDisplay.split(separator: " ")
            var line = ""
            var lineWidth = 0
            if words.isEmpty { result.append(""); continue }
            for word in words {
                let wordWidth = word.displayWidth
                if wordWidth > width {
                    if !line.isEmpty { result.append(line) }
                    var pieces = hardBreak(String(word), width: width)
                    let last = pieces.removeLast()
                    result.append(contentsOf: pieces)
                    (line, lineWidth) = (last, last.displayWidth)
                } else if line.isEmpty {
                    (line, lineWidth) = (String(word), wordWidth)
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                } else {
                    result.append(line)
                    (line, lineWidth) = (String(word), wordWidth)
                }
            }
            result.append(line)
        }
        return result
    }

    /// A word cut into pieces of at most `width` columns; each piece holds at least one grapheme
    /// so the loop always ends.
    private static func hardBreak(_ word: String, width: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(word)
        while !rest.isEmpty {
            var (piece, _) = String(rest).prefix(fittingWidth: width)
            if piece.isEmpty { piece = String(rest).prefix(1) }
            pieces.append(String(piece))
            rest = rest.dropFirst(piece.count)
        }
        return pieces
    }
}
