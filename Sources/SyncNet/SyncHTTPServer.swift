import CourseKit
import FlyingFox
import FlyingSocks
import Foundation

/// The listening side of live sync (`muster sync serve`): FlyingFox's HTTP server carrying the
/// exchange's messages, with the venue's untrusted network held to `limits`.
///
/// Blocking by design, like the handler it serves: `start` returns once the port is open and
/// `stop` once it is closed, so the CLI can print "listening on …" and the pairing code in order.
/// Call both from plain threads, not from async code (see `runBlocking`).
public final class SyncHTTPServer: @unchecked Sendable {
    private let bind: String
    private let port: UInt16
    private let limits: SyncNetLimits
    private let log: SyncServeLog
    private let requests: SyncRequestHandler
    private let lock = NSLock()
    private var running: (server: HTTPServer, task: Task<Void, Never>)?

    /// `bind` is a numeric address of this machine ("0.0.0.0" every IPv4 interface, "::" every
    /// interface); `port` 0 picks a free one (`start` returns it). `log` gets one line per
    /// refused or dropped connection, naming the remote address.
    public init(
        bind: String, port: UInt16, limits: SyncNetLimits, log: @escaping @Sendable (ChangeSummary) -> Void,
        handler: @escaping SyncHandler
    ) {
        self.bind = bind
        self.port = port
        self.limits = limits
        self.log = SyncServeLog(log)
        self.requests = SyncRequestHandler(
            limits: limits, log: log, handler: handler, queue: DispatchQueue(label: "muster.sync.serve.handler"))
    }

    /// Opens the port and serves in the background; returns the port actually bound. Throws a
    /// one-line `MusterError` when the address is not this machine's or the port is taken.
    public func start() throws -> UInt16 {
        try lock.withLock {
            guard running == nil else { throw MusterError.net("alreadyServing") }
            let server = HTTPServer(config: try configuration(), handler: requests)
            let failed = FailureBox()
            let task = Task(executorPreference: NetExecutor.shared) { [log, bind, port] in
                do {
                    try await server.run()
                } catch {
                    failed.set(error)
                    log.say(
                        ChangeSummary.sync("serveLog.stopped", .text(bind), .number(Int(port)), .text(error.localizedDescription)))
                }
            }
            // Either it listens, or `run` failed: polled, as FlyingFox signals only the first.
            let outcome = runBlocking(timeout: 10) { () -> Socket.Address? in
                for _ in 0..<5_000 {
                    if failed.get() != nil { return nil }
                    if let address = await server.listeningAddress { return address }
                    try await Task.sleep(nanoseconds: 2_000_000)
                }
                return nil
            }
            guard case .value(let address?) = outcome else {
                task.cancel()
                throw failed.get().map(describe)
                    ?? MusterError.net("didNotStart", .text(bind), .number(Int(port)))
            }
            running = (server, task)
            log.setQuiet(false)
            switch address {
            case .ip4(_, let bound), .ip6(_, let bound): return bound
            case .unix: return port
            }
        }
    }

    /// Closes the port and every connection; returns when the server has stopped (at most a few
    /// seconds: an exchange running in the handler finishes on its own queue).
    public func stop() {
        guard let (server, task) = lock.withLock({ running.take() }) else { return }
        log.setQuiet(true)
        _ = runBlocking(timeout: 5) {
            await server.stop(timeout: 1)
            await task.value
        }
    }

    private func configuration() throws -> HTTPServer.Configuration {
        let address: any SocketAddress
        do {
            address = bind.contains(":") ? try sockaddr_in6.inet6(ip6: bind, port: port) : try sockaddr_in.inet(ip4: bind, port: port)
        } catch {
            throw MusterError.net("badBind", .text(bind))
        }
        // FlyingFox's own timeout bounds only a handler's run, and cannot interrupt the blocking
        // exchange: it would turn an exchange already written into a 500. Silence on the wire
        // is bounded by the pool instead; the handler's time by the exchange's own limits.
        return HTTPServer.Configuration(
            address: address, timeout: 365 * 86_400, sharedRequestBufferSize: 4_096,
            // No replay buffer: a body larger than 4 KiB stays on the socket until the handler
            // reads it, so a refused one is never read.
            sharedRequestReplaySize: 0,
            pool: StallLimitedPool(base: HTTPServer.defaultPool(), limit: limits.timeout), logger: log)
    }

    /// Why `run` gave up before listening, as the person at the command line should read it.
    /// What `start` throws when another program holds the port: one value, so a screen that
    /// cannot offer `--port` recognises it (MusterError is Equatable) and says it its own way.
    public static func portInUse(port: UInt16, bind: String) -> MusterError {
        .net("portInUse", .number(Int(port)), .text(bind))
    }

    private func describe(_ error: any Error) -> MusterError {
        guard case SocketError.failed(_, let code, _) = error else {
            return .net("cannotListen", .text(bind), .number(Int(port)), .text(error.localizedDescription))
        }
        switch code {
        case EADDRINUSE: return Self.portInUse(port: port, bind: bind)
        case EADDRNOTAVAIL: return .net("notOwnAddress", .text(bind))
        case EACCES: return .net("privileged", .number(Int(port)))
        default: return .net("cannotListen", .text(bind), .number(Int(port)), .text(String(cString: strerror(code))))
        }
    }
}

/// The error `run` ended with, if it did, for the thread waiting in `start`.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    func set(_ value: any Error) { lock.withLock { error = value } }
    func get() -> (any Error)? { lock.withLock { error } }
}
