import Glibc
import Synchronization

/// Puts the terminal back when the process dies of a fatal signal while curses owns the screen.
///
/// Why: a Swift trap is SIGILL (exit 132), a bad pointer SIGSEGV. Without a handler the process
/// dies with the terminal still in curses' modes: echo off, no line editing, the alternate screen
/// up, the cursor hidden, mouse reporting on. The user's shell then looks dead.
///
/// The handler may only do async-signal-safe things (no allocation, no locks, no Swift runtime
/// calls that might take a lock), so everything it needs is prepared in advance:
/// - the terminal's original `termios`, saved before `newterm` into memory allocated once;
/// - the file descriptors, in `Atomic`s (Swift 6 forbids plain global `var`s, and a handler can
///   run between any two instructions of the code that sets them);
/// - the reset sequence, a `StaticString` (constant bytes, no reference counting);
/// - the previous handlers, in preallocated `sigaction` storage.
/// It restores `termios` with `tcsetattr`, `write`s the reset sequence, reinstates the previous
/// disposition (the default action, or Swift's backtracer if it had one) and re-raises, so the
/// exit status and any crash report stay what they would have been.
enum CrashGuard {
    /// The signals that end the process abnormally. SIGQUIT (Ctrl-\) is included: its default
    /// action kills the program without any cleanup, just like a crash.
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT]

    /// Leave mouse reporting (all three modes and SGR encoding), bracketed paste, the application
    /// keypad and cursor keys, reset attributes, show the cursor, leave the alternate screen, start
    /// a fresh line.
    static let resetSequence: StaticString =
        "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?2004l\u{1B}[?1l\u{1B}>\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"

    /// The descriptor whose `termios` is in `savedTermios`, or -1.
    static let savedTermiosFD = Atomic<Int32>(-1)
    /// Written only while `savedTermiosFD` is -1, read by the handler only while it is not.
    nonisolated(unsafe) static let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    /// Where to write `resetSequence` while curses owns the screen, or -1 when it does not (before
    /// `newterm`, after `end()`, while suspended): then the screen needs no repair, and escape
    /// codes would only litter a redirected output.
    static let activeOutputFD = Atomic<Int32>(-1)

    private static let signalSlots = 65  // _NSIG on Linux
    /// The disposition each fatal signal had before `install()`, indexed by signal number.
    nonisolated(unsafe) private static let previousActions: UnsafeMutablePointer<sigaction> = {
        let storage = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        storage.initialize(repeating: sigaction(), count: signalSlots)
        return storage
    }()
    private static let installed = Mutex(false)
    private static let exitHookInstalled = Mutex(false)

    // MARK: Normal code

    /// Installs the fatal-signal handlers once per process; later calls do nothing.
    static func install() {
        installed.withLock { installed in
            guard !installed else { return }
            installed = true
            prepareForHandlers()
            ensureAlternateSignalStack()
            for signal in fatalSignals {
                var current = sigaction()
                // A SIGQUIT the parent chose to ignore (nohup, some service managers) stays ignored.
                if signal == SIGQUIT, sigaction(signal, nil, &current) == 0, current.isIgnore { continue }
                var action = sigaction()
                action.__sigaction_handler.sa_handler = fatalSignalHandler
                sigemptyset(&action.sa_mask)
                action.sa_flags = Int32(SA_ONSTACK)  // run even when the stack has overflowed
                _ = sigaction(signal, &action, previousActions + Int(signal))
            }
        }
    }

    /// Initialises everything a handler reads. Swift initialises globals lazily, with a lock-based
    /// one-time initialiser that must never run inside a signal handler; this runs it in normal
    /// code first. Cheap, and called by every path that can lead to a handler.
    static func prepareForHandlers() {
        _ = savedTermiosFD.load(ordering: .relaxed)
        _ = activeOutputFD.load(ordering: .relaxed)
        _ = savedTermios
        _ = previousActions
        _ = resetSequence
    }

    /// Registers (once) an `atexit` hook that does what the crash handler does, for a program that
    /// calls `exit()` while curses owns the screen. After a proper `end()` it finds nothing to do.
    static func installExitHook() {
        exitHookInstalled.withLock { installed in
            guard !installed else { return }
            installed = true
            prepareForHandlers()
            _ = atexit { CrashGuard.restoreTerminalFromHandler() }
        }
    }

    /// Saves the terminal modes of `fd` (a TTY) for the handler. Returns false when `fd` is not
    /// a terminal, in which case there is nothing to restore.
    @discardableResult
    static func saveTerminalModes(of fd: Int32) -> Bool {
        savedTermiosFD.store(-1, ordering: .sequentiallyConsistent)
        guard isatty(fd) == 1, tcgetattr(fd, savedTermios) == 0 else { return false }
        savedTermiosFD.store(fd, ordering: .sequentiallyConsistent)
        return true
    }

    /// Restores the saved modes now (the normal exit path), then forgets them.
    static func restoreSavedTerminalModes() {
        let fd = savedTermiosFD.exchange(-1, ordering: .sequentiallyConsistent)
        if fd >= 0 { _ = tcsetattr(fd, TCSANOW, savedTermios) }
    }

    /// Curses owns the screen from now on (after `newterm`, after resuming from a suspend).
    static func markActive(outputFD: Int32) { activeOutputFD.store(outputFD, ordering: .sequentiallyConsistent) }
    /// The screen is the shell's again (after `endwin`).
    static func markInactive() { activeOutputFD.store(-1, ordering: .sequentiallyConsistent) }

    /// Stack overflows arrive as SIGSEGV on a stack with no room left; a handler can only run on an
    /// alternate stack. Swift's backtracer may already have set one up for this thread.
    private static func ensureAlternateSignalStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)  // kept for the process' life
        stack.ss_size = size
        stack.ss_flags = 0
        _ = sigaltstack(&stack, nil)
    }

    // MARK: Async-signal-safe (called from handlers)

    /// Puts the terminal back if curses owns it. Safe to call from a signal handler, and at most
    /// once effective: the descriptors are swapped out for -1 as they are used.
    static func restoreTerminalFromHandler() {
        let outputFD = activeOutputFD.exchange(-1, ordering: .sequentiallyConsistent)
        let termiosFD = savedTermiosFD.exchange(-1, ordering: .sequentiallyConsistent)
        if termiosFD >= 0 { _ = tcsetattr(termiosFD, TCSANOW, savedTermios) }
        if outputFD >= 0 { _ = write(outputFD, resetSequence.utf8Start, resetSequence.utf8CodeUnitCount) }
    }

    /// Reinstates the disposition `signal` had before `install()` and raises it again. The signal
    /// is blocked while its handler runs, so it is delivered as soon as the handler returns.
    static func reraiseWithPreviousAction(_ signal: Int32) {
        if signal > 0, signal < Int32(signalSlots) {
            _ = sigaction(signal, previousActions + Int(signal), nil)
        }
        _ = raise(signal)
    }

    /// Ends the process with `signal`'s default action after restoring the terminal.
    static func dieFromHandler(_ signal: Int32) {
        restoreTerminalFromHandler()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        _ = sigaction(signal, &action, nil)
        _ = raise(signal)
    }
}

/// The fatal-signal handler. A closure literal without captures, so it converts to a C function.
private let fatalSignalHandler: @convention(c) (Int32) -> Void = { signal in
    CrashGuard.restoreTerminalFromHandler()
    CrashGuard.reraiseWithPreviousAction(signal)
}

extension sigaction {
    /// Whether this disposition is `SIG_IGN` (a C function pointer with the value 1).
    var isIgnore: Bool {
        unsafeBitCast(__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
