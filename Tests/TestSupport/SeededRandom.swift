import Foundation
import SplitMix
import Testing

/// The one random number generator of the tests: SplitMix64 from a seed that every failure
/// names, so any random run can be replayed exactly.
///
/// The seed is `MUSTER_TEST_SEED` when that is set (decimal, or hex with `0x`), else a fresh one
/// per test. Mark the test `@Test(.seeded)`: that picks the seed, hands it to every
/// `SeededRandom()` made in the test, and records an error the test throws with the seed. Put
/// `rng.replay` in the comment of each expectation that depends on the draw. A failure then names
/// the seed, and this replays it:
///
///     MUSTER_TEST_SEED=0x1234abcd swift test --filter derivedMarksAgreeWithMarkRule
///
/// Use it for every draw, `using: &rng` included: a bare `Bool.random()` or `.shuffled()` draws
/// from the system generator and the replay silently stops being one.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    public let seed: UInt64
    /// The project's one SplitMix64 (`Sources/SplitMix`), shared with the dev generators.
    private var generator: SplitMix64

    /// A generator replaying `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        generator = SplitMix64(seed: seed)
    }

    /// A generator from the `.seeded` test's seed, else `MUSTER_TEST_SEED` if set, else a fresh seed.
    public init() {
        self.init(seed: Self.testSeed ?? Self.environmentSeed ?? Self.freshSeed())
    }

    /// The seed of the `.seeded` test running on this task.
    @TaskLocal public static var testSeed: UInt64?

    public static func freshSeed() -> UInt64 { UInt64.random(in: .min ... .max) }

    /// `MUSTER_TEST_SEED` parsed, or nil when unset or empty. A value that is not a number stops
    /// the run: a typo must not quietly become a fresh seed.
    public static var environmentSeed: UInt64? {
        guard
            let text = ProcessInfo.processInfo.environment["MUSTER_TEST_SEED"]?
                .trimmingCharacters(in: .whitespaces), !text.isEmpty
        else { return nil }
        let parsed = text.lowercased().hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        guard let parsed else { fatalError("MUSTER_TEST_SEED=\(text) is not a decimal or 0x-hex UInt64") }
        return parsed
    }

    public mutating func next() -> UInt64 { generator.next() }

    /// "seed 0x…: replay with MUSTER_TEST_SEED=0x…", for the comment of an expectation.
    public var replay: Comment { Comment(rawValue: replayText) }

    public var replayText: String {
        let hex = "0x" + String(seed, radix: 16)
        return "seed \(hex): replay with MUSTER_TEST_SEED=\(hex)"
    }

    /// Runs `body` with a generator from `seed` (by default as `init()` picks one); an error it
    /// throws is recorded with the seed to replay it. For a test that tries several seeds.
    public static func run(
        seed: UInt64? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (inout SeededRandom) throws -> Void
    ) {
        var rng = seed.map(SeededRandom.init(seed:)) ?? SeededRandom()
        do {
            try body(&rng)
        } catch {
            Issue.record(error, Comment(rawValue: rng.replayText), sourceLocation: sourceLocation)
        }
    }
}

/// `@Test(.seeded)`: one seed for the test (`MUSTER_TEST_SEED`, else fresh), given to every
/// `SeededRandom()` it makes; an error the test throws is recorded with the seed to replay it.
public struct SeededTrait: TestTrait, TestScoping {
    public func provideScope(
        for test: Test, testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let seed = SeededRandom.environmentSeed ?? SeededRandom.freshSeed()
        try await SeededRandom.$testSeed.withValue(seed) {
            do {
                try await function()
            } catch {
                Issue.record(error, Comment(rawValue: SeededRandom(seed: seed).replayText), sourceLocation: test.sourceLocation)
            }
        }
    }
}

extension Trait where Self == SeededTrait {
    /// The test draws from `SeededRandom`; see there.
    public static var seeded: Self { SeededTrait() }
}
