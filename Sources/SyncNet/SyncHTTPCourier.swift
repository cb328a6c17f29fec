import CourseKit
import FlyingFox
import FlyingSocks
import Foundation

/// The client side of live sync over HTTP (`muster sync with URL`): each `post` is one
/// `POST /muster/sync/v1/<op>` with FlyingFox's client, bounded in time and size.
///
/// `post` blocks, as `SyncCourier` asks; the request itself is async and runs on the cooperative
/// pool while the calling thread waits (`runBlocking`). Call it from a plain thread (the CLI's
/// exchange loop, a DispatchQueue), never from async code.
public struct SyncHTTPCourier: SyncCourier {
    /// The peer's URL as given, for messages.
    public var url: String { peer.url }
    private let peer: SyncPeerAddress
    private let timeout: TimeInterval
    private let maxBody: Int

    /// Checks `url` (`http://HOST[:PORT]`, port 8731 by default); its host is looked up at each
    /// request (a name that does not resolve yet fails that request, not the courier). `timeout` bounds each whole request
    /// (connect, send, answer); `maxBody` the bodies sent and received.
    public init(url: String, timeout: TimeInterval = SyncNetLimits.defaultTimeout, maxBody: Int = SyncNetLimits.defaultMaxBody) throws {
        peer = try SyncPeerAddress(url: url)
        self.timeout = timeout
        self.maxBody = maxBody
    }

    public func post(op: String, headers: [String: String], body: Data) throws -> SyncMessage {
        guard SyncNet.isOperation(op) else { throw MusterError.invalid("'\(op)' is not a sync operation: 1 to 20 letters a to z") }
        guard body.count <= maxBody else {
            throw MusterError.invalid("not sent to \(url): \(body.count) bytes is over the limit of \(maxBody)")
        }
        let request = try makeRequest(op: op, headers: headers, body: body)
        let address = try peer.socketAddress()
        let outcome = runBlocking(timeout: timeout) { () -> (HTTPResponse, Data) in
            var client = HTTPClient()
            let response = try await client.sendHTTPRequest(request, to: address)
            return (response, try await response.bodyData)
        }
        switch outcome {
        case .timedOut:
            throw MusterError.invalid("no answer from \(url) in \(SyncNet.seconds(timeout)) s")
        case .failed(let error):
            throw describe(error, address: address)
        case .value(let (response, data)):
            guard response.headers[HTTPHeader(SyncNet.markerHeader)] == SyncNet.markerValue else {
                let kind = response.headers[.contentType].map { " (\($0))" } ?? ""
                throw MusterError.invalid(
                    "\(url) is not a Muster sync peer: it answered HTTP \(response.statusCode.code)\(kind); check the address and port")
            }
            // FlyingFox's client has read the whole body by now; the request's timeout bounded how much.
            guard data.count <= maxBody else {
                throw MusterError.invalid("\(url) answered with \(data.count) bytes, over the limit of \(maxBody): refused")
            }
            return SyncMessage(
                status: response.statusCode.code, headers: SyncNet.exchangeHeaders(response.headers.map { ($0.key.rawValue, $0.value) }),
                body: data)
        }
    }

    private func makeRequest(op: String, headers: [String: String], body: Data) throws -> HTTPRequest {
        var fields = HTTPHeaders()
        for (name, value) in headers {
            // A line break would end the header and start another: the exchange never needs one.
            let broken = (name + value).unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
            guard !broken, !name.isEmpty, !name.contains(":") else {
                throw MusterError.invalid(
                    "header '\(name.debugDescription)' cannot be sent: no line breaks or colons in names, no line breaks in values")
            }
            fields[HTTPHeader(name)] = value
        }
        fields[.host] = peer.hostHeader
        fields[.contentType] = "application/octet-stream"
        fields[.connection] = "close"
        return HTTPRequest(
            method: .POST, version: .http11, path: SyncNet.pathPrefix + op, query: [], headers: fields, body: HTTPBodySequence(data: body))
    }

    /// What went wrong on the wire, as the person running `muster sync with` should read it.
    private func describe(_ error: any Error, address: any SocketAddress) -> MusterError {
        switch error {
        case SocketError.failed(let type, let code, let message) where type == "Connect":
            return unreachable(code) ?? .invalid("cannot reach \(url): \(message)")
        case SocketError.timeout:
            return unreachable(ETIMEDOUT)!
        case SocketError.disconnected, SocketError.failed:
            // Refused or reset look alike here: connecting once more tells them apart.
            let code = ConnectProbe.error(connecting: address, timeout: min(timeout, 2))
            return unreachable(code)
                ?? .invalid("\(url) closed the connection before answering; the log of its `muster sync serve` says why")
        default:
            return .invalid("\(url) answered with something that is not a Muster sync message: \(error.localizedDescription)")
        }
    }

    /// The advice for a connect that failed with `code`; nil when connecting works.
    private func unreachable(_ code: Int32) -> MusterError? {
        switch code {
        case 0: nil
        case ECONNREFUSED: .invalid("cannot reach \(url): connection refused — is `muster sync serve` running there?")
        case EHOSTUNREACH, ENETUNREACH: .invalid("cannot reach \(url): no route to the host — is this device on the venue network?")
        case ETIMEDOUT: .invalid("cannot reach \(url): no answer to connecting — is the address right, and the device on?")
        default: .invalid("cannot reach \(url): \(String(cString: strerror(code)))")
        }
    }
}
