import CNcursesw
import Glibc
import TerminalUI

extension CursesTerminal {
    /// The next key or terminal event, or nil when `timeoutMilliseconds` pass without one
    /// (negative: wait for ever; 0: only what is already there).
    ///
    /// Waits in `poll()` on the terminal and the signal pipe together (see `SignalRelay` for
    /// why), then reads everything curses has with `nodelay` until `ERR`, because curses buffers
    /// input itself: after one key, the rest of a paste may sit in curses' buffer while the file
    /// descriptor looks idle, and a `poll()` would wait on it for ever.
    ///
    /// Signals surface here: SIGINT, SIGTERM and SIGHUP as `Key.unknown` with `pendingSignal`
    /// set; SIGWINCH as `.resize`; SIGTSTP (Ctrl-Z) suspends right here and returns `.resize`
    /// once the user resumes, so the caller redraws.
    /// Keys already decoded from what the terminal sent (the rest of a paste).
    public var hasPendingInput: Bool { !pendingKeys.isEmpty }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard screen != nil else { return nil }
        let clock = ContinuousClock()
        let deadline: ContinuousClock.Instant? =
            timeoutMilliseconds >= 0
            ? clock.now.advanced(by: .milliseconds(timeoutMilliseconds)) : nil
        // Set when the terminal looked readable but gave nothing (half an escape sequence still
        // arriving, or end of input on a non-terminal): the next wait leaves the terminal out for
        // up to 10 ms instead of spinning on it.
        var backOff = false
        var inputClosed = false
        while true {
            if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
            var wait = Int32(-1)
            if let deadline {
                let left = clock.now.duration(to: deadline)
                wait = left <= .zero ? 0 : Int32(clamping: Self.milliseconds(rounding: left))
            }
            if backOff { wait = wait < 0 ? 10 : min(wait, 10) }
            let watchInput = !backOff && !inputClosed
            var fds = [
                pollfd(fd: watchInput ? inputFD : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalRelay.readFD.load(ordering: .sequentiallyConsistent), events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), wait)
            let pollFailed = ready < 0 && errno != EINTR

            handle(signals: SignalRelay.drain())
            let keysBefore = pendingKeys.count
            let inputEvents = Int32(fds[0].revents)
            // Reading is cheap when there is nothing (curses checks with a zero timeout), and a
            // resize may have left a KEY_RESIZE in curses' queue without the descriptor stirring.
            if !backOff { readAvailableInput() }
            backOff = inputEvents & Int32(POLLIN) != 0 && pendingKeys.count == keysBefore
            if inputEvents & Int32(POLLHUP | POLLERR | POLLNVAL) != 0, inputEvents & Int32(POLLIN) == 0 {
                // The terminal is gone. SIGHUP usually says so too; make sure the caller hears it.
                inputClosed = true
                if pendingSignal == nil { record(.hangup); enqueue(.unknown) }
            }
            if pendingKeys.isEmpty {
                if pollFailed { return nil }
                if let deadline, clock.now >= deadline { return nil }
            }
        }
    }

    /// Reads every key curses has, decodes the batch and queues the keys.
    func readAvailableInput() {
        guard let window = muster_stdscr() else { return }
        var inputs: [CursesInput] = []
        var value: wint_t = 0
        while true {
            let status = wget_wch(window, &value)
            if status == muster_ERR() { break }
            if status == muster_KEY_CODE_YES() {
                if Int32(bitPattern: value) == KEY_MOUSE {
                    var buttons: mmask_t = 0
                    var x: Int32 = 0, y: Int32 = 0
                    if muster_getmouse(&buttons, &x, &y) == muster_OK() {
                        inputs.append(.mouse(MouseReport(buttons: buttons, x: Int(x), y: Int(y))))
                    }
                } else {
                    inputs.append(.keyCode(Int32(bitPattern: value)))
                }
            } else {
                inputs.append(.character(value))
            }
        }
        let keys = inputs.isEmpty ? pasteDecoder.idle() : pasteDecoder.keys(from: inputs)
        for key in keys { enqueue(key) }
    }

    /// Queues a key; a `.resize` right after another is dropped (our SIGWINCH handling and
    /// curses' own `KEY_RESIZE` report the same change).
    func enqueue(_ key: Key) {
        if key == .resize, pendingKeys.last == .resize { return }
        pendingKeys.append(key)
    }

    /// Acts on the signals the relay passed on, in arrival order.
    func handle(signals: [Int32]) {
        for number in signals {
            if let signal = TerminalSignal(number: number) {
                record(signal)
                enqueue(.unknown)
            } else if number == SIGWINCH {
                updateSizeFromTerminal()
            } else if number == SIGTSTP {
                suspend()
            } else if number == SIGCONT {
                // Stopped by something else (SIGSTOP, a debugger) and continued: the shell may
                // have changed the modes and drawn over the screen.
                _ = reset_prog_mode()
                forceRedraw()
                enqueue(.resize)
            }
        }
    }

    /// After SIGWINCH: asks the terminal for its size and resizes curses' screens to match.
    /// (curses only notices a resize itself through its own SIGWINCH handler, which ours replaces.)
    func updateSizeFromTerminal() {
        var rows: Int32 = 0, columns: Int32 = 0
        guard muster_window_size(outputFD, &rows, &columns) == 0 || muster_window_size(inputFD, &rows, &columns) == 0
        else { return }
        if rows != muster_LINES() || columns != muster_COLS() {
            _ = resizeterm(rows, columns)
        }
        forceRedraw()
        enqueue(.resize)
    }

    static func milliseconds(rounding duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}
