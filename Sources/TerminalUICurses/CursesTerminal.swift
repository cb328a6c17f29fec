import CNcursesw
import Glibc
import Synchronization
import TerminalUI

/// The real terminal, through ncursesw: draws `ScreenBuffer`s, reads `Key`s and owns the
/// terminal's lifecycle (setup, resize, suspend, signals, restore on exit and on crash).
///
/// Use it from one thread (curses is one big global state machine) and keep at most one alive;
/// creating a second while one is running throws `CursesTerminalError.alreadyRunning`.
///
/// ```swift
/// if let reason = TerminalCapabilities.refusalReasonForCurrentProcess() { fail(reason) }
/// CursesTerminal.installCrashGuard()
/// let terminal = try CursesTerminal(theme: .monochrome, options: .init(mouse: !noMouse))
/// terminal.theme = Theme.resolve(environment: env, noColor: noColor, ascii: ascii || !terminal.isUTF8,
///                                colorsAvailable: terminal.colorsAvailable)
/// let runner = Runner(program: program, state: state, backend: terminal, theme: terminal.theme)
/// runner.run(until: { terminal.pendingSignal != nil }) // SIGINT/TERM/HUP end the loop
/// terminal.end()
/// if let signal = terminal.takePendingSignal() { throw ExitCode(signal.exitStatus) }
/// ```
public final class CursesTerminal: TerminalBackend {
    /// How the terminal is set up.
    public struct Options: Sendable, Hashable {
        /// `raw()` instead of `cbreak()`: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys instead of
        /// signals. For the kiosk, which must not be left by a key chord.
        public var raw: Bool
        /// Report clicks and the wheel. Off (`--no-mouse`) leaves selecting text to the terminal.
        public var mouse: Bool
        /// How long curses waits after ESC for the rest of an escape sequence. Used unless the
        /// `ESCDELAY` environment variable is set (then the user's value wins). curses' default
        /// of a full second makes Esc feel broken; 25 ms is plenty on a local terminal or LAN.
        public var escapeDelayMilliseconds: Int
        /// Install the fatal-signal handlers (see `installCrashGuard()`) when starting.
        public var crashGuard: Bool

        public init(raw: Bool = false, mouse: Bool = true, escapeDelayMilliseconds: Int = 25, crashGuard: Bool = true) {
            self.raw = raw; self.mouse = mouse
            self.escapeDelayMilliseconds = escapeDelayMilliseconds; self.crashGuard = crashGuard
        }
    }

    public let options: Options
    /// How roles are drawn. Settable, because the theme usually depends on `colorsAvailable`,
    /// which is only known once curses has started.
    public var theme: Theme { didSet { rebuildStyles() } }
    /// Whether the locale's character set is UTF-8 (checked after `setlocale(LC_ALL, "")`).
    /// When false, use an ASCII theme: curses cannot show anything else, and non-ASCII text in
    /// cells is drawn as "?".
    public let isUTF8: Bool
    /// Whether the terminal can show colours (`has_colors()` and `start_color()` succeeded).
    public internal(set) var colorsAvailable = false
    /// Whether mouse reporting is on.
    public internal(set) var mouseEnabled = false
    /// A stop request (SIGINT, SIGTERM, SIGHUP) that arrived and has not been taken yet; see
    /// `takePendingSignal()`.
    public internal(set) var pendingSignal: TerminalSignal?

    var screen: OpaquePointer?
    let inputFD: Int32
    let outputFD: Int32
    private let outputFile: UnsafeMutablePointer<FILE>
    var styles: CursesStyles
    var defaultColors: (foreground: Int32, background: Int32) = (-1, -1)
    var previousSignalActions: [Int32: sigaction] = [:]
    var pendingKeys: [Key] = []
    /// Bracketed pastes collected across reads.
    var pasteDecoder = PasteDecoder()
    var cursorVisible: Bool?
    var isSuspended = false
    /// The frame curses' screen image holds, so `draw` writes only the rows that changed; nil
    /// when the image cannot be trusted to hold it (see `draw`).
    var lastFrame: ScreenBuffer?
    /// How many rows the last `draw` wrote; for tests.
    var rowsWritten = 0

    /// Only one terminal may own curses at a time.
    private static let running = Mutex(false)

    /// Starts curses on the process' stdin and stdout and switches to the alternate screen.
    public convenience init(theme: Theme, options: Options = Options()) throws(CursesTerminalError) {
        try self.init(theme: theme, options: options, input: muster_stdin(), output: muster_stdout(), terminalType: nil)
    }

    /// Starts curses on the given streams (tests pass `/dev/null` for both).
    /// - Parameter terminalType: the terminfo name, or nil for `$TERM`.
    init(
        theme: Theme, options: Options, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
        terminalType: String?
    ) throws(CursesTerminalError) {
        try Self.running.withLock { (running: inout Bool) throws(CursesTerminalError) in
            guard !running else { throw .alreadyRunning }
            running = true
        }
        self.options = options
        self.theme = theme
        self.inputFD = fileno(input)
        self.outputFD = fileno(output)
        self.outputFile = output
        // The locale first: curses decides at `newterm` how to encode characters, and without a
        // UTF-8 locale every non-ASCII character silently disappears.
        setlocale(LC_ALL, "")
        self.isUTF8 = TerminalCapabilities.localeIsUTF8
        self.styles = CursesStyles(theme: theme, useColor: false)
        do {
            try start(input: input, output: output, terminalType: terminalType)
        } catch {
            Self.running.withLock { $0 = false }
            throw error
        }
    }

    deinit { end() }

    /// Installs handlers that restore the terminal on a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
    /// SIGABRT, SIGTRAP, SIGQUIT), then let the crash proceed as before (default action, or
    /// Swift's backtracer if it was installed). Once per process; later calls do nothing.
    /// Starting a `CursesTerminal` calls it unless `Options.crashGuard` is false; call it
    /// yourself earlier to cover the time before the terminal starts.
    public static func installCrashGuard() { CrashGuard.install() }

    /// The current size in cells.
    public var size: Size {
        guard screen != nil, let window = muster_stdscr() else { return Size(width: 0, height: 0) }
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Asks the terminal for its size and, if curses has a different one, resizes curses.
    ///
    /// SIGWINCH normally does this, but in a storm of resizes (a window manager dragging, tmux
    /// resizing several times in a row) the last size can reach curses late or not at all, and
    /// the screen would stay drawn for an old size. The runner calls this on every tick: one
    /// `ioctl`, nothing else when the size is unchanged.
    public func checkSize() -> Size {
        guard screen != nil else { return size }
        var rows: Int32 = 0, columns: Int32 = 0
        if muster_window_size(outputFD, &rows, &columns) == 0, rows > 0, columns > 0,
            rows != muster_LINES() || columns != muster_COLS()
        {
            _ = resizeterm(rows, columns)
            forceRedraw()
        }
        return size
    }

    /// Takes (and clears) the pending stop request. Call it after every `readKey`: a signal
    /// surfaces as `Key.unknown` plus this. Taking it also resets the count of unanswered
    /// requests, which otherwise ends the program the hard way on the third (see `SignalRelay`).
    public func takePendingSignal() -> TerminalSignal? {
        defer { pendingSignal = nil }
        if pendingSignal != nil { SignalRelay.acknowledgeStopRequests() }
        return pendingSignal
    }

    func record(_ signal: TerminalSignal) {
        if let current = pendingSignal, current.severity >= signal.severity { return }
        pendingSignal = signal
    }

    /// Leaves curses and puts the terminal back as it was: mouse off, cursor shown, `endwin`
    /// (leaves the alternate screen, restores the modes), the saved `termios`, the previous
    /// signal handlers. Idempotent; `deinit` calls it too.
    public func end() {
        guard let screen else { return }
        if mouseEnabled { _ = mousemask(0, nil); mouseEnabled = false }
        setBracketedPaste(false)
        _ = curs_set(1)
        _ = endwin()
        CrashGuard.markInactive()
        delscreen(screen)
        self.screen = nil
        CrashGuard.restoreSavedTerminalModes()
        SignalRelay.restore(previousSignalActions)
        previousSignalActions = [:]
        fflush(outputFile)
        Self.running.withLock { $0 = false }
    }

    /// Asks the terminal to wrap pastes in `ESC [200~ … ESC [201~` (or stops asking), so a paste
    /// arrives as one `Key.paste` instead of typed keys (`PasteDecoder`). Turned off again on
    /// `end()`, before a suspend, and by the crash guard's reset, so the shell never receives the
    /// markers; terminals that do not know the mode ignore it.
    func setBracketedPaste(_ on: Bool) {
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        fflush(outputFile)
        _ = sequence.withCString { write(outputFD, $0, strlen($0)) }
    }

    func rebuildStyles() {
        lastFrame = nil  // the same cells now have other attributes
        styles = CursesStyles(
            theme: theme, useColor: colorsAvailable,
            defaultForeground: defaultColors.foreground,
            defaultBackground: defaultColors.background,
            maxPairs: colorsAvailable ? Int(muster_COLOR_PAIRS()) : 0)
        guard screen != nil else { return }
        for definition in styles.pairs {
            _ = init_pair(Int16(definition.pair), Int16(definition.foreground), Int16(definition.background))
        }
    }
}

/// Why the terminal could not start.
public enum CursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// `newterm` failed: no terminfo entry for this `TERM`, or the terminal is unusable.
    case cannotStart(terminalType: String)
    /// Another `CursesTerminal` is still running in this process.
    case alreadyRunning
    /// A system call failed while setting up (name, errno).
    case systemCall(String, Int32)

    public var description: String {
        switch self {
        case .cannotStart(let type): "cannot start the terminal interface for TERM=\(type)"
        case .alreadyRunning: "a terminal interface is already running"
        case .systemCall(let name, let code): "\(name) failed: \(String(cString: strerror(code)))"
        }
    }
}
