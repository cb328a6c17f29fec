import Foundation

extension UUID {
    /// A version-7 UUID (RFC 9562): the first 48 bits are the Unix time in milliseconds, then
    /// the version and variant bits, then 74 random bits.
    ///
    /// Why: an attendance event's id is the key of `attendance_event`, of its `sync_record` and
    /// of that record's gid index. A random (version-4) id put each new mark at a random place in
    /// three large B-trees, and on a library of a million events a leaf that has to split there
    /// rewrites its neighbours and parent: 7.7 pages of `sync_record` alone per mark
    /// (BENCHMARKS.md). Ids that start with the time go to the right-hand end, where the same
    /// leaf takes one mark after another. Still made on the device with no coordination, still
    /// unique by their random bits; a device with a wrong clock only loses the locality. The
    /// time they carry is the event's `recorded_ms` already, so they reveal nothing new.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var generator = PooledRandom()
        return timeOrdered(at: date, using: &generator)
    }

    /// `timeOrdered(at:)` with the random bits from `generator` (tests seed it).
    public static func timeOrdered<G: RandomNumberGenerator>(at date: Date, using generator: inout G) -> UUID {
        let ms = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down))) & 0xFFFF_FFFF_FFFF
        let high = generator.next(), low = generator.next()
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        // The milliseconds (big-endian), the version, 12 bits of `high`, the variant, 62 bits of `low`.
        return UUID(
            uuid: (
                byte(ms, 40), byte(ms, 32), byte(ms, 24), byte(ms, 16), byte(ms, 8), byte(ms, 0),
                0x70 | (byte(high, 0) & 0x0F), byte(high, 8),
                0x80 | (byte(low, 0) & 0x3F), byte(low, 8), byte(low, 16), byte(low, 24),
                byte(low, 32), byte(low, 40), byte(low, 48), byte(low, 56)
            ))
    }
}
