import CourseKit
import Foundation
import HQKit
import LibraryTestSupport
import Testing
import TestSupport

/// An erasure scrubs others' words that name the person in the erasing library's sync log, each
/// record keeping its id and the hash of what it was; other devices' bundles still carry the
/// originals. Whatever order the bundles arrive in, the head office must hold the same bytes as
/// a library that took them all: the scrubbed copy wins (issue 21, item 3).
@Suite(.serialized, .enabled(if: HQTestServer.configured, "needs MUSTER_HQ_URL: scripts/test-hq starts a PostgreSQL"))
struct HQScrubbedCopyTests {
    @Test func aScrubbedCopyReplacesItsOriginalInEitherOrder() async throws {
        let dir = TemporaryDirectory("muster-hq-scrub")
        let run = try ErasedFacilitator(in: dir)
        let (fromA, fromB) = (run.fromA, run.fromB)
        #expect(run.erasure.elsewhere.contains("3 facilitator lists"), "\(run.erasure.elsewhere)")

        let oracle = try CourseStore(path: dir.file("oracle.sqlite"), actor: "oracle")
        _ = try oracle.syncImport(paths: [fromB, fromA], dryRun: false, passphrase: nil)
        let other2 = try CourseStore(path: dir.file("oracle2.sqlite"), actor: "oracle")
        _ = try other2.syncImport(paths: [fromA, fromB], dryRun: false, passphrase: nil)
        let expected = try oracle.syncRecordsDigest()
        #expect(try other2.syncRecordsDigest() == expected, "two libraries taking the bundles in two orders hold different records")
        for order in [[fromB, fromA], [fromA, fromB], [fromB, fromA, fromB]] {
            try await HQTestServer.withDatabase { db in
                for path in order { _ = try await HQIngest.ingest(db, path: path, passphrase: nil) }
                #expect(
                    try await db.recordsDigest() == expected,
                    "records differ from the oracle's (order \(order.map { ($0 as NSString).lastPathComponent }))")
            }
        }
    }
}
