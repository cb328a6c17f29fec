import Glibc

/// A request to stop that arrived as a signal while the terminal UI was running.
///
/// `readKey(timeoutMilliseconds:)` returns `Key.unknown` when one arrives and records it in
/// `CursesTerminal.pendingSignal`; the run loop calls `takePendingSignal()` after every key and
/// shuts down cleanly (close the database, `end()`) when it gets one. See `SignalRelay` for why
/// the signal travels through a pipe instead of being acted on in the handler.
public enum TerminalSignal: Sendable, Hashable, CaseIterable {
    /// SIGINT: Ctrl-C in the normal (cbreak) mode, or `kill -INT`. In raw mode (the kiosk) Ctrl-C
    /// arrives as the key `.ctrl("c")` instead.
    case interrupt
    /// SIGTERM: `kill`, a service manager stopping the program, a shutdown.
    case terminate
    /// SIGHUP: the terminal went away (SSH dropped, window closed). Drawing is pointless now.
    case hangup

    /// The POSIX signal number.
    public var number: Int32 {
        switch self {
        case .interrupt: SIGINT
        case .terminate: SIGTERM
        case .hangup: SIGHUP
        }
    }

    public init?(number: Int32) {
        switch number {
        case SIGINT: self = .interrupt
        case SIGTERM: self = .terminate
        case SIGHUP: self = .hangup
        default: return nil
        }
    }

    /// The conventional exit status of a program that stops because of this signal (128 + n).
    public var exitStatus: Int32 { 128 + number }

    /// When several arrive before the caller looks, the most final one wins: a hangup means
    /// there is no terminal left to ask "really quit?" on.
    var severity: Int {
        switch self {
        case .interrupt: 0
        case .terminate: 1
        case .hangup: 2
        }
    }
}
