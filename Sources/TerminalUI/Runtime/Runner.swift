/// Drives a ``Program`` against a ``TerminalBackend`` in one synchronous loop:
/// render → draw → read a key (with a timeout, so ticks and timers fire) → action → update →
/// effects → repeat, until an effect says ``Effect/quit``.
///
/// Synchronous on purpose: the TUI command is a plain `ParsableCommand`, curses wants one
/// thread, and a deterministic loop is what lets the in-memory terminal replay a session
/// exactly. Slow work goes through ``Effect/run(_:)`` and runs after the frame that announces
/// it has been drawn.
public final class Runner<P: Program> {
    public let program: P
    public private(set) var state: P.State
    public var theme: Theme
    public private(set) var size: Size
    /// True once a quit effect ran.
    public private(set) var isFinished = false

    private let backend: any TerminalBackend
    private let clock: any MonotonicClock
    private var needsDraw = true
    private var pendingWork: [@Sendable () -> P.Action?] = []
    private var timers: [(due: Int, order: Int, action: P.Action)] = []
    private var timerCount = 0
    private var nextTick: Int?
    private var started = false
    /// When the last frame was drawn: keys already waiting are handled before the next frame,
    /// but never for longer than ``coalesceMilliseconds``, so a long paste still shows progress.
    private var lastDraw = 0
    public static var coalesceMilliseconds: Int { 30 }
    /// While queued work is still to run (a key's query, then the pages it needs), the frames
    /// its results ask for are drawn only if none was for this long: the key's own frame shows
    /// at once (`inputFrameDue`), and the work that follows within a frame's time shows in one
    /// frame when it is done, not in one per step (each cost 2–3 ms of a sort key on the
    /// 100,000-person roster, for rows about to change). Longer work still shows progress.
    public static var progressMilliseconds: Int { 16 }
    /// A key, a timer or a tick changed the state since the last frame: that frame is drawn
    /// before any work runs, whatever is queued, so "Loading…" shows before the load.
    private var inputFrameDue = false

    /// `clock` defaults to the backend when it is a ``MonotonicClock`` (the in-memory terminal's
    /// virtual time), else to the system clock.
    public init(
        program: P, state: P.State, backend: any TerminalBackend, theme: Theme = .color,
        clock: (any MonotonicClock)? = nil
    ) {
        self.program = program
        self.state = state
        self.backend = backend
        self.theme = theme
        self.clock = clock ?? (backend as? any MonotonicClock) ?? SystemClock()
        self.size = backend.size
    }

    /// Runs the loop and returns the final state.
    ///
    /// - Parameter stop: checked whenever the loop is about to wait for a key, after the frame is
    ///   drawn and queued work has run; true ends the run (the state is kept, so `run` can be
    ///   called again). Tests pass ``InMemoryTerminal/isScriptFinished()`` to stop when the
    ///   scripted input is used up. Nil (the default) runs until an effect says quit.
    @discardableResult
    public func run(until stop: (() -> Bool)? = nil) -> P.State {
        if backend.size != size || !started {
            size = backend.size
            if let action = program.resized(to: size, in: state) { send(action) }
        }
        if !started, let interval = program.tickInterval { nextTick = clock.milliseconds + max(1, interval) }
        started = true
        while !isFinished {
            let sinceDraw = clock.milliseconds - lastDraw
            if needsDraw, !backend.hasPendingInput || sinceDraw >= Self.coalesceMilliseconds,
                inputFrameDue || pendingWork.isEmpty || sinceDraw >= Self.progressMilliseconds
            {
                drawFrame()
            }
            if !pendingWork.isEmpty {
                let work = pendingWork.removeFirst()
                if let action = work() { send(action) }
                continue
            }
            if let stop, stop() { break }
            if let key = backend.readKey(timeoutMilliseconds: timeout()) { handle(key) }
            fireDueTimers()
            fireTickIfDue()
            // No work was queued here, so whatever asks for a frame now came from input.
            inputFrameDue = needsDraw
        }
        return state
    }

    /// Feeds an action to `update` and runs its effects, as if a key had produced it.
    public func send(_ action: P.Action) {
        let effects = program.update(&state, action)
        needsDraw = true
        for effect in effects { perform(effect) }
    }

    private func handle(_ key: Key) {
        if key == .resize {
            size = backend.size
            backend.invalidate()
            needsDraw = true
            if let action = program.resized(to: size, in: state) { send(action) }
            return
        }
        if !size.fits(program.minimumSize) && !program.acceptsWhileTooSmall(key) { return }
        if let action = program.action(for: key, in: state) { send(action) }
    }

    /// Effects after a quit are dropped with it: pending work and timers die with the loop.
    private func perform(_ effect: Effect<P.Action>) {
        switch effect {
        case .quit:
            isFinished = true
        case .suspend:
            backend.suspend()
            backend.invalidate()
            needsDraw = true
            if backend.size != size {
                size = backend.size
                if let action = program.resized(to: size, in: state) { send(action) }
            }
        case .redraw:
            backend.invalidate()
            needsDraw = true
        case .bell:
            backend.bell()
        case .run(let work):
            pendingWork.append(work)
        case .after(let milliseconds, let action):
            timerCount += 1
            timers.append((clock.milliseconds.saturatingAdd(max(0, milliseconds)), timerCount, action))
        }
    }

    private func drawFrame() {
        let frame =
            size.fits(program.minimumSize)
            ? program.render(state, size: size, theme: theme)
            : TooSmallView.frame(minimum: program.minimumSize, size: size, theme: theme)
        backend.draw(frame)
        needsDraw = false
        inputFrameDue = false
        lastDraw = clock.milliseconds
    }

    /// How long a read may wait: until the next tick or timer, or indefinitely (-1).
    private func timeout() -> Int {
        let deadlines = timers.map(\.due) + (nextTick.map { [$0] } ?? [])
        guard let next = deadlines.min() else { return -1 }
        return max(0, next - clock.milliseconds)
    }

    private func fireDueTimers() {
        let now = clock.milliseconds
        let due = timers.filter { $0.due <= now }.sorted { ($0.due, $0.order) < ($1.due, $1.order) }
        guard !due.isEmpty else { return }
        timers.removeAll { $0.due <= now }
        for timer in due where !isFinished { send(timer.action) }
    }

    private func fireTickIfDue() {
        guard let interval = program.tickInterval, let deadline = nextTick, !isFinished else { return }
        let now = clock.milliseconds
        guard now >= deadline else { return }
        nextTick = now + max(1, interval)
        if backend.checkSize() != size { handle(.resize) }
        if let action = program.tick(state) { send(action) }
    }
}
