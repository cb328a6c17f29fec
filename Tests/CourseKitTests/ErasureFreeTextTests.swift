@testable import CourseKit
import Foundation
import GRDB
import Testing
import TestSupport

/// Issue 21, item 3: erasure reaches other people's words about the person, and its
/// fingerprints cannot be tested by someone who has only the library file.
@Suite struct ErasureFreeTextTests {
    let dir = TemporaryDirectory("erasure-free-text")

    /// A namesake (the same full name, another person) keeps their name, in their own rows and
    /// in the change log that names them; only the erased person's words go.
    @Test func aNamesakeKeepsTheirName() throws {
        let clock = TestClock()
        let store = try makeStore(dir, clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        let (namesake, _) = try store.people.savePerson(
            Person(code: "T-900", givenName: "José", familyName: "Núñez", email: "other.jose@example.org"), enrolIn: course.id!)
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        let kept = try store.people.person(code: "T-900")
        #expect(kept.givenName == "José" && kept.familyName == "Núñez" && kept.email == "other.jose@example.org")
        let log = try store.changeLog.changes(courseID: course.id!).filter { $0.summary.contains("T-900") }
        #expect(
            !log.isEmpty && log.allSatisfy { $0.summary.contains("José Núñez") && $0.afterJSON.contains("Núñez") }, "\(log.map(\.summary))")
        #expect(namesake.id != nil)
    }

    /// The fingerprints are HMACs under a key kept beside the library, 0600: the library file
    /// alone holds no plain hash of the code or e-mail, and a copy without the key recognises
    /// nobody, while the library with its key still refuses an old roster.
    @Test func fingerprintsAreKeyedOutsideTheFile() throws {
        let store = try makeStore(dir)
        let jose = try store.people.person(code: "T-001")
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        let keyPath = store.path + ".erasure-key"
        let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let marks = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT fingerprint FROM erasure") }
        #expect(!marks.isEmpty && marks.allSatisfy { $0.hasPrefix("k1:") })
        let guessable = Fingerprint.legacy(code: jose.code, email: jose.email)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        for mark in guessable { #expect(bytes.range(of: Data(mark.utf8)) == nil, "an unkeyed hash is in the file") }
        #expect(try store.privacy.wasErased(code: jose.code, email: jose.email))
        #expect(try store.privacy.wasErased(code: "t-001"))

        // The file copied without its key: nothing can be confirmed from it.
        let copy = dir.file("copy.sqlite")
        try store.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try FileManager.default.copyItem(atPath: store.path, toPath: copy)
        let copied = try CourseStore(path: copy, actor: "guesser")
        #expect(try !copied.privacy.wasErased(code: jose.code, email: jose.email))
    }

    /// Erasures recorded before the key (plain `muster-erasure-v1` hashes) still refuse.
    @Test func oldUnkeyedMarksStillRecogniseThePerson() throws {
        let store = try makeStore(dir)
        try store.pool.write { db in
            for mark in Fingerprint.legacy(code: "Z-1", email: "z@example.org") {
                try db.execute(
                    sql: "INSERT INTO erasure(fingerprint, erased_ms, actor, device, reason) VALUES (?, 0, 'old', 'old', '')",
                    arguments: [mark])
            }
        }
        #expect(try store.privacy.wasErased(code: "Z-1"))
        #expect(try store.privacy.wasErased(code: "nobody", email: "Z@example.org "))
    }

    @Test func secretsAreTheFullNameInEveryOrderAndTheContacts() {
        let p = Person(code: "T-1", givenName: "Ana", familyName: "Tellei", email: "ana.t@example.org", phone: "12")
        #expect(Set(FreeTextScrub.secrets(of: p)) == ["Ana Tellei", "Tellei Ana", "Tellei, Ana", "ana.t@example.org"])
        let redaction = Redaction(secrets: FreeTextScrub.secrets(of: p))
        #expect(redaction.text("came with ANA TELLEI (ana.t@example.org); Tellei family") == "came with (erased) ((erased)); Tellei family")
        #expect(redaction.list(#"["Ana  Tellei","Tellei, Ana","Mele Tellei"]"#) == #"["(erased)","(erased)","Mele Tellei"]"#)
    }
}
