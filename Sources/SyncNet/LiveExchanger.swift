import CourseKit
import Foundation

/// How one exchange with a peer ended, for the line `muster sync with` prints and the screens show.
public enum LiveExchangeOutcome: Sendable, Hashable {
    case done(SyncExchangeResult, at: Date)
    case failed(FailureText, at: Date)

    public var at: Date {
        switch self {
        case .done(_, let at), .failed(_, let at): at
        }
    }

    /// "09:14:05 laptop-b: received 3 (3 new), sent 0 (0 new) in 0.2 s" or "09:14:06 failed: …",
    /// in `language`.
    public func line(zone: TimeZone = .current, language: Language = .en) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "HH:mm:ss"
        switch self {
        case .done(let result, let at): return "\(formatter.string(from: at)) \(result.line(in: language))"
        case .failed(let reason, let at):
            return Words(language).format("live.failed", table: "Sync", formatter.string(from: at), reason.text(in: language))
        }
    }
}

/// Why an exchange failed, in every language Muster speaks: said when it happened, on the
/// exchanger's thread, and read later by whichever screen or command shows it.
public struct FailureText: Sendable, Hashable, ExpressibleByStringLiteral {
    public var texts: [Language: String]

    public init(_ error: any Error) {
        texts = Language.eachLanguage { (error as? MusterError)?.message(in: $0) ?? "\(error)" }
    }

    /// The same text in every language (a test's, or one from outside Muster).
    public init(stringLiteral text: String) { texts = Language.eachLanguage { _ in text } }

    /// Each language's text from `say`.
    public init(each say: (Language) -> String) { texts = Language.eachLanguage(say) }

    public func text(in language: Language) -> String { texts[language] ?? texts[.en] ?? "" }
}

/// Exchanges with one peer: once (`exchange()`), or every few seconds on a thread of its own
/// (`start(every:)`) until stopped. Whatever the peer does — gone, slow, refusing, sending
/// garbage — ends that exchange with a `failed` outcome after at most the courier's timeout per
/// request; the library was only ever written a whole chunk at a time, and the next round
/// goes on from there. Marking, the kiosk and the screens never wait for it.
public final class LiveExchanger: @unchecked Sendable {
    let store: CourseStore
    public let url: String
    let courier: SyncHTTPCourier
    private let lock = NSLock()
    private var pair: PairingCode?
    private var stopped = false
    private var thread: Thread?
    private let wake = DispatchSemaphore(value: 0)
    private var lastOutcome: LiveExchangeOutcome?

    public init(store: CourseStore, url: String, pair: PairingCode?, timeout: TimeInterval = 30) throws {
        self.store = store
        self.url = url
        self.pair = pair
        courier = try SyncHTTPCourier(url: url, timeout: timeout)
    }

    /// The last exchange's outcome.
    public var last: LiveExchangeOutcome? { lock.withLock { lastOutcome } }

    /// One exchange now, on the calling thread (a plain thread, never the cooperative pool:
    /// the courier blocks). Once paired, the code is not sent again.
    @discardableResult
    public func exchange(progress: (@Sendable (String) -> Void)? = nil) -> LiveExchangeOutcome {
        let code = lock.withLock { pair }
        let outcome: LiveExchangeOutcome
        do {
            let result = try store.syncExchange(courier: courier, url: url, pair: code, progress: progress)
            lock.withLock { pair = nil }
            outcome = .done(result, at: Date())
        } catch {
            outcome = .failed(FailureText(error), at: Date())
        }
        lock.withLock { lastOutcome = outcome }
        return outcome
    }

    /// Exchanges every `seconds` on a thread of its own, calling `report` after each, until `stop()`.
    public func start(every seconds: TimeInterval, report: @escaping @Sendable (LiveExchangeOutcome) -> Void) {
        let thread = Thread { [self] in
            while !lock.withLock({ stopped }) {
                let began = Date()
                report(exchange())
                let wait = max(0.05, seconds - Date().timeIntervalSince(began))
                _ = wake.wait(timeout: .now() + wait)
            }
        }
        thread.name = "muster live exchange"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    /// Asks the loop to end after the exchange in progress (if any).
    public func stop() {
        lock.withLock { stopped = true }
        wake.signal()
    }
}
