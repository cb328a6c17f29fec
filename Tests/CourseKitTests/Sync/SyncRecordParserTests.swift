@testable import CourseKit
import Foundation
import Testing
import TestSupport

/// `SyncRecordParser` reads a record's line as `JSONDecoder` does, or gives up and leaves it to
/// `JSONDecoder`: never another record, never a refusal `JSONDecoder` would not make.
@Suite struct SyncRecordParserTests {
    static let awkward = [
        "", "Ana", "José Ñúñez", "李小龍", "Nguyễn Văn A", "O'Neil-Smith", "محمد\u{200C}رضا", "👩‍👩‍👧", "say \"hi\"",
        "back\\slash", "a/b", "tab\there", "line\nbreak", "cr\r", "\u{01}\u{08}\u{0C}\u{1F}", "\u{7F}", "e\u{301}", "\u{202E}evil",
        "😀", "\u{FFFF}", "{\"not\":\"json\"}", "null", "12",
    ]
    static let numbers: [Int64] = [0, 1, -1, 42, Int64.max, Int64.min, 1_796_000_000_000 << 16]

    static func randomRecord(_ random: inout SeededRandom) -> SyncRecord {
        func text() -> String {
            (0..<Int.random(in: 1...3, using: &random)).map { _ in awkward.randomElement(using: &random)! }.joined()
        }
        var fields: [String: SyncValue]?
        if Bool.random(using: &random) {
            var values: [String: SyncValue] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let value: SyncValue =
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: .null
                    case 1: .int(numbers.randomElement(using: &random)!)
                    default: .text(text())
                    }
                values[text()] = value
            }
            fields = values
        }
        let prev: [String: [String]]? =
            Bool.random(using: &random) ? [text(): (0..<Int.random(in: 0...2, using: &random)).map { _ in GlobalID.random() }] : nil
        return SyncRecord(
            id: GlobalID.record(), origin: text(), seq: numbers.randomElement(using: &random)!,
            hlc: numbers.randomElement(using: &random)!, kind: [.put, .event, .erase, .redacted].randomElement(using: &random)!,
            entity: text(), gid: text(), fields: fields, prev: prev, hash: Bool.random(using: &random) ? text() : nil)
    }

    /// What JSONDecoder reads, or nil when it refuses.
    static func slow(_ line: Data) -> SyncRecord? { try? JSONDecoder().decode(SyncRecord.self, from: line) }

    /// The line as this library writes it (sorted keys, no spaces), and as `JSONEncoder` writes
    /// it (escaped slashes, `\u` escapes, its own key order), with and without pretty printing.
    @Test(.seeded) func readsEveryRecordAsJSONDecoderDoes() throws {
        var random = SeededRandom()
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted]
        for _ in 0..<2_000 {
            let record = Self.randomRecord(&random)
            let canonical = record.canonicalJSON
            let fast = try #require(
                SyncRecordParser.parse(canonical), "gave up on \(String(decoding: canonical, as: UTF8.self)), \(random.replayText)")
            #expect(fast == record, "\(random.replayText)")
            #expect(fast == Self.slow(canonical), "\(random.replayText)")
            for line in [try JSONEncoder().encode(record), try pretty.encode(record)] {
                let read = try #require(
                    SyncRecordParser.parse(line), "gave up on \(String(decoding: line, as: UTF8.self)), \(random.replayText)")
                #expect(read == record, "\(String(decoding: line, as: UTF8.self)), \(random.replayText)")
            }
        }
    }

    /// Lines it gives up on go to JSONDecoder, which reads or refuses them; a line it reads is
    /// read as JSONDecoder reads it.
    @Test func givesUpOnWhatItDoesNotKnowAndReadsTheRestAlike() throws {
        func line(_ fields: String, _ extra: String = "") -> Data {
            Data(
                #"{"entity":"person","fields":\#(fields),"gid":"g","hlc":5,"id":"i","kind":"put","origin":"o","seq":1\#(extra)}"#.utf8)
        }
        let cases: [(Data, gives: Bool, reads: SyncValue?)] = [
            (line(#"{"n":"\ud83d\ude00"}"#), false, .text("😀")),
            (line(#"{"n":"\u00e9\u4e2d\u0041\/"}"#), false, .text("é中A/")),
            (line(#"{"n":-9223372036854775808}"#), false, .int(Int64.min)),
            (line(#"{"n":-0}"#), false, .int(0)),
            (line(#"{"n" : null }"#), false, .null),
            (line(#"{"n":1.5}"#), true, nil),
            (line(#"{"n":1e3}"#), true, nil),
            (line(#"{"n":9223372036854775808}"#), true, nil),
            (line(#"{"n":01}"#), true, nil),
            (line(#"{"n":true}"#), true, nil),
            (line(#"{"n":"\ud83d"}"#), true, nil),
            (line(#"{"n":"\ude00x"}"#), true, nil),
            (line(#"{"n":"\x"}"#), true, nil),
            (line("{\"n\":\"raw\u{01}control\"}"), true, nil),
            (line(#"{"n":"a","n":"b"}"#), true, nil),
            (line(#"{"n":["a"]}"#), true, nil),
            (line(#"{"n":"a",}"#), true, nil),
            (line(#"{"n":"a"}"#, #","unknown":1"#), true, .text("a")),
            (line(#"{"n":"a"}"#, #","seq":2"#), true, nil),
            (line(#"{"n":"a"}"#, "}"), true, nil),
            (line(#"{"n":"a"}"#, #","hash":null,"prev":null"#), false, .text("a")),
            (Data(#"{"entity":"person","gid":"g","hlc":5,"id":"i","kind":"put","origin":"o"}"#.utf8), true, nil),
            (Data(#"{"entity":"person","gid":"g","hlc":5,"id":"i","kind":"nonsense","origin":"o","seq":1}"#.utf8), true, nil),
            (Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]), true, nil),
            (Data(), true, nil),
        ]
        for (index, (data, gives, reads)) in cases.enumerated() {
            let text = String(decoding: data, as: UTF8.self)
            let fast = SyncRecordParser.parse(data)
            #expect((fast == nil) == gives, "case \(index): \(text)")
            let slow = Self.slow(data)
            if let fast { #expect(fast == slow, "case \(index): \(text)") }
            if !gives { #expect(slow?.fields?["n"] == reads, "case \(index): \(text)") }
            if let reads { #expect((fast ?? slow)?.fields?["n"] == reads, "case \(index): \(text)") }
            // `SyncRecord.decode` reads whatever JSONDecoder reads, and refuses the rest.
            #expect((try? SyncRecord.decode(data)) == slow, "case \(index): \(text)")
        }
    }
}
