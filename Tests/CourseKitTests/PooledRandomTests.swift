import CourseKit
import Foundation
import Testing

/// The pooled generator behind new ids: time-ordered UUIDs with the RFC 9562 variant, none
/// twice, across many refills of the pool and from several threads at once.
@Suite struct PooledRandomTests {
    @Test func randomIDsCarryVersionAndVariantAndNeverRepeat() {
        var seen = Set<String>()
        // 20,000 ids take 40,000 words: the 512-word pool refills 78 times.
        var previous = ""
        for _ in 0..<20_000 {
            let id = GlobalID.random()
            #expect(seen.insert(id).inserted, "\(id) twice")
            // Ordered by their millisecond (the first 12 hex digits): ids made later sort later.
            #expect(id.prefix(13) >= previous.prefix(13), "\(id) after \(previous)")
            previous = id
            let uuid = UUID(uuidString: id)!
            let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 7, "version 7: \(id)")
            #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant: \(id)")
            #expect(id == id.lowercased())
        }
    }

    @Test func threadsDrawingAtOnceNeverGetTheSameWord() async {
        let words = await withTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var generator = PooledRandom()
                    return (0..<5_000).map { _ in generator.next() }
                }
            }
            return await group.reduce(into: [UInt64]()) { $0 += $1 }
        }
        #expect(Set(words).count == words.count)
        // Every bit position takes both values: the words are filled, not zero.
        #expect(words.reduce(0, |) == UInt64.max)
        #expect(words.reduce(UInt64.max, &) == 0)
    }
}
