import CourseKit
import Foundation
import ReportText
import TerminalUI
import TerminalUICurses

/// Every line the command line prints goes through here, so a terminal whose locale is not UTF-8
/// (`LANG=C` over SSH, an old console) reads "Nunez, Jose" instead of "N??ez, Jos?", and so no
/// message that quotes a file's value can drive the terminal: escapes, carriage returns and bidi
/// overrides are shown (`␛]0;title␇`), whatever path the message took (``VisibleText``).
///
/// Only a terminal gets ASCII: output to a pipe or a file keeps every byte of every name, so
/// `muster roster X > file` or a cron job in the C locale loses nothing.
enum TerminalText {
    static let environment = ProcessInfo.processInfo.environment
    static let standardOutputIsASCII = isatty(1) == 1 && !Theme.localeIsUTF8(environment: environment)
    static let standardErrorIsASCII = isatty(2) == 1 && !Theme.localeIsUTF8(environment: environment)

    /// `text` as it should reach standard output.
    static func forStandardOutput(_ text: String) -> String {
        let shown = VisibleText.make(text, keepingLineBreaks: true)
        return standardOutputIsASCII ? ASCIIFallback.text(shown) : shown
    }

    /// Writes `text` to standard error, in ASCII where the terminal needs it.
    static func writeError(_ text: String) {
        let shown = VisibleText.make(text, keepingLineBreaks: true)
        FileHandle.standardError.write(Data((standardErrorIsASCII ? ASCIIFallback.text(shown) : shown).utf8))
    }

    /// One progress line on standard error, cut to the terminal's width (a live exchange's).
    static func writeProgress(_ line: String) { ProgressMeter.writeLine(line, columns: TerminalCapabilities.columns(fd: 2)) }

    /// Clears the progress line.
    static func endProgress() { ProgressMeter.clearLine() }

    /// Runs a long job with a progress line labelled `label` on standard error when it is a
    /// terminal (``ProgressMeter``), cut to the terminal's width.
    static func withProgress<T>(_ label: String, _ job: (ProgressReporter) throws -> T) rethrows -> T {
        try ProgressMeter.around(label, language: CommandWords.language, columns: { TerminalCapabilities.columns(fd: 2) }, job)
    }
}

/// Muster's `print`: Swift's, through ``TerminalText``. Declared in this module, it is the one
/// every command's `print(…)` calls.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator) + terminator
    Swift.print(TerminalText.forStandardOutput(text), terminator: "")
}
