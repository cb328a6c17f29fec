import CourseKit
import FlyingFox
import Foundation

/// Between FlyingFox and the exchange: routes `POST /muster/sync/v1/<op>`, refuses what the
/// limits forbid before reading it, and calls the exchange's blocking handler.
///
/// The exchange's handler runs on one serial DispatchQueue, never on the cooperative pool: it
/// does blocking SQLite work, which would starve the pool's few threads (and with them every
/// socket), and one call at a time keeps the library's single writer simple.
struct SyncRequestHandler: HTTPHandler {
    let limits: SyncNetLimits
    let log: @Sendable (ChangeSummary) -> Void
    let handler: SyncHandler
    let queue: DispatchQueue

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let remote = Self.describe(request.remoteAddress)
        guard request.method == .POST, request.path.hasPrefix(SyncNet.pathPrefix),
            case let op = request.path.dropFirst(SyncNet.pathPrefix.count), SyncNet.isOperation(op)
        else {
            return Self.reply(SyncMessage(status: 404, body: Data("not a Muster sync path: use POST \(SyncNet.pathPrefix)<op>\n".utf8)))
        }
        guard let lengthText = request.headers[.contentLength], let length = Int(lengthText) else {
            log(ChangeSummary.sync("serveLog.noLength", .text(remote), .text(String(op))))
            return Self.reply(SyncMessage(status: 411, body: Data("a Content-Length is required\n".utf8)))
        }
        guard length <= limits.maxBody else {
            log(ChangeSummary.sync("serveLog.tooLarge", .text(remote), .text(String(op)), .number(length), .number(limits.maxBody)))
            return Self.reply(
                SyncMessage(status: 413, body: Data("a body of \(length) bytes is over the limit of \(limits.maxBody)\n".utf8)))
        }
        let body: Data
        do {
            body = try await request.bodyData
        } catch {
            log(ChangeSummary.sync("serveLog.bodyLost", .text(remote), .text(String(op)), .text(error.localizedDescription)))
            return Self.reply(SyncMessage(status: 408, body: Data("the body did not arrive\n".utf8)))
        }
        let headers = SyncNet.exchangeHeaders(request.headers.map { ($0.key.rawValue, $0.value) })
        let (handler, queue, name) = (self.handler, self.queue, String(op))
        let answer = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: handler(name, headers, body, remote)) }
        }
        guard (200...599).contains(answer.status) else {
            log(ChangeSummary.sync("serveLog.badStatus", .text(remote), .text(String(op)), .number(answer.status)))
            return Self.reply(SyncMessage(status: 500))
        }
        return Self.reply(answer)
    }

    /// The response for `message`: its headers as given, then the transport's own, which win;
    /// the length is the body's own (FlyingFox writes it).
    static func reply(_ message: SyncMessage) -> HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in message.headers {
            let header = HTTPHeader(name)
            if header != .contentLength && header != .transferEncoding { headers[header] = value }
        }
        headers[.contentType] = "application/octet-stream"
        headers[.connection] = "close"
        headers[HTTPHeader(SyncNet.markerHeader)] = SyncNet.markerValue
        return HTTPResponse(
            statusCode: HTTPStatusCode(message.status, phrase: phrase(message.status)), headers: headers,
            body: ReplyThenClose.body(message.body))
    }

    /// The peer as the log and the exchange name it: its address, without the port.
    static func describe(_ address: HTTPRequest.Address?) -> String {
        switch address {
        case .ip4(let ip, _), .ip6(let ip, _): ip
        case .unix(let path): path
        case nil: "unknown peer"
        }
    }

    /// Reason phrases are for people reading a trace; clients go by the number.
    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
