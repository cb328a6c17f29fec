import Foundation
import GRDB
import Testing
import TestSupport

@testable import CourseKit

/// The change log's row images are written by hand (`ChangeSnapshot.json`, `CanonicalJSON`)
/// instead of through `JSONSerialization`, which took 20 s of the 100k course file's import.
/// What matters is what reads them: `init(json:)` (undo), the erasure's scrubs (parse, and LIKE
/// on the text). Seeded snapshots of awkward values read back the same from both writers.
@Suite struct ChangeSnapshotJSONTests {
    /// How the images were written before: kept here to compare with.
    static func serialized(_ snapshot: ChangeSnapshot) -> String {
        var object: [String: Any] = [:]
        for (table, list) in snapshot.rows {
            object[table] = list.map { row in
                row.mapValues { value -> Any in
                    switch value.storage {
                    case .null: NSNull()
                    case .int64(let i): NSNumber(value: i)
                    case .double(let d): NSNumber(value: d)
                    case .string(let s): s
                    case .blob(let b): b.base64EncodedString()
                    }
                }
            }
        }
        if !snapshot.appendedEvents.isEmpty { object["appended_attendance_events"] = snapshot.appendedEvents }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static let texts = [
        "José Ñúñez", "李小龍", "محمد‌رضا", "O'Neil-Smith", "say \"hi\"", "back\\slash", "a/b", "two\nlines", "tab\t", "\u{1B}[31m",
        "\u{202E}evil", "", " ", "%_", "😀👍🏽",
    ]

    @Test(.seeded) func bothWritersReadBackTheSame() throws {
        var rng = SeededRandom()
        print("ChangeSnapshotJSON: \(rng.replayText)")
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        for round in 0..<200 {
            var snapshot = ChangeSnapshot()
            for table in ["person", "enrolment", "course"].filter({ _ in rng.next() % 2 == 0 }) {
                snapshot.rows[table] = (0..<Int(rng.next() % 4)).map { i in
                    var row: [String: DatabaseValue] = ["id": Int64(i + 1).databaseValue]
                    for column in ["given_name", "note", "email"] { row[column] = pick(Self.texts).databaseValue }
                    row["agency_id"] = rng.next() % 2 == 0 ? .null : Int64(rng.next() % 1_000_000).databaseValue
                    row["minimum_share"] = pick([0.8, 1.0, 0.0, 0.333, 1e-7, -2.5]).databaseValue
                    row["key"] = Data([0, 1, 2, UInt8(rng.next() % 256)]).databaseValue
                    return row
                }
            }
            if rng.next() % 3 == 0 { snapshot.appendedEvents = (0..<Int(1 + rng.next() % 3)).map { _ in UUID().uuidString } }
            let written = snapshot.json, before = Self.serialized(snapshot)
            #expect(ChangeSnapshot(json: written) == ChangeSnapshot(json: before), "round \(round), \(rng.replayText)")
            let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? NSDictionary
            let parsedBefore = try JSONSerialization.jsonObject(with: Data(before.utf8)) as? NSDictionary
            #expect(parsed == parsedBefore, "round \(round), \(rng.replayText): \(written) vs \(before)")
            // Names are written as they are, so the erasure's LIKE on the text finds them.
            for row in snapshot.rows.values.joined() {
                if case .string(let name) = row["given_name"]!.storage, !name.isEmpty,
                    !name.contains(where: {
                        $0.isNewline || $0 == "\"" || $0 == "\\" || $0 == "\t" || $0.unicodeScalars.first!.value < 0x20
                    })
                {
                    #expect(written.contains(name), "\(name) in \(written)")
                }
            }
        }
    }

    @Test func anEmptySnapshotIsAnEmptyObject() {
        #expect(ChangeSnapshot().json == "{}")
        var events = ChangeSnapshot()
        events.appendedEvents = ["e1"]
        #expect(events.json == #"{"appended_attendance_events":["e1"]}"#)
    }
}
