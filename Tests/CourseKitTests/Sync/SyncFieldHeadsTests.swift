@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// Every field of every put record is held, a head unless something superseded it: in
/// `sync_field`, or, for an entity whose only record was made here, in that record's body, read
/// by SQLite's JSON (`SyncMerge.heads`) and stored from it when a second record comes
/// (`SyncRecordWrites.materializeFields`). Edits of known rows go field by field from Swift. All
/// must give what the record says: the oracle here is the body decoded by Swift.
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

    /// What the library holds, in the same form: the stored type counts, not only the value.
    static func stored(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT record_id, field, value FROM sync_field
                UNION ALL
                SELECT record_id, field, value FROM (\(SyncRecordWrites.fieldsInBodies))
                """
        ).map {
            "\($0["record_id"] as String) \($0["field"] as String) \(Self.describe($0["value"]))"
        }.sorted()
    }

    /// For each put record of `gid`, oldest first, whether its fields are stored in `sync_field`.
    static func recordsStored(_ db: Database, gid: String) throws -> [Bool] {
        try Bool.fetchAll(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM sync_field f WHERE f.record_id = r.id AND f.gid = r.gid)
                FROM sync_record r WHERE r.gid = ? AND r.kind = 'put' ORDER BY r.hlc
                """, arguments: [gid])
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
        let (expected, stored, rows) = try DatabaseQueue(path: store.path).read { db in
            (
                try Self.expected(db), try Self.stored(db),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_field WHERE entity IN ('person', 'enrolment')") ?? -1
            )
        }
        #expect(expected.count > 60 * 9, random.replay)
        #expect(Self.difference(stored, expected) == [], random.replay)
        // Every person and nomination was written once: none is stored field by field yet.
        #expect(rows == 0, random.replay)
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
            // The merge reads the same, and each edited person's first record is stored now.
            for (email, position) in [("ana@example.org", "Officer"), ("kelvin@example.org", "Clerk")] {
                let gid = try #require(try String.fetchOne(db, sql: "SELECT gid FROM person WHERE email = ?", arguments: [email]))
                let merged = try SyncMerge.heads(db, gid: gid)
                #expect(merged["position"]?.map(\.value) == [.text(position)])
                #expect(merged["family_name"]?.count == 1)
                let stored = try Self.recordsStored(db, gid: gid)
                #expect(stored.count >= 2 && stored.allSatisfy { $0 }, "\(stored)")
            }
        }
    }

    /// An entity written once is read from its record's body, every field a head with that
    /// record's clock and origin; a second record stores the first's fields before its own.
    @Test func aRecordAloneIsEveryHeadUntilTheEntityHasAnother() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024"])
        let csv = "given,family,email\nJosé,Ñúñez,jose@example.org\n"
        try store.rosterImporter.importRoster(data: Data(csv.utf8), name: "a.csv", course: "mini-2024")
        let gid = try DatabaseQueue(path: store.path).read { db in
            try #require(try String.fetchOne(db, sql: "SELECT gid FROM person WHERE email = 'jose@example.org'"))
        }
        try DatabaseQueue(path: store.path).read { db in
            let record = try #require(try Row.fetchOne(db, sql: "SELECT id, hlc, origin FROM sync_record WHERE gid = ?", arguments: [gid]))
            let heads = try SyncMerge.heads(db, gid: gid)
            #expect(heads["given_name"]?.map(\.value) == [.text("José")])
            #expect(heads["family_name"]?.first?.recordID == record["id"])
            #expect(heads["family_name"]?.first?.hlc == record["hlc"])
            #expect(heads["family_name"]?.first?.origin == record["origin"])
            #expect(heads[SyncEntity.exists]?.map(\.value) == [.int(1)])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_field WHERE gid = ?", arguments: [gid]) == 0)
        }
        let again = "given,family,email,position\nJosé,Ñúñez,jose@example.org,Inspector\n"
        try store.rosterImporter.importRoster(data: Data(again.utf8), name: "b.csv", course: "mini-2024")
        try DatabaseQueue(path: store.path).read { db in
            let heads = try SyncMerge.heads(db, gid: gid)
            #expect(heads["position"]?.map(\.value) == [.text("Inspector")])
            #expect(heads["given_name"]?.map(\.value) == [.text("José")])
            #expect(try Self.recordsStored(db, gid: gid) == [true, true])
            #expect(Self.difference(try Self.stored(db), try Self.expected(db)) == [])
        }
    }

    @Test func onlyBodiesThatSayTheirValuesExactlyAreReadBack() {
        #expect(SyncRecordWrites.bodyHoldsFields(["a": .int(1), "b": .text("José"), "c": .null]))
        #expect(!SyncRecordWrites.bodyHoldsFields(["a": .real(1.0)]))
        #expect(!SyncRecordWrites.bodyHoldsFields(["a": .text("nul\u{0}inside")]))
    }
}
