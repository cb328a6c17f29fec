import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 21, item 8: a megabyte name was accepted, from a roster file as from a screen.
@Suite struct PersonLimitsTests {
    static func people(_ store: CourseStore) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: store.path, configuration: configuration).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
        }
    }

    static func library(_ dir: TemporaryDirectory) throws -> CourseStore {
        let store = try CourseStore(path: dir.file("lib.sqlite"))
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
        return store
    }

    @Test func aNameLongerThanAnyRealOneIsRefusedSayingWhoAndWhatTheLimitIs() throws {
        let dir = TemporaryDirectory("limits")
        let store = try Self.library(dir)
        let people = try Self.people(store)
        let huge = String(repeating: "Ana", count: 350_000)
        #expect(throws: MusterError.invalid("the given name of T-900 is 1050000 characters long; at most 200 are allowed")) {
            try store.people.savePerson(Person(code: "T-900", givenName: huge, familyName: "Tellei", sex: .female))
        }
        #expect(try Self.people(store) == people)
        let longest = String(repeating: "a", count: 200)
        try store.people.savePerson(Person(code: "T-901", givenName: longest, familyName: "Tellei", sex: .female))
        #expect(try Self.people(store) == people + 1)
    }

    /// Under the importer's own 1 KB row limit, over the store's: the import stops, naming the
    /// person, and writes nothing.
    @Test func aRosterFileWithAHugeNameChangesNothing() throws {
        let dir = TemporaryDirectory("limits")
        let store = try Self.library(dir)
        let before = try Self.people(store)
        let csv = dir.write(
            "big.csv",
            "First Name,Last Name,Email\nAna,Tellei,ana.t@example.org\n\(String(repeating: "x", count: 300)),Long,long@example.org\n")
        let error = #expect(throws: MusterError.self) { try store.rosterImporter.importRoster(path: csv, course: "mini-2024") }
        #expect("\(error.map { "\($0)" } ?? "")".contains("300 characters"), "\(String(describing: error))")
        #expect(try Self.people(store) == before)
    }
}
