import Foundation
import LibraryTestSupport
import Testing
import TestSupport
import Yams

@testable import CourseKit

/// A course file's participants are written in slices (`CourseFileCodec.participantsPerSlice`):
/// Yams's encoder copies a sequence on every element it appends, and one call on the 100k
/// course's list took 228 s and 1.9 GB. The slices must add up to exactly what one call writes.
@Suite struct CourseFileCodecTests {
    /// What one call of Yams's encoder writes: how `encode` wrote every file before the slices.
    static func inOneCall(_ file: CourseFile) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.allowUnicode = true
        encoder.options.sortKeys = false
        encoder.options.width = -1
        return try encoder.encode(file)
    }

    /// Values a YAML writer must quote, fold or escape, and names from the field.
    static let awkward = [
        "José Ñúñez", "李小龍", "Nguyễn Văn A", "O'Neil-Smith", "محمد‌رضا", "yes", "null", "007", "a: b", "- dash",
        " leading", "trailing ", "#hash", "say \"hi\"", "two\nlines", "tab\there", "", "~", "1e3", "2024-05-07", "true",
        String(repeating: "long ", count: 40),
    ]

    @Test(.seeded) func participantsInSlicesAreWhatOneCallWrites() throws {
        var rng = SeededRandom()
        print("CourseFileCodec: \(rng.replayText)")
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        func maybe(_ items: [String]) -> String? { rng.next() % 3 == 0 ? nil : pick(items) }
        var file = try CourseFileCodec.read(path: Fixtures.coursesDirectory + "/palau-mmc-2024.yaml")
        // Over two slices and a part of one, whatever the seed.
        let count = CourseFileCodec.participantsPerSlice * 2 + 1 + Int(rng.next() % 400)
        file.participants = (0..<count).map { i in
            CourseFile.ParticipantEntry(
                code: "P-\(i)", givenName: pick(Self.awkward), familyName: pick(Self.awkward),
                sex: pick([.female, .male, .notDisclosed]), country: maybe(["PW", "FJ", "MX"]), agency: maybe(["bim", "iom"]),
                position: maybe(Self.awkward), email: maybe(["a@example.org", "x'y@example.org"]), phone: maybe(["+680 488 1234"]),
                role: pick([.participant, .observer]), nominatedBy: maybe(["iom"]),
                status: pick([.nominated, .confirmed, .declined, .waitlisted]), substitutedBy: nil, note: maybe(Self.awkward))
        }
        let sliced = try CourseFileCodec.encode(file)
        #expect(sliced == (try Self.inOneCall(file)), "\(rng.replayText)")
        #expect(try YAMLDecoder().decode(CourseFile.self, from: sliced) == file, "\(rng.replayText)")
    }

    /// At or under one slice, and with no participants at all, the file is written in one call.
    @Test(arguments: [nil, 0, 1, CourseFileCodec.participantsPerSlice])
    func smallFilesAreWrittenInOneCall(count: Int?) throws {
        var file = try CourseFileCodec.read(path: Fixtures.coursesDirectory + "/palau-mmc-2024.yaml")
        let someone = try #require(file.participants?.first)
        file.participants = count.map { n in (0..<n).map { i in with(someone) { $0.code = "P-\(i)" } } }
        #expect(try CourseFileCodec.encode(file) == Self.inOneCall(file))
    }

    func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
        var copy = value
        change(&copy)
        return copy
    }
}
