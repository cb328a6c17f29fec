import CourseKit
import Foundation
import Testing

/// The test that a Spanish screen has no English left: every English value of the screen's
/// catalogues that Spanish says otherwise must not be on it. One that is bypassed the catalogue.
enum SpanishCheck {
    /// Each key's English text, longer than 3 characters and different in Spanish; for a format,
    /// its longest literal piece ("Marked %d present" → "present").
    static func englishText(of tables: [String]) -> [String: String] {
        var english: [String: String] = [:]
        for table in tables {
            let spanish = Words(.es).entries(table: table)
            for (key, value) in Words(.en).entries(table: table) where spanish[key] != value {
                let pieces = value.components(separatedBy: "%").enumerated().map { index, piece in
                    // After a "%", the blank's own letters ("1$@", "d") are not text.
                    (index == 0 ? Substring(piece) : piece.drop { $0 != "@" && $0 != "d" }.dropFirst())
                        .trimmingCharacters(in: .whitespaces)
                }
                let text = pieces.max { $0.count < $1.count } ?? ""
                if text.count > 3 { english[key] = text }
            }
        }
        return english
    }

    /// Fails for each English text found on a screen as whole words ("present" is not in
    /// "presente").
    static func expectNoEnglish(
        _ english: [String: String], on screens: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for screen in screens {
            // The regular expression only where the words appear at all: compiling one per string
            // per screen was 3 % of the library suites' CPU.
            for (key, value) in english where screen.contains(value) {
                let pattern = "(^|[^\\p{L}])" + NSRegularExpression.escapedPattern(for: value) + "($|[^\\p{L}])"
                #expect(
                    screen.range(of: pattern, options: .regularExpression) == nil, "\(key) in English:\n\(screen)",
                    sourceLocation: sourceLocation)
            }
        }
    }
}
