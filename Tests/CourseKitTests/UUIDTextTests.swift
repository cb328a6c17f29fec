@testable import CourseKit
import Foundation
import Testing
import TestSupport

/// An id's text is `uuidString.lowercased()`, byte for byte, whatever its bits.
@Suite struct UUIDTextTests {
    @Test(.seeded) func theTextIsTheLowerCasedUUIDString() {
        let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        let ones = UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))
        #expect(zero.lowercaseText == "00000000-0000-0000-0000-000000000000")
        #expect(ones.lowercaseText == "ffffffff-ffff-ffff-ffff-ffffffffffff")
        var rng = SeededRandom()
        print("UUIDTextTests: \(rng.replayText)")
        for _ in 0..<2_000 {
            let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let id = UUID(
                uuid: (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                    bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                ))
            #expect(id.lowercaseText == id.uuidString.lowercased(), "\(rng.replayText)")
            #expect(UUID(uuidString: id.lowercaseText) == id, "\(rng.replayText)")
        }
    }
}

/// What tells ids apart in a message or a renamed code is their last digits: two people made in
/// the same millisecond on two devices share the first twelve.
@Suite struct GlobalIDShortTests {
    @Test func idsMadeInOneMillisecondDifferInTheirShortForm() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        var a = SeededRandom(seed: 1), b = SeededRandom(seed: 2)
        let first = UUID.timeOrdered(at: now, using: &a).lowercaseText
        let second = UUID.timeOrdered(at: now, using: &b).lowercaseText
        #expect(first.prefix(8) == second.prefix(8))
        #expect(GlobalID.short(first) != GlobalID.short(second))
        #expect(GlobalID.short(first) == String(first.suffix(8)))
        #expect(PersonCodeClash.renamed("MX-006", gid: first) != PersonCodeClash.renamed("MX-006", gid: second))
        #expect(PersonCodeClash.renamed("MX-006", gid: first) == "MX-006-" + first.suffix(4).uppercased())
    }
}
