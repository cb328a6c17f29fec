import Glibc
import TerminalUI
import Testing
@testable import TerminalUICurses

/// All tests that start curses or install signal handlers live in this suite (through
/// extensions), because curses and signal dispositions are process-wide: `.serialized` is
/// inherited by nested suites, so none of them overlap.
@Suite(.serialized) struct CursesSession {}

/// A real curses session with nothing attached: `newterm` on `/dev/null` for input and output,
/// `TERM=xterm-256color`, a fixed size through `COLUMNS`/`LINES` (curses falls back to them
/// when the output is not a terminal) and the C.UTF-8 locale. Everything curses draws stays in its
/// screen image, where `readBack` finds it, and nothing reaches the test runner's terminal.
final class HeadlessCurses {
    let terminal: CursesTerminal
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>

    init(
        width: Int = 80, height: Int = 24, theme: Theme = .color, locale: String = "C.UTF-8",
        options: CursesTerminal.Options = .init()
    ) throws {
        setenv("LC_ALL", locale, 1)
        setenv("COLUMNS", "\(width)", 1)
        setenv("LINES", "\(height)", 1)
        guard let input = fopen("/dev/null", "r"), let output = fopen("/dev/null", "w") else {
            throw HeadlessError.cannotOpenDevNull
        }
        self.input = input
        self.output = output
        do {
            terminal = try CursesTerminal(
                theme: theme, options: options, input: input, output: output,
                terminalType: "xterm-256color")
        } catch {
            fclose(input); fclose(output)
            throw error
        }
    }

    /// Ends curses (`endwin` + `delscreen`) and closes the files. Call in every test, also on
    /// failure paths (`defer`).
    func close() {
        terminal.end()
        fclose(input)
        fclose(output)
        setenv("LC_ALL", "C.UTF-8", 1)
    }

    /// The text of a row as curses holds it, continuation cells left out, trailing blanks trimmed.
    func text(row y: Int) -> String {
        var result = ""
        for x in 0..<terminal.size.width {
            guard let cell = terminal.readBack(x: x, y: y), !cell.isWideContinuation else { continue }
            result += cell.text
        }
        while result.last == " " { result.removeLast() }
        return result
    }

    enum HeadlessError: Error { case cannotOpenDevNull }
}
