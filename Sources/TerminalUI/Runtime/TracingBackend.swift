import Foundation

/// Wraps a backend and writes one line per event to a sink: when the first frame was drawn, and
/// for every key how long it took until the frame that answered it was on its way to the
/// terminal, and how long until the last frame before the app next waited for a key (`settled`:
/// the work the key queued, such as a query, has run and its answer is on screen). Benchmarks
/// read these lines (`MUSTER_TRACE=file`); the app itself never looks.
///
///     first-frame 12.41
///     key j 0.83
///     settled j 0.83
///     key n 0.90
///     settled n 14.20
public final class TracingBackend: TerminalBackend {
    let inner: any TerminalBackend
    let sink: (String) -> Void
    let started: ContinuousClock.Instant
    /// Typed text is written as `char` and pastes as `paste`: a kiosk's trace must not hold
    /// the names people type, nor the staff PIN.
    let hidesText: Bool
    /// Keys read since the last frame (several when the runner handles waiting keys together).
    private var pendingKeys: [(Key, ContinuousClock.Instant)] = []
    /// The last key read, when it was read, and when the latest frame after it was drawn.
    private var settling: (key: Key, at: ContinuousClock.Instant, frame: ContinuousClock.Instant?)?
    private var framesDrawn = 0

    /// `started` is when the process began (or as close as the caller knows), for the first frame.
    public init(
        _ inner: any TerminalBackend, started: ContinuousClock.Instant, hidesText: Bool = false,
        sink: @escaping (String) -> Void
    ) {
        self.inner = inner
        self.started = started
        self.hidesText = hidesText
        self.sink = sink
    }

    public var size: Size { inner.size }

    public func draw(_ buffer: ScreenBuffer) {
        inner.draw(buffer)
        let now = ContinuousClock.now
        framesDrawn += 1
        if framesDrawn == 1 { sink("first-frame \(Self.ms(now - started))") }
        settling?.frame = now
        for (key, at) in pendingKeys { sink("key \(name(key)) \(Self.ms(now - at))") }
        pendingKeys.removeAll()
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        // The runner reads again only once the queued work is done: the key has settled.
        if let (key, at, frame) = settling, let frame {
            sink("settled \(name(key)) \(Self.ms(frame - at))")
            settling = nil
        }
        let key = inner.readKey(timeoutMilliseconds: timeoutMilliseconds)
        if let key {
            let now = ContinuousClock.now
            pendingKeys.append((key, now))
            settling = (key, now, nil)
        }
        return key
    }

    public func suspend() { inner.suspend() }
    public func bell() { inner.bell() }
    public func invalidate() { inner.invalidate() }
    public func checkSize() -> Size { inner.checkSize() }
    public var hasPendingInput: Bool { inner.hasPendingInput }

    func name(_ key: Key) -> String {
        switch key {
        case .char where hidesText: "char"
        case .paste where hidesText: "paste"
        default: key.displayName.replacingOccurrences(of: " ", with: "_")
        }
    }

    static func ms(_ d: Duration) -> String {
        let (s, atto) = d.components
        return String(format: "%.2f", Double(s) * 1000 + Double(atto) / 1e15)
    }
}
