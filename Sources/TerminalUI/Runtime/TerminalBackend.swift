/// What the runner needs from a terminal: implemented by the curses backend and by
/// ``InMemoryTerminal`` for tests.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows a frame. The backend diffs it against the screen itself (curses does).
    func draw(_ buffer: ScreenBuffer)
    /// The next key, waiting at most `timeoutMilliseconds` (a negative timeout waits until a
    /// key arrives); nil on timeout.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Restores the terminal, stops the process (SIGTSTP) and re-initialises on resume.
    func suspend()
    func bell()
    /// Forget what is on screen so the next ``draw(_:)`` repaints every cell (Ctrl-L, resize).
    /// Default: nothing.
    func invalidate()
    /// The size, re-read from the terminal itself rather than from what the last resize event
    /// said; the runner calls it on every tick so a missed resize is caught. Default: `size`.
    func checkSize() -> Size
    /// True when keys have already arrived and the next ``readKey(timeoutMilliseconds:)`` will
    /// return one without waiting (a paste, keys typed faster than frames). The runner then
    /// handles them before drawing, so a 10 KB paste costs a few frames, not ten thousand.
    /// Default: false (one frame per key, what the in-memory terminal's tests expect).
    var hasPendingInput: Bool { get }
}

extension TerminalBackend {
    public func invalidate() {}
    public func checkSize() -> Size { size }
    public var hasPendingInput: Bool { false }
}

/// Milliseconds that only go forward, for timers and ticks. The runner reads time only through
/// this, so tests drive it with a virtual clock (``InMemoryTerminal`` is one).
public protocol MonotonicClock: AnyObject {
    var milliseconds: Int { get }
}

/// The real clock.
public final class SystemClock: MonotonicClock, Sendable {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    public init() { start = clock.now }

    public var milliseconds: Int {
        let elapsed = clock.now - start
        return Int(elapsed.components.seconds) * 1_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
