import CourseKit
import Foundation
import SyncNet

/// The TUI's live sync: at most one server and one exchanger, held by the app (`Loaders`) for
/// its whole run, so serving goes on while the facilitator takes the roll call, and stopped when
/// the app ends (`MusterProgram.shutdown`).
///
/// Nothing here runs on the screen's thread but the requests: starting and stopping block
/// (binding a port, closing sockets), so they run one after another on a
/// queue of their own, never on Swift's cooperative pool (SyncNet's sockets need it). The server
/// and the exchanger then run on their own threads; the sync screen reads `status()` on each tick.
public final class SyncLive: @unchecked Sendable {
    public let bind: String
    public let port: UInt16
    /// Seconds between exchanges with a serving device.
    public let every: TimeInterval
    /// How long one request to a serving device may take.
    public let timeout: TimeInterval

    private let queue = DispatchQueue(label: "muster.sync-live")
    private let lock = NSLock()
    private var server: LiveServer?
    private var serving: SyncLiveStatus.Serving = .off
    private var urls: [String] = []
    private var exchanger: LiveExchanger?
    private var exchange: SyncLiveStatus.Exchange = .off
    private var lastLog: SyncLiveStatus.LogLine?
    /// Requests made so far: a request's outcome shows only while it is the latest.
    private var serveRequests = 0
    private var exchangeRequests = 0

    public init(bind: String = "0.0.0.0", port: UInt16 = SyncNet.defaultPort, every: TimeInterval = 5, timeout: TimeInterval = 10) {
        self.bind = bind; self.port = port; self.every = every; self.timeout = timeout
    }

    /// What is running now. Cheap (locks only): read on every tick.
    public func status() -> SyncLiveStatus {
        let (server, serving, urls, exchanger, exchange, log) = lock.withLock {
            (self.server, self.serving, self.urls, self.exchanger, self.exchange, lastLog)
        }
        var status = SyncLiveStatus(serving: serving, exchange: exchange, lastLog: log)
        if case .on = serving, let server {
            status.serving = .on(.init(urls: urls, code: server.service.pairingCode.description, activity: server.service.activity))
        }
        if case .running(let url, let every, _) = exchange, let exchanger {
            status.exchange = .running(url: url, every: every, last: exchanger.last)
        }
        return status
    }

    /// Starts serving `store` on the port; `status()` says when it listens, or why it could not.
    ///
    /// The status changes at once (starting, off), and a request's own outcome is shown only
    /// while no later request was made: start then stop quickly reads "off" throughout.
    public func serve(store: CourseStore) {
        let request = lock.withLock {
            serveRequests += 1
            serving = .starting(port: port)
            return serveRequests
        }
        queue.async { [self] in
            guard lock.withLock({ server == nil }) else {
                lock.withLock { if serveRequests == request, case .starting = serving { serving = .on(.init(urls: urls, code: "")) } }
                return
            }
            do {
                let server = try LiveServer(
                    store: store, bind: bind, port: port, log: { [weak self] line in self?.log(line) }, announce: { _ in })
                try server.start()
                let urls = server.urls
                lock.withLock {
                    self.server = server
                    self.urls = urls
                    if serveRequests == request { serving = .on(.init(urls: urls, code: "")) }
                }
            } catch {
                lock.withLock { if serveRequests == request { serving = .failed(phrase(error)) } }
            }
        }
    }

    public func stopServing() {
        let request = lock.withLock {
            serveRequests += 1
            serving = .off
            return serveRequests
        }
        queue.async { [self] in
            let running = lock.withLock {
                defer { server = nil; urls = [] }
                return server
            }
            running?.stop()
            lock.withLock { if serveRequests == request { serving = .off } }
        }
    }

    /// Exchanges with the device at `url` every `every` seconds until stopped; `pair` the first time.
    public func exchange(store: CourseStore, url: String, pair: PairingCode?) {
        let request = lock.withLock {
            exchangeRequests += 1
            exchange = .running(url: url, every: every, last: nil)
            return exchangeRequests
        }
        queue.async { [self] in
            let previous = lock.withLock {
                defer { exchanger = nil }
                return exchanger
            }
            previous?.stop()
            guard lock.withLock({ exchangeRequests == request }) else { return }
            do {
                // Checks the address (its host is looked up at each exchange, on the exchanger's thread).
                let exchanger = try LiveExchanger(store: store, url: url, pair: pair, timeout: timeout)
                let current = lock.withLock {
                    if exchangeRequests == request { self.exchanger = exchanger }
                    return exchangeRequests == request
                }
                // Stopped (or replaced) while the host was looked up: it never starts.
                if current { exchanger.start(every: every) { _ in } }
            } catch {
                lock.withLock {
                    exchanger = nil
                    if exchangeRequests == request { exchange = .failed(url: url, reason: phrase(error)) }
                }
            }
        }
    }

    public func stopExchanging() {
        lock.withLock {
            exchangeRequests += 1
            exchange = .off
        }
        queue.async { [self] in
            let running = lock.withLock {
                defer { exchanger = nil }
                return exchanger
            }
            running?.stop()
        }
    }

    /// Stops both and waits for the requests before (the app is ending). An exchange in progress
    /// ends on its own thread after its current chunk, each chunk being taken in whole.
    public func stopAll() {
        stopServing()
        stopExchanging()
        queue.sync {}
    }

    private func log(_ line: ChangeSummary) {
        lock.withLock { lastLog = .init(line, at: Date()) }
    }

    /// An error as the screen says it. The server's port-in-use refusal names `--port`, which
    /// the screen has not: it says what to do here instead.
    func phrase(_ error: Error) -> FailureText {
        if let error = error as? MusterError, error == SyncHTTPServer.portInUse(port: port, bind: bind) {
            return FailureText { Words($0).format("net.portBusy", table: "Errors", String(port)) }
        }
        return FailureText { ErrorVoice.phrase(error, $0) }
    }
}
