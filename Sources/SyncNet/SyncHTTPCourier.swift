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
        guard SyncNet.isOperation(op) else { throw MusterError.net("notAnOperation", .text(op)) }
        guard body.count <= maxBody else {
            throw MusterError.net("notSentTooLarge", .text(url), .number(body.count), .number(maxBody))
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
            throw MusterError.net("noAnswer", .text(url), .text(SyncNet.seconds(timeout)))
        case .failed(let error):
            throw describe(error, address: address)
        case .value(let (response, data)):
            guard response.headers[HTTPHeader(SyncNet.markerHeader)] == SyncNet.markerValue else {
                let kind = response.headers[.contentType].map { " (\($0))" } ?? ""
                throw MusterError.net("notAPeerHTTP", .text(url), .number(response.statusCode.code), .text(kind))
            }
            // FlyingFox's client has read the whole body by now; the request's timeout bounded how much.
            guard data.count <= maxBody else {
                throw MusterError.net("answerTooLarge", .text(url), .number(data.count), .number(maxBody))
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
                throw MusterError.net("badHeader", .text(name.debugDescription))
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
            return unreachable(code) ?? .net("cannotReach", .text(url), .text(message))
        case SocketError.timeout:
            return unreachable(ETIMEDOUT)!
        case SocketError.disconnected, SocketError.failed:
            // Refused or reset look alike here: connecting once more tells them apart.
            let code = ConnectProbe.error(connecting: address, timeout: min(timeout, 2))
            return unreachable(code)
                ?? .net("closedEarly", .text(url))
        default:
            return .net("notAMessage", .text(url), .text(error.localizedDescription))
        }
    }

    /// The advice for a connect that failed with `code`; nil when connecting works.
    private func unreachable(_ code: Int32) -> MusterError? {
        switch code {
        case 0: nil
        case ECONNREFUSED: .net("refused", .text(url))
        case EHOSTUNREACH, ENETUNREACH: .net("noRoute", .text(url))
        case ETIMEDOUT: .net("noConnectAnswer", .text(url))
        default: .net("cannotReach", .text(url), .text(String(cString: strerror(code))))
        }
    }
}
