import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// A logged change keeps its summary as words (`ChangeSummary`): said in the reader's language,
/// read back from the log the same, its English sentence unchanged for what reads only that, and
/// scrubbed with the person when they are erased.
@Suite struct ChangeSummaryTests {
    let dir = TemporaryDirectory("change-words")

    func confirmed(_ store: CourseStore) throws -> ChangeRecord {
        let course = try store.courses.course(code: "mini-2024")
        let person = try store.people.person(code: "T-001")
        return try store.nominations.setNominationStatus(courseID: course.id!, personID: person.id!, to: .withdrawn)
    }

    @Test func aStatusChangeIsSaidInEitherLanguageAndReadBackAlike() throws {
        let store = try makeStore(dir)
        let change = try confirmed(store)
        #expect(change.summary == "T-001 José Núñez: confirmed → withdrawn")
        #expect(change.summary(in: .en) == change.summary)
        #expect(change.summary(in: .es) == "T-001 José Núñez: confirmada → retirada")
        let logged = try #require(try store.changeLog.changes(courseID: change.courseID!).first { $0.id == change.id })
        #expect(logged.words == change.words)
        #expect(logged.summary(in: .es) == change.summary(in: .es))
    }

    @Test func anUndoSaysWhatItReversed() throws {
        let store = try makeStore(dir)
        let undo = try store.changeLog.undoChange(id: try confirmed(store).id)
        #expect(undo.summary == "undo: T-001 José Núñez: confirmed → withdrawn")
        #expect(undo.summary(in: .es) == "deshecho: T-001 José Núñez: confirmada → retirada")
    }

    /// Quotas name their country in the reader's language, and their places in its words.
    @Test func aQuotaNamesItsCountryInTheLanguage() throws {
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        let change = try store.nominations.saveQuota(courseID: course.id!, Quota(scope: .country, key: "BZ", limit: 1))
        #expect(change.summary == "quota of Belize: 1 place")
        #expect(change.summary(in: .es) == "cupo de Belice: 1 plaza")
    }

    /// An entry logged before v18 has no words: it is said as it was logged, in English.
    @Test func anEntryWithoutWordsIsSaidAsLogged() throws {
        let store = try makeStore(dir)
        let change = try confirmed(store)
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: "UPDATE change_log SET summary_words = NULL WHERE id = ?", arguments: [change.id]) }
        let logged = try #require(try store.changeLog.changes(courseID: change.courseID!).first { $0.id == change.id })
        #expect(logged.words == nil)
        #expect(logged.summary(in: .es) == "T-001 José Núñez: confirmed → withdrawn")
    }

    /// An erasure scrubs the words as it scrubs the sentence: no name is left in either.
    @Test func anErasureScrubsTheWordsToo() throws {
        let store = try makeStore(dir)
        let change = try confirmed(store)
        try store.privacy.erase(code: "T-001", reason: "request of 2026-11-20", keepStatistics: true)
        let logged = try #require(try store.changeLog.changes(courseID: change.courseID!).first { $0.id == change.id })
        let words = try #require(logged.words)
        #expect(!words.json.contains("José") && !words.json.contains("Núñez"), "\(words.json)")
        #expect(logged.summary(in: .es).contains("(erased)"))
        #expect(!logged.summary(in: .es).contains("T-001"))
    }
}
