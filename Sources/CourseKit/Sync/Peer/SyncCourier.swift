import Foundation

/// One message of a live exchange as the transport carries it: a status, a few headers and an
/// opaque body (encrypted end to end by the exchange itself, so the transport never reads it).
public struct SyncMessage: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// How a client reaches a peer: one blocking request per call. HTTP in `SyncNet`; in-process in tests.
public protocol SyncCourier: Sendable {
    /// Sends `body` as operation `op`; throws `MusterError` when the peer cannot be reached or
    /// answers with something that is not a message of this protocol.
    func post(op: String, headers: [String: String], body: Data) throws -> SyncMessage
}

/// What a serving peer answers with: one blocking call per request, made on one queue at a time.
public typealias SyncHandler = @Sendable (_ op: String, _ headers: [String: String], _ body: Data, _ remote: String) -> SyncMessage
