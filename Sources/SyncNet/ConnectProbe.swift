import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a request failed before any answer: connecting once more, by hand, and reading the
/// socket's error.
///
/// FlyingFox reports a refused connect the same way as a peer hanging up mid-answer
/// (`SocketError.disconnected`), yet the two need different advice ("start the server" against
/// "see its log"). Made only after a failure, so a working exchange never pays for it.
enum ConnectProbe {
    /// 0 when `address` accepts a connection within `timeout` seconds, else the errno that
    /// connecting gave (ETIMEDOUT when it did not finish in time).
    static func error(connecting address: any SocketAddress, timeout: TimeInterval) -> Int32 {
        guard let socket = try? Socket(domain: Int32(type(of: address).family), type: .stream) else { return errno }
        defer { try? socket.close() }
        do {
            try socket.setFlags(.nonBlocking)
            try socket.connect(to: address)
            return 0
        } catch SocketError.blocked {
            var entry = pollfd(fd: socket.file.rawValue, events: Int16(POLLOUT), revents: 0)
            guard poll(&entry, 1, Int32(max(0, timeout) * 1000)) == 1 else { return ETIMEDOUT }
            var failure: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(socket.file.rawValue, SOL_SOCKET, SO_ERROR, &failure, &size) == 0 else { return errno }
            return failure
        } catch SocketError.failed(_, let code, _) {
            return code
        } catch {
            return EINVAL
        }
    }
}
