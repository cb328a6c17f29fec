/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the same seed gives
/// the same numbers on every machine, which `Double.random` and friends cannot promise.
///
/// The one implementation in the project: the dev generators (`MusterDev`) make libraries with
/// it and the tests' `SeededRandom` replays random tests with it. It is a target of its own, with
/// no dependencies, so the toolkit's tests can use it without linking the course library.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
