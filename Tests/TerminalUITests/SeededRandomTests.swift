import Testing
import TestSupport

/// The tests' generator is SplitMix64 and replays: the same seed, the same draws.
@Suite struct SeededRandomTests {
    @Test func isSplitMix64() {
        // Outputs of the reference SplitMix64 (Vigna) from seed 0.
        var rng = SeededRandom(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedSameDraws() {
        var a = SeededRandom(seed: 42), b = SeededRandom(seed: 42)
        #expect((0..<100).map { _ in Int.random(in: 0..<1000, using: &a) } == (0..<100).map { _ in Int.random(in: 0..<1000, using: &b) })
        #expect(a.replayText == "seed 0x2a: replay with MUSTER_TEST_SEED=0x2a")
    }

    @Test(.seeded) func aSeededTestGivesEveryGeneratorItsSeed() {
        #expect(SeededRandom().seed == SeededRandom().seed)
        #expect(SeededRandom().seed == SeededRandom.testSeed)
    }
}
