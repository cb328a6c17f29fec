/// A terminal in memory: the test double the runner drives instead of curses (as swift-nio's
/// embedded channel stands in for a socket).
///
/// Tests script input (keys, typed text, resizes, pauses), run the program, and read back the
/// frames it drew. Time is virtual: it only moves when a read waits on an empty queue or a
/// scripted pause, so ticks and timers fire at exact, repeatable moments. A read with nothing
/// queued returns nil at once (after moving time by the timeout); pass ``isScriptFinished()``
/// to `Runner.run(until:)` to stop when the script is used up.
public final class InMemoryTerminal: TerminalBackend, MonotonicClock {
    /// One scripted input event.
    public enum Input: Hashable, Sendable {
        case key(Key)
        /// The terminal becomes this size; the read returns ``Key/resize``.
        case resize(Size)
        /// This much time passes with no key.
        case pause(milliseconds: Int)
        /// The terminal becomes this size and no event says so (a lost SIGWINCH).
        case silentResize(Size)
    }

    public var size: Size
    public private(set) var pending: [Input] = []
    /// Every frame drawn, oldest first.
    public private(set) var frames: [ScreenBuffer] = []
    /// Virtual time in milliseconds.
    public private(set) var milliseconds = 0
    public private(set) var suspendCount = 0
    public private(set) var bellCount = 0
    public private(set) var invalidateCount = 0

    /// Whether scripted keys count as already arrived (``hasPendingInput``), as a paste does on a
    /// real terminal. Off by default: most tests want one frame per key.
    public var keysArriveTogether = false

    public init(size: Size = Size(width: 80, height: 24)) { self.size = size }

    // MARK: Scripting

    public func send(_ keys: Key...) { pending += keys.map(Input.key) }
    public func send(keys: [Key]) { pending += keys.map(Input.key) }
    /// A bracketed paste, as the curses backend decodes `ESC [200~ text ESC [201~`: one key.
    public func paste(_ text: String) { pending.append(.key(.paste(text))) }
    /// Each character of `text` as a key press.
    public func type(_ text: String) { pending += text.map { Input.key(.char($0)) } }
    public func resize(to size: Size) { pending.append(.resize(size)) }
    public func resizeSilently(to size: Size) { pending.append(.silentResize(size)) }
    public func pause(milliseconds: Int) { pending.append(.pause(milliseconds: max(0, milliseconds))) }
    /// Moves virtual time forward now, outside the script.
    public func advance(by milliseconds: Int) { self.milliseconds += max(0, milliseconds) }

    // MARK: Reading back

    public var lastFrame: ScreenBuffer? { frames.last }
    /// The last frame's text, one string per row.
    public var lines: [String] { lastFrame?.lines ?? [] }
    /// The last frame's role letters, one string per row (see ``SnapshotText``).
    public var styleLines: [String] { lastFrame.map(SnapshotText.roleLines) ?? [] }
    /// The last frame as a snapshot: text and roles.
    public var snapshot: String { lastFrame.map { SnapshotText.render($0) } ?? "" }
    /// Whether every scripted input has been read.
    public func isScriptFinished() -> Bool { pending.isEmpty }

    /// Whether any row of the last frame contains `text`.
    public func screenContains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    // MARK: TerminalBackend

    public func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

    public func readKey(timeoutMilliseconds timeout: Int) -> Key? {
        guard let next = pending.first else {
            if timeout > 0 { milliseconds += timeout }
            return nil
        }
        switch next {
        case .key(let key):
            pending.removeFirst()
            return key
        case .resize(let newSize):
            pending.removeFirst()
            size = newSize
            return .resize
        case .silentResize(let newSize):
            pending.removeFirst()
            size = newSize
            return nil
        case .pause(let wait):
            if timeout < 0 || wait <= timeout {
                pending.removeFirst()
                milliseconds += wait
            } else {
                pending[0] = .pause(milliseconds: wait - timeout)
                milliseconds += timeout
            }
            return nil
        }
    }

    public var hasPendingInput: Bool {
        guard keysArriveTogether, case .key = pending.first else { return false }
        return true
    }

    public func suspend() { suspendCount += 1 }
    public func bell() { bellCount += 1 }
    public func invalidate() { invalidateCount += 1 }
}
