import CNcursesw
import Glibc
import TerminalUI

extension CursesTerminal {
    /// The order matters, and each step says why.
    func start(
        input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
        terminalType: String?
    ) throws(CursesTerminalError) {
        if options.crashGuard { CrashGuard.install() }
        // Before `newterm`: ncurses installs its own SIGINT/SIGTERM/SIGTSTP/SIGWINCH handlers
        // wherever it finds the default action, and its SIGINT handler calls `_exit(1)`.
        try SignalRelay.openPipe()
        previousSignalActions = SignalRelay.install()
        // Before `newterm`, which changes them: the modes the crash handler puts back.
        CrashGuard.saveTerminalModes(of: inputFD)
        // Even a program that calls `exit()` without `end()` leaves a usable terminal.
        CrashGuard.installExitHook()
        // Take the size from `LINES`/`COLUMNS` when the output cannot tell (tests, some serial
        // consoles); the default, said out loud because the tests depend on it.
        use_env(true)
        fflush(output)

        // `newterm`, never `initscr`: `initscr` calls `exit()` when the terminal is unusable.
        let started: OpaquePointer? =
            if let terminalType {
                terminalType.withCString { newterm($0, output, input) }
            } else {
                newterm(nil, output, input)
            }
        guard let started else {
            CrashGuard.restoreSavedTerminalModes()
            SignalRelay.restore(previousSignalActions)
            previousSignalActions = [:]
            let type = terminalType ?? getenv("TERM").map { String(cString: $0) } ?? ""
            throw .cannotStart(terminalType: type)
        }
        screen = started
        _ = set_term(started)
        CrashGuard.markActive(outputFD: outputFD)

        setInputModes()
        if getenv("ESCDELAY") == nil { _ = set_escdelay(Int32(clamping: options.escapeDelayMilliseconds)) }
        defineExtraKeys()
        startColors()
        enableMouse()
        setBracketedPaste(true)
        setCursorVisible(false)
    }

    /// cbreak (or raw) without echo; Enter arrives as CR; keypad keys decoded; reads never block
    /// inside curses (`nodelay`): `readKey` waits in `poll()` instead, see `SignalRelay`.
    private func setInputModes() {
        let window = muster_stdscr()
        _ = options.raw ? raw() : cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = nodelay(window, true)
        _ = intrflush(window, false)
        if !options.raw { freeControlKeys() }
    }

    /// Turns off flow control (IXON) and the extended input characters (IEXTEN) that cbreak mode
    /// leaves on, so Ctrl-S does not freeze the screen (users take that for a hang), and Ctrl-Q,
    /// Ctrl-V and Ctrl-O arrive as keys instead of being swallowed by the terminal driver.
    /// `def_prog_mode` makes curses restore these modes too after a suspend.
    private func freeControlKeys() {
        var modes = termios()
        guard isatty(inputFD) == 1, tcgetattr(inputFD, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        modes.c_lflag &= ~tcflag_t(IEXTEN)
        _ = tcsetattr(inputFD, TCSANOW, &modes)
        _ = def_prog_mode()
    }

    /// Sequences terminals send for keys their terminfo entry does not list (or lists in the
    /// other cursor-key mode): Home/End as `ESC [1~` `ESC [4~` (rxvt, screen, tmux, the Linux
    /// console) or `ESC [H` `ESC [F`, arrows in both modes, Shift-Tab. Defined only where the
    /// sequence is free, so terminfo keeps precedence.
    private func defineExtraKeys() {
        let escape = "\u{1B}"
        let extras: [(String, Int32)] = [
            ("[1~", KEY_HOME), ("[7~", KEY_HOME), ("[H", KEY_HOME), ("OH", KEY_HOME),
            ("[4~", KEY_END), ("[8~", KEY_END), ("[F", KEY_END), ("OF", KEY_END),
            ("[A", KEY_UP), ("OA", KEY_UP), ("[B", KEY_DOWN), ("OB", KEY_DOWN),
            ("[C", KEY_RIGHT), ("OC", KEY_RIGHT), ("[D", KEY_LEFT), ("OD", KEY_LEFT),
            ("[2~", KEY_IC), ("[3~", KEY_DC), ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE),
            ("[Z", KEY_BTAB),
            ("OP", muster_KEY_F(1)), ("OQ", muster_KEY_F(2)), ("OR", muster_KEY_F(3)), ("OS", muster_KEY_F(4)),
            ("[11~", muster_KEY_F(1)), ("[12~", muster_KEY_F(2)), ("[13~", muster_KEY_F(3)), ("[14~", muster_KEY_F(4)),
        ]
        for (suffix, code) in extras {
            let sequence = escape + suffix
            if key_defined(sequence) == 0 { _ = define_key(sequence, code) }
        }
    }

    /// Colours when the terminal has them, on the terminal's own default colours when it can
    /// (`use_default_colors`), so the UI matches light and dark terminals.
    private func startColors() {
        colorsAvailable = has_colors() && start_color() == muster_OK()
        if colorsAvailable {
            defaultColors = use_default_colors() == muster_OK() ? (-1, -1) : (Int32(COLOR_WHITE), Int32(COLOR_BLACK))
        }
        rebuildStyles()
    }

    func enableMouse() {
        guard options.mouse else { return }
        // Interval 0: report press and release at once instead of waiting to see if they make a click.
        _ = mouseinterval(0)
        mouseEnabled = mousemask(MouseMask.reported, nil) != 0
    }

    func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        _ = curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }
}
