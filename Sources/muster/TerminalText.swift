import Foundation
import TerminalUI

/// Every line the command line prints goes through here, so a terminal whose locale is not UTF-8
/// (`LANG=C` over SSH, an old console) reads "Nunez, Jose" instead of "N??ez, Jos?".
///
/// Only a terminal gets ASCII: output to a pipe or a file keeps every byte of every name, so
/// `muster roster X > file` or a cron job in the C locale loses nothing.
enum TerminalText {
    static let environment = ProcessInfo.processInfo.environment
    static let standardOutputIsASCII = isatty(1) == 1 && !Theme.localeIsUTF8(environment: environment)
    static let standardErrorIsASCII = isatty(2) == 1 && !Theme.localeIsUTF8(environment: environment)

    /// `text` as it should reach standard output.
    static func forStandardOutput(_ text: String) -> String {
        standardOutputIsASCII ? ASCIIFallback.text(text) : text
    }

    /// Writes `text` to standard error, in ASCII where the terminal needs it.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((standardErrorIsASCII ? ASCIIFallback.text(text) : text).utf8))
    }
}

/// Muster's `print`: Swift's, through ``TerminalText``. Declared in this module, it is the one
/// every command's `print(…)` calls.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator) + terminator
    Swift.print(TerminalText.forStandardOutput(text), terminator: "")
}
