import Foundation

/// A hybrid logical clock: wall-clock milliseconds in the high 48 bits, a counter in the low 16.
///
/// Each library keeps the last value it issued. A local record takes `max(last + 1, now)`, so
/// records a library makes are strictly ordered even when its clock steps back. A record from
/// another library moves the clock forward to it, so whatever is made after seeing it orders
/// after it, unless it is further ahead of this machine's clock than `maxDrift`: then the clock
/// does not follow (a device a year ahead would otherwise drag every library with it), and the
/// record is reported as from a device whose clock is off.
public struct HybridClock: Sendable, Hashable {
    public static let maxDrift: Int64 = 24 * 3600 * 1000
    public private(set) var last: Int64

    public init(last: Int64 = 0) { self.last = last }

    public static func pack(ms: Int64, counter: Int64 = 0) -> Int64 { ms << 16 | (counter & 0xFFFF) }
    public static func milliseconds(_ hlc: Int64) -> Int64 { hlc >> 16 }
    public static func date(_ hlc: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds(hlc)) / 1000) }

    /// The value for a record made now.
    public mutating func tick(now: Date) -> Int64 {
        let wall = HybridClock.pack(ms: Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
        last = max(last + 1, wall)
        return last
    }

    /// Takes in a received record's clock; returns false (and does not move) when it is more
    /// than `maxDrift` ahead of `now`.
    @discardableResult
    public mutating func receive(_ hlc: Int64, now: Date) -> Bool {
        let wallMs = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        if HybridClock.milliseconds(hlc) - wallMs > HybridClock.maxDrift { return false }
        last = max(last, hlc)
        return true
    }
}
