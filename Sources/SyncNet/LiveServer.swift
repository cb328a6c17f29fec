import CourseKit
import Foundation

/// A library serving live exchanges: `muster sync serve`, the sync screen's "serve", a kiosk's
/// `--serve`. The protocol is `SyncPeerService`'s; this puts it on HTTP and keeps the library
/// fresh for its peers by taking in, once a second, the marks other Muster processes on this
/// machine left in their guest journals (a kiosk running beside the server, say).
public final class LiveServer: @unchecked Sendable {
    public let service: SyncPeerService
    let server: SyncHTTPServer
    let store: CourseStore
    let bind: String
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    private var boundPort: UInt16 = 0

    public init(
        store: CourseStore, bind: String = "0.0.0.0", port: UInt16 = SyncNet.defaultPort, courses: [String]? = nil,
        limits: SyncNetLimits = SyncNetLimits(), log: @escaping @Sendable (ChangeSummary) -> Void,
        announce: @escaping @Sendable (PairingCode) -> Void
    ) throws {
        self.store = store
        self.bind = bind
        service = try SyncPeerService(store: store, courses: courses, log: log, announce: announce)
        server = SyncHTTPServer(bind: bind, port: port, limits: limits, log: log, handler: service.handler)
    }

    /// Starts listening; returns the port (the one asked for, or the one given for port 0).
    @discardableResult
    public func start() throws -> UInt16 {
        let port = try server.start()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "muster.live-server.poll"))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [store] in _ = try? store.poll() }
        timer.resume()
        lock.withLock {
            self.timer = timer
            boundPort = port
        }
        return port
    }

    public func stop() {
        lock.withLock {
            timer?.cancel()
            timer = nil
        }
        server.stop()
    }

    /// Where peers can reach this server: `http://ADDRESS:PORT` for each address of this
    /// machine it listens on (every non-loopback IPv4 address when bound to 0.0.0.0, loopback last).
    public var urls: [String] {
        let port = lock.withLock { boundPort }
        let hosts = bind == "0.0.0.0" || bind == "::" ? LocalAddresses.ipv4() : [bind]
        return hosts.map { $0.contains(":") ? "http://[\($0)]:\(port)" : "http://\($0):\(port)" }
    }
}

/// This machine's IPv4 addresses, loopback last: what the serve line and the sync screen show.
enum LocalAddresses {
    static func ipv4() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return ["127.0.0.1"] }
        defer { freeifaddrs(list) }
        var found: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0
            else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !found.contains(text) { found.append(text) }
        }
        return found.filter { !$0.hasPrefix("127.") } + found.filter { $0.hasPrefix("127.") }
    }
}
