import Glibc
import Synchronization

/// Turns the signals a terminal program must react to into bytes on a pipe (the self-pipe trick).
///
/// Why a pipe and `poll()`, not a flag: the run loop spends its life blocked waiting for a key.
/// A handler that only sets a flag races with that wait: the signal can land after the loop has
/// checked the flag and before it blocks, and then nothing happens until the next key press,
/// which for SIGTERM or SIGHUP may be never. A byte written to a pipe cannot be lost that way:
/// `CursesTerminal.readKey` polls stdin and the pipe together, so the pipe wakes it whichever
/// thread the signal was delivered to. The handler itself does one `write()`, which is
/// async-signal-safe; all the real work (closing the database, `endwin`) happens in normal code.
///
/// Handlers are installed with `sigaction` without `SA_RESTART` so a blocked `poll()` returns
/// early too, and before `newterm`, because ncurses installs its own SIGINT/SIGTERM handlers
/// (which call `_exit(1)` and would skip closing the database) wherever it finds the default.
enum SignalRelay {
    /// Relayed: the three requests to stop, Ctrl-Z, window size changes, and continuing after a
    /// stop (the shell may have drawn over the screen meanwhile).
    static let relayedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGWINCH, SIGCONT]

    /// A stop request nobody has answered (see `acknowledgeStopRequests`) is counted; at this many
    /// the handler gives up on the program and ends it the hard way (terminal restored first),
    /// so a hung program, or a run loop that ignores `pendingSignal`, still dies on the third Ctrl-C.
    static let forcedStopThreshold = 3

    static let readFD = Atomic<Int32>(-1)
    static let writeFD = Atomic<Int32>(-1)
    static let unansweredStopRequests = Atomic<Int>(0)
    private static let pipeOpened = Mutex(false)

    /// Opens the pipe once per process. It is never closed: a handler could be writing to it at
    /// any moment, and two descriptors for the life of the process cost nothing.
    /// Both ends are close-on-exec and non-blocking (`pipe2` is not exposed by Glibc, hence
    /// `pipe` + `fcntl`): the handler must never block on a full pipe (a dropped byte is harmless,
    /// the reader is already awake), and the reader drains it until `EAGAIN`.
    static func openPipe() throws(CursesTerminalError) {
        try pipeOpened.withLock { (opened: inout Bool) throws(CursesTerminalError) in
            guard !opened else { return }
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw .systemCall("pipe", errno) }
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
            readFD.store(fds[0], ordering: .sequentiallyConsistent)
            writeFD.store(fds[1], ordering: .sequentiallyConsistent)
            _ = unansweredStopRequests.load(ordering: .relaxed)
            CrashGuard.prepareForHandlers()  // the forced stop uses it
            opened = true
        }
    }

    /// Installs the relay handler for `signals` and returns what was there before, for `restore`.
    static func install(_ signals: [Int32] = relayedSignals) -> [Int32: sigaction] {
        var previous: [Int32: sigaction] = [:]
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = relayHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: interrupt the blocked poll()
            var old = sigaction()
            if sigaction(signal, &action, &old) == 0 { previous[signal] = old }
        }
        return previous
    }

    /// Puts back the dispositions `install` replaced.
    static func restore(_ previous: [Int32: sigaction]) {
        for (signal, action) in previous {
            var action = action
            _ = sigaction(signal, &action, nil)
        }
    }

    /// Sets `signal` back to its default action (used to really stop on SIGTSTP).
    static func setDefault(_ signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        _ = sigaction(signal, &action, nil)
    }

    /// Reads every signal number waiting in the pipe, oldest first. Never blocks.
    static func drain() -> [Int32] {
        let fd = readFD.load(ordering: .sequentiallyConsistent)
        guard fd >= 0 else { return [] }
        var signals: [Int32] = []
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                signals.append(contentsOf: bytes[..<count].map { Int32($0) })
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return signals  // EAGAIN: empty
            }
        }
    }

    /// The program has seen the stop request(s) and is acting on them.
    static func acknowledgeStopRequests() {
        unansweredStopRequests.store(0, ordering: .sequentiallyConsistent)
    }
}

/// The relay handler: one `write()` (and, on the third unanswered stop request, the hard stop).
/// `errno` is saved because the interrupted code may be about to read it.
private let relayHandler: @convention(c) (Int32) -> Void = { signal in
    let savedErrno = errno
    if signal == SIGINT || signal == SIGTERM || signal == SIGHUP {
        let unanswered = SignalRelay.unansweredStopRequests.add(1, ordering: .sequentiallyConsistent).newValue
        if unanswered >= SignalRelay.forcedStopThreshold { CrashGuard.dieFromHandler(signal) }
    }
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(SignalRelay.writeFD.load(ordering: .sequentiallyConsistent), &byte, 1)
    errno = savedErrno
}
