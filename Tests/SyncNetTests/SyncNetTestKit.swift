import CourseKit
import Foundation
import Synchronization
import Testing
import TestSupport

@testable import SyncNet

#if canImport(Glibc)
    import Glibc
#endif

/// Lines the server logged, for tests that wait for a reason to appear.
final class LogLines: Sendable {
    private let lines = Mutex<[ChangeSummary]>([])

    var write: @Sendable (ChangeSummary) -> Void { { [self] line in lines.withLock { $0.append(line) } } }
    /// Each line in English, as `muster sync serve` prints it by default.
    var all: [String] { all(in: .en) }
    func all(in language: Language) -> [String] { lines.withLock { $0.map { $0.text(in: language) } } }

    /// The first line containing every one of `parts`, waiting up to `seconds` for it.
    func waitFor(_ parts: String..., seconds: Double = 10) async -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if let line = all.first(where: { line in parts.allSatisfy { line.contains($0) } }) { return line }
            try? await Task.sleep(nanoseconds: 10_000_000)
        } while Date() < deadline
        return nil
    }
}

/// A server on 127.0.0.1, an ephemeral port, for the length of `body`.
func withServer<T>(
    limits: SyncNetLimits = SyncNetLimits(), log: LogLines = LogLines(), handler: @escaping SyncHandler,
    _ body: (UInt16) async throws -> T
) async throws -> T {
    let server = SyncHTTPServer(bind: "127.0.0.1", port: 0, limits: limits, log: log.write, handler: handler)
    let port = try await offPool { try server.start() }
    print("sync test server on 127.0.0.1:\(port)")
    do {
        let result = try await body(port)
        await offPool { server.stop() }
        return result
    } catch {
        await offPool { server.stop() }
        throw error
    }
}

/// The message of the `MusterError` that `work` throws, or nil when it throws none.
func musterMessage(_ work: @escaping @Sendable () throws -> Void) async -> String? {
    do {
        try await offPool(work)
        return nil
    } catch let error as MusterError {
        return error.description
    } catch {
        return "not a MusterError: \(error)"
    }
}

/// A plain TCP client for what the courier never sends: half requests, garbage, lies.
final class RawClient: @unchecked Sendable {
    private let fd: Int32

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw MusterError.invalid("test client cannot connect: errno \(errno)") }
        // Reads give up after 0.2 s so `readUntilClosed` can keep its own deadline.
        var wait = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) { send(Data(text.utf8)) }

    func send(_ data: Data) {
        _ = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sent, and whether it closed the connection within `seconds`; read
    /// on a thread of its own, not one of the few the server's tasks need.
    func readUntilClosed(seconds: Double = 10) async -> (text: String, closed: Bool) {
        await offPool { self.blockingRead(seconds: seconds) }
    }

    private func blockingRead(seconds: Double) -> (text: String, closed: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                return (String(decoding: received, as: UTF8.self), true)
            }
        }
        return (String(decoding: received, as: UTF8.self), false)
    }
}

/// A one-shot fake peer: accepts one connection on 127.0.0.1, reads a little, answers `reply`
/// and closes. Stands in for whatever else might listen at a peer's address.
final class FakePeer: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32

    init(reply: Data) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        fd = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, size) == 0 && listen(listener, 4) == 0 && getsockname(listener, $0, &size) == 0
            }
        }
        guard bound else { throw MusterError.invalid("fake peer cannot listen: errno \(errno)") }
        port = UInt16(bigEndian: address.sin_port)
        Thread {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            var wait = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 65536)
            _ = recv(client, &buffer, buffer.count, 0)
            _ = reply.withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            shutdown(client, Int32(SHUT_WR))
            _ = recv(client, &buffer, buffer.count, 0)
            close(client)
        }.start()
    }

    deinit { close(fd) }
}
