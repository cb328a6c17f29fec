import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// An erasure scrubs the records that name the person in others' words (a note, a facilitator
/// list) in the erasing library's sync log, each keeping its id and the hash of what it was
/// (issue 21, item 3). Another library may hold an original: which of the two it keeps must not
/// depend on the order the bundles came in.
@Suite struct ScrubbedCopyTests {
    /// Device b writes a note naming Meleane Fonua (a participant who also facilitates three
    /// sessions); device a takes b's bundle and erases her. Two libraries taking both bundles,
    /// in the two orders, hold the same records, and the erasing library's copies win.
    @Test func theScrubbedCopyWinsInEitherOrder() throws {
        let dir = TemporaryDirectory("muster-scrubbed-copy")
        let run = try ErasedFacilitator(in: dir)
        let (a, b, fromA, fromB, session, other) = (run.a, run.b, run.fromA, run.fromB, run.session, run.other)
        #expect(run.erasure.elsewhere == "1 note by someone else, 3 facilitator lists", "\(run.erasure.elsewhere)")
        #expect(try held(a, "Fonua") == 0, "the erasing library's sync log still names her")

        let first = try CourseStore(path: dir.file("first.sqlite"), actor: "oracle")
        _ = try first.syncImport(paths: [fromB, fromA], dryRun: false, passphrase: nil)
        let second = try CourseStore(path: dir.file("second.sqlite"), actor: "oracle")
        _ = try second.syncImport(paths: [fromA, fromB], dryRun: false, passphrase: nil)
        #expect(try first.syncRecordsDigest() == second.syncRecordsDigest())
        #expect(try first.syncDigest() == second.syncDigest())
        for library in [first, second] {
            // Neither keeps b's note or the replaced lists; only b's own first load of the course
            // file (the person and the three sessions, superseded) still names her there.
            #expect(try held(library, "came with Meleane") == 0)
            let notes = try library.attendance.events(sessionID: session.id!, personID: other.id!).map(\.note)
            #expect(notes == ["came with (erased)"], "\(notes)")
        }
        // b, taking a's bundle, takes the scrubbed copy of its own note's record.
        _ = try b.syncImport(paths: [fromA], dryRun: false, passphrase: nil)
        #expect(try held(b, "came with Meleane") == 0)
        #expect(try b.attendance.events(sessionID: session.id!, personID: other.id!).map(\.note) == ["came with (erased)"])
    }

    /// How many sync records of the library hold `text`.
    func held(_ store: CourseStore, _ text: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: store.path, configuration: configuration).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_record WHERE instr(CAST(body AS TEXT), ?) > 0", arguments: [text]) ?? 0
        }
    }
}
