import CNcursesw
import Glibc
import TerminalUI

extension CursesTerminal {
    /// Gives the terminal back to the shell and stops the process, as Ctrl-Z does; returns when
    /// the user resumes it (`fg`), with the screen repainted and `.resize` queued so the caller
    /// redraws at whatever size the terminal has now.
    ///
    /// Ctrl-Z (SIGTSTP) calls this from `readKey`. To really stop, the handler must be out of the
    /// way: SIGTSTP goes back to its default action, is raised, and the process stops inside
    /// `raise`. On SIGCONT it continues right there and the relay handler goes back in.
    public func suspend() {
        guard screen != nil, !isSuspended, let window = muster_stdscr() else { return }
        isSuspended = true
        if mouseEnabled { _ = mousemask(0, nil) }
        setBracketedPaste(false)
        _ = endwin()
        CrashGuard.markInactive()
        fflush(nil)

        SignalRelay.setDefault(SIGTSTP)
        stopUntilContinued()
        _ = SignalRelay.install([SIGTSTP])

        CrashGuard.markActive(outputFD: outputFD)
        isSuspended = false
        if mouseEnabled { _ = mousemask(MouseMask.reported, nil) }
        setBracketedPaste(true)
        forceRedraw()
        // The first refresh after `endwin` puts curses' terminal modes back (`reset_prog_mode`).
        _ = wrefresh(window)
        updateSizeFromTerminal()
        enqueue(.resize)
        // The SIGCONT that woke us is already in the pipe; this repaint covers it. Anything else
        // that arrived while stopped (a resize, a SIGTERM) is handled as usual.
        var continueSeen = false
        handle(
            signals: SignalRelay.drain().filter { signal in
                if signal == SIGCONT, !continueSeen { continueSeen = true; return false }
                return true
            })
    }

    /// Raises SIGTSTP at this thread with the signal unblocked here, so the process stops before
    /// `raise` returns (were it blocked on this thread, another thread would take it a moment
    /// later, possibly after the relay handler is back in place, and nothing would stop).
    private func stopUntilContinued() {
        var stopOnly = sigset_t()
        var previousMask = sigset_t()
        sigemptyset(&stopOnly)
        sigaddset(&stopOnly, SIGTSTP)
        _ = pthread_sigmask(SIG_UNBLOCK, &stopOnly, &previousMask)
        _ = raise(SIGTSTP)  // stopped here until SIGCONT
        _ = pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    }
}
