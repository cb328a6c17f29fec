import CourseKit
import Foundation
import Testing
import TestSupport

/// Event and sync-record ids are version-7 UUIDs: the time first, so new rows go to the end of
/// the tables keyed by them, and random bits that keep two devices' ids apart.
@Suite struct TimeOrderedIDTests {
    @Test func carriesTheMillisecondVersionAndVariant() {
        let date = Date(timeIntervalSince1970: 1_715_040_000.123)  // 2024-05-07, Palau's first day
        var random = SeededRandom(seed: 1)
        let id = UUID.timeOrdered(at: date, using: &random)
        let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        let ms = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(ms == 1_715_040_000_123)
        #expect(bytes[6] >> 4 == 7, "version 7")
        #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant")
        #expect(id.uuidString.lowercased().hasPrefix("018f5059-987b-7"), "\(id)")
    }

    /// Seeded: ids made in later milliseconds sort after earlier ones as the text SQLite
    /// compares; ids of the same millisecond differ.
    @Test(.seeded) func sortsByTimeAndNeverRepeats() {
        var random = SeededRandom()
        var last = ""
        var seen = Set<String>()
        var ms = 1_796_000_000_000.0
        for _ in 0..<2_000 {
            ms += Double(Int.random(in: 0...3, using: &random))
            let id = UUID.timeOrdered(at: Date(timeIntervalSince1970: ms / 1000), using: &random).uuidString.lowercased()
            #expect(seen.insert(id).inserted, "\(id) twice, \(random.replayText)")
            #expect(String(id.prefix(13)) >= String(last.prefix(13)), "\(last) then \(id), \(random.replayText)")
            last = id
        }
    }

    /// A mark's event gets one: recorded now, it sorts after every event made before it.
    @Test func marksGetTimeOrderedIDs() {
        let event = AttendanceEvent(
            sessionID: 1, personID: 1, status: .present, recordedAt: Date(timeIntervalSince1970: 1_796_000_000),
            actor: "t", device: "d", source: .rollcall)
        let bytes = withUnsafeBytes(of: event.id.uuid) { Array($0) }
        #expect(bytes[6] >> 4 == 7)
        #expect(bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == 1_796_000_000_000)
    }
}
