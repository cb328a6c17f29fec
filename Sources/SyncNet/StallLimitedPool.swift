import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's socket pool with a limit on silence: a connection waiting longer than `limit`
/// seconds to read or write is failed with `StalledConnection`, and FlyingFox closes it.
///
/// Why here: FlyingFox's own `timeout` bounds only a route handler's run, not the reading of a
/// request's line and headers, so a client sending half a request would hold its connection
/// open forever. Every wait of every connection passes through the pool, so this is the one
/// place that sees them all. The listening socket is left alone: waiting for the next client is
/// not a stall.
struct StallLimitedPool: AsyncSocketPool {
    let base: any AsyncSocketPool
    let limit: TimeInterval

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        if Self.isListening(socket) {
            return try await base.suspendSocket(socket, untilReadyFor: events)
        }
        let (base, limit) = (self.base, self.limit)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await base.suspendSocket(socket, untilReadyFor: events)
                return true
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(limit * 1_000_000_000))
                return false
            }
            let ready = try await group.next() ?? false
            group.cancelAll()
            if !ready { throw StalledConnection(seconds: limit) }
        }
    }

    /// A listening socket is the only kind that accepts connections (SO_ACCEPTCONN).
    private static func isListening(_ socket: Socket) -> Bool {
        var value: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(socket.file.rawValue, SOL_SOCKET, SO_ACCEPTCONN, &value, &size) == 0 && value != 0
    }
}

/// A connection silent past the limit; its text is the log line's reason.
struct StalledConnection: LocalizedError {
    let seconds: TimeInterval
    var errorDescription: String? {
        "nothing sent or read for \(SyncNet.seconds(seconds)) s: connection dropped"
    }
}
