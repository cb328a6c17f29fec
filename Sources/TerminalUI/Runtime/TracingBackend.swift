import Foundation

/// Wraps a backend and writes one line per event to a sink: when the first frame was drawn, and
/// for every key how long it took until the frame that answered it was on its way to the
/// terminal. Benchmarks read these lines (`MUSTER_TRACE=file`); the app itself never looks.
///
///     first-frame 12.41
///     key j 0.83
///     key PgDn 1.10
public final class TracingBackend: TerminalBackend {
    let inner: any TerminalBackend
    let sink: (String) -> Void
    let started: ContinuousClock.Instant
    private var pendingKey: (Key, ContinuousClock.Instant)?
    private var framesDrawn = 0

    /// `started` is when the process began (or as close as the caller knows), for the first frame.
    public init(_ inner: any TerminalBackend, started: ContinuousClock.Instant, sink: @escaping (String) -> Void) {
        self.inner = inner
        self.started = started
        self.sink = sink
    }

    public var size: Size { inner.size }

    public func draw(_ buffer: ScreenBuffer) {
        inner.draw(buffer)
        let now = ContinuousClock.now
        framesDrawn += 1
        if framesDrawn == 1 { sink("first-frame \(Self.ms(now - started))") }
        if let (key, at) = pendingKey {
            sink("key \(key.displayName.replacingOccurrences(of: " ", with: "_")) \(Self.ms(now - at))")
            pendingKey = nil
        }
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        let key = inner.readKey(timeoutMilliseconds: timeoutMilliseconds)
        if let key { pendingKey = (key, ContinuousClock.now) }
        return key
    }

    public func suspend() { inner.suspend() }
    public func bell() { inner.bell() }
    public func invalidate() { inner.invalidate() }
    public func checkSize() -> Size { inner.checkSize() }

    static func ms(_ d: Duration) -> String {
        let (s, atto) = d.components
        return String(format: "%.2f", Double(s) * 1000 + Double(atto) / 1e15)
    }
}
