@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// `sync_field` holds every field of every put record, a head unless something superseded it.
/// Records of rows new to sync have their fields stored set-wise from the records' bodies
/// (`SyncRecordWrites.insertNewFields`); edits of known rows field by field from Swift. Both must
/// give what the record says: the oracle here is the body decoded by Swift.
@Suite struct SyncFieldHeadsTests {
    /// Each put record's fields as `sync_field` should hold them, from Swift's decoding of its body.
    static func expected(_ db: Database) throws -> [String] {
        var lines: [String] = []
        for body in try Data.fetchAll(db, sql: "SELECT body FROM sync_record WHERE kind = 'put'") {
            let record = try SyncRecord.decode(body)
            for (field, value) in record.fields ?? [:] {
                lines.append("\(record.id) \(field) \(Self.describe(value.databaseValue))")
            }
        }
        return lines.sorted()
    }

    /// What `sync_field` holds, in the same form: the stored type counts, not only the value.
    static func stored(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT record_id, field, value FROM sync_field").map {
            "\($0["record_id"] as String) \($0["field"] as String) \(Self.describe($0["value"]))"
        }.sorted()
    }

    /// What one side has that the other lacks (a few lines of each, not two whole libraries).
    static func difference(_ stored: [String], _ expected: [String]) -> [String] {
        let missing = Set(expected).subtracting(stored).sorted().prefix(5).map { "missing: " + $0 }
        let extra = Set(stored).subtracting(expected).sorted().prefix(5).map { "extra: " + $0 }
        return missing + extra + (stored.count == expected.count ? [] : ["\(stored.count) rows for \(expected.count) fields"])
    }

    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "null"
        case .int64(let i): "int \(i)"
        case .double(let d): "real \(d)"
        case .string(let s): "text \(s.debugDescription)"
        case .blob(let b): "blob \(b.base64EncodedString())"
        }
    }

    /// Names and text that JSON escapes or that scripts need as they are.
    static let awkward = [
        "José Ñúñez", "李小龍", "Nguyễn Văn A", "O'Neil-Smith", "محمد\u{200C}رضا", "Back\\slash", "Say \"hi\"", "Tab\there",
        "a/b", "👩‍👩‍👧", "Ünïcödé", "",
    ]

    @Test(.seeded) func newRowsOfARosterImportHaveEveryFieldTheirRecordsSay() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024"])
        var random = SeededRandom()
        var csv = "given,family,email,country,organisation,position\n"
        for i in 0..<60 {
            func pick() -> String { Self.awkward.randomElement(using: &random)! }
            let quoted = [pick(), "\(pick()) \(i)", "p\(i)@example.org", ["PW", "GT", ""].randomElement(using: &random)!, pick(), pick()]
                .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            csv += quoted.joined(separator: ",") + "\n"
        }
        let report = try store.rosterImporter.importRoster(data: Data(csv.utf8), name: "r.csv", course: "mini-2024")
        #expect(report.newPeople.count == 60, random.replay)
        let (expected, stored) = try DatabaseQueue(path: store.path).read { db in (try Self.expected(db), try Self.stored(db)) }
        #expect(expected.count > 60 * 9, random.replay)
        #expect(Self.difference(stored, expected) == [], random.replay)
    }

    /// An edit of a row sync knows goes field by field (it names the heads it replaces); a
    /// second import that changes people's details keeps both kinds right, and only the newest
    /// value of each field is a head.
    @Test func editsAfterTheNewRowsKeepOneHeadPerField() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024"])
        let first = "given,family,email,position\nAna,Tellei,ana@example.org,\nKelvin,Rengiil,kelvin@example.org,\n"
        let second = "given,family,email,position\nAna,Tellei,ana@example.org,Officer\nKelvin,Rengiil,kelvin@example.org,Clerk\n"
        try store.rosterImporter.importRoster(data: Data(first.utf8), name: "a.csv", course: "mini-2024")
        try store.rosterImporter.importRoster(data: Data(second.utf8), name: "b.csv", course: "mini-2024")
        try DatabaseQueue(path: store.path).read { db in
            #expect(Self.difference(try Self.stored(db), try Self.expected(db)) == [])
            let heads = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.value FROM sync_field f JOIN person p ON p.gid = f.gid
                    WHERE f.field = 'position' AND f.superseded = 0 AND p.email IN ('ana@example.org', 'kelvin@example.org')
                    ORDER BY p.email
                    """
            ).map { $0[0] as String }
            #expect(heads == ["Officer", "Clerk"])
        }
    }

    @Test func onlyBodiesThatSayTheirValuesExactlyAreReadBack() {
        #expect(SyncRecordWrites.bodyHoldsFields(["a": .int(1), "b": .text("José"), "c": .null]))
        #expect(!SyncRecordWrites.bodyHoldsFields(["a": .real(1.0)]))
        #expect(!SyncRecordWrites.bodyHoldsFields(["a": .text("nul\u{0}inside")]))
    }
}
