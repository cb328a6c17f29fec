import Foundation

/// How much a live exchange may cost one request: the venue network is not trusted, so neither
/// side reads an unbounded body or waits forever on a peer that stopped talking.
public struct SyncNetLimits: Sendable, Equatable {
    /// The largest body accepted, in bytes; a request announcing more is refused before it is read.
    public var maxBody: Int
    /// Seconds a connection may stay silent (nothing read, nothing written) before it is dropped.
    public var timeout: TimeInterval

    /// 64 MiB holds a course day's bundle many times over; 30 s is far beyond any pause of a healthy LAN.
    public static let defaultMaxBody = 64 << 20
    public static let defaultTimeout: TimeInterval = 30

    public init(maxBody: Int = SyncNetLimits.defaultMaxBody, timeout: TimeInterval = SyncNetLimits.defaultTimeout) {
        self.maxBody = maxBody
        self.timeout = timeout
    }
}
