import CNcursesw
import Glibc

/// Decides, before touching curses, whether a full-screen UI can work here at all.
public enum TerminalCapabilities {
    /// Why the terminal UI cannot start in this environment, or nil when it can.
    ///
    /// Why refuse instead of trying: with `TERM` unset or `dumb`, curses either fails outright or
    /// draws with no cursor addressing; with stdin or stdout redirected (a pipe, a cron job, a
    /// CI log), a full-screen UI waits for keys that never come or fills a file with escape codes.
    /// Everything the UI does is also available as a subcommand, so the message says so.
    public static func refusalReason(environment: [String: String], stdinIsTTY: Bool, stdoutIsTTY: Bool) -> String? {
        let problem: String
        let term = environment["TERM"]?.trimmingCharacters(in: " \t")
        if term == nil || term == "" {
            problem = "TERM is not set, so the kind of terminal is unknown"
        } else if term == "dumb" {
            problem = "TERM is \"dumb\", a terminal that cannot move the cursor"
        } else if !stdinIsTTY && !stdoutIsTTY {
            problem = "neither input nor output is a terminal"
        } else if !stdinIsTTY {
            problem = "input is not a terminal (it is redirected or piped)"
        } else if !stdoutIsTTY {
            problem = "output is not a terminal (it is redirected or piped)"
        } else {
            return nil
        }
        // One line: callers print it after "muster: " and may keep only the first line.
        return "cannot open the full-screen interface: \(problem). Every task also works as a command: "
            + "muster courses, muster sessions, muster roster, muster mark and more (muster --help lists them all)."
    }

    /// The same check against this process: its `TERM` and whether fds 0 and 1 are terminals.
    public static func refusalReasonForCurrentProcess() -> String? {
        var environment: [String: String] = [:]
        if let term = getenv("TERM") { environment["TERM"] = String(cString: term) }
        return refusalReason(environment: environment, stdinIsTTY: isatty(0) == 1, stdoutIsTTY: isatty(1) == 1)
    }

    /// The width in columns of the terminal on `fd`, or nil when `fd` is not a terminal.
    public static func columns(fd: Int32) -> Int? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard muster_window_size(fd, &rows, &columns) == 0, columns > 0 else { return nil }
        return Int(columns)
    }

    /// What terminfo knows of the terminal type `term`: its colours, or nil when terminfo has no
    /// entry for it (a type from another system over SSH: install ncurses-term, or pick a
    /// type it has, such as xterm-256color).
    public static func colors(term: String) -> Int? {
        let colors = muster_terminfo_colors(term)
        return colors == -2 ? nil : max(0, Int(colors))
    }

    /// Whether the current locale's character set is UTF-8. Call after `setlocale(LC_ALL, "")`.
    /// Without it, curses silently drops every non-ASCII character ("José" shows as "Jos"), so
    /// the UI must switch to ASCII.
    public static var localeIsUTF8: Bool {
        guard let codeset = muster_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> Substring {
        let characters = Set(set)
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return slice
    }
}
