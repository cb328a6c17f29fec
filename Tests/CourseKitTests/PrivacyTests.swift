import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

@Suite struct PrivacyTests {
    let dir = TemporaryDirectory("privacy")

    /// The mini course with some marks, one of them with a note about José.
    func store() throws -> CourseStore {
        let store = try makeStore(dir)
        let course = try store.courses.course(code: "mini-2024")
        for key in ["am", "pm"] {
            let session = try store.courses.session(course: course, key: key)
            try store.attendance.mark(
                session: session, person: store.people.person(code: "T-001"), status: .excused,
                source: .rollcall, note: "José Núñez at the ministry")
            try store.attendance.mark(session: session, person: store.people.person(code: "T-002"), status: .present, source: .rollcall)
        }
        return store
    }

    @Test func exportHoldsEveryRecordOfThePersonAndNothingOfOthers() throws {
        let store = try store()
        let export = try store.privacy.personExport(code: "T-001")
        #expect(export.profile.givenName == "José" && export.profile.email == "jose.nunez@example.org")
        #expect(export.enrolments.map(\.course) == ["mini-2024"])
        #expect(export.attendance.count == 2)
        #expect(Set(export.attendance.map(\.session)) == ["am", "pm"])
        let json = try export.json()
        #expect(!json.contains("小龍") && !json.contains("T-002") && !json.contains("Mary"))
        let decoded = try JSONDecoder().decode(PersonExport.self, from: Data(json.utf8))
        #expect(decoded == export)
        #expect(export.text().contains("E-mail: jose.nunez@example.org"))
        // Says what it is before any name, in both forms.
        #expect(json.range(of: "Personal data")!.lowerBound < json.range(of: "José")!.lowerBound)
        #expect(export.text().split(separator: "\n")[1].hasPrefix("Personal data of one person"))
    }

    @Test func eraseLeavesNoTraceInTheFileAndKeepsTotals() throws {
        let store = try store()
        let course = try store.courses.course(code: "mini-2024")
        let before = try store.rosters.roster(courseID: course.id!).count
        let marksBefore = try store.attendance.marks(courseID: course.id!).values.map(\.count).reduce(0, +)
        let summary = try store.privacy.erase(code: "T-001", reason: "request of 2026-11-20", keepStatistics: true)
        #expect(summary == ErasureSummary(people: 1, enrolments: 1, notesCleared: 2))

        #expect(try store.rosters.roster(courseID: course.id!).count == before)
        #expect(try store.attendance.marks(courseID: course.id!).values.map(\.count).reduce(0, +) == marksBefore)
        let placeholder = try #require(
            store.rosters.roster(courseID: course.id!).first { $0.person.givenName.isEmpty && $0.person.familyName.isEmpty })
        #expect(placeholder.person.sex == .male && placeholder.person.country == "PW")  // kept for statistics
        #expect(try store.people.search("jose").isEmpty)
        #expect(throws: MusterError.unknownParticipant("T-001")) { try store.people.person(code: "T-001") }

        // Nothing anywhere in the files: the database, and no WAL left holding old pages.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        for secret in ["Núñez", "Nu\u{301}n\u{303}ez", "jose.nunez@example.org", "José", "at the ministry"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in the file")
        }
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: store.path + "-wal"))) ?? Data()
        #expect(wal.range(of: Data("Núñez".utf8)) == nil)
        // Exports no longer carry them either.
        let yaml = try store.courses.exportCourse(code: "mini-2024")
        #expect(!yaml.contains("Núñez") && !yaml.contains("jose.nunez"))
        let rows = try AttendanceExport.longRows(store: store, courseCode: "mini-2024")
        #expect(!rows.flatMap { $0 }.contains { $0.contains("Núñez") })
    }

    @Test func eraseWithoutStatisticsDropsSexAndCountry() throws {
        let store = try store()
        try store.privacy.erase(code: "T-001", reason: "", keepStatistics: false)
        let course = try store.courses.course(code: "mini-2024")
        let placeholder = try #require(store.rosters.roster(courseID: course.id!).first { $0.person.displayName.isEmpty })
        #expect(placeholder.person.sex == .notDisclosed && placeholder.person.country.isEmpty)
    }

    /// An erased placeholder is never edited: not its blank name (which used to be refused as
    /// "a person needs a name", the wrong reason), and not a name typed in, which would tie the
    /// anonymous record to someone again. The record stays as the erasure left it.
    @Test func anErasedPersonIsNeverEdited() throws {
        let store = try store()
        try store.privacy.erase(code: "T-001", reason: "asked", keepStatistics: true)
        let course = try store.courses.course(code: "mini-2024")
        let erased = try #require(store.rosters.roster(courseID: course.id!).first { $0.person.displayName.isEmpty }).person
        var country = erased
        country.country = "FJ"
        var named = erased
        named.givenName = "José"
        for edit in [erased, country, named] {
            #expect(throws: MusterError.refused(.editErased(code: erased.code))) { try store.people.savePerson(edit) }
        }
        #expect(try store.people.person(code: erased.code) == erased)
        #expect(MusterError.refused(.editErased(code: erased.code)).description.hasPrefix("\(erased.code) was erased at their request"))
    }

    @Test func anOldFileCannotBringAnErasedPersonBackUnlessAsked() throws {
        let store = try store()
        var old = try store.courses.courseFile(code: "mini-2024")
        try store.privacy.erase(code: "T-001", reason: "request", keepStatistics: true)
        #expect(try store.privacy.wasErased(code: "t-001"))
        #expect(try store.privacy.wasErased(code: "ZZ", email: " Jose.Nunez@example.org "))
        #expect(throws: MusterError.self) { try store.courses.importCourse(old) }
        old.code = "mini-2025"  // the same people, in a course taught again
        #expect(throws: MusterError.self) { try store.courses.importCourse(old) }
        #expect(try store.people.search("nunez").isEmpty)
        #expect(throws: MusterError.unknownCourse("mini-2025")) { try store.courses.course(code: "mini-2025") }
        try store.courses.importCourse(old, allowErased: true)
        #expect(try store.people.person(code: "T-001").familyName == "Núñez")
    }

    @Test func purgeDryRunChangesNothingAndPurgeKeepsPeopleOfCurrentCourses() throws {
        let store = try store()
        var current = try CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "m.yaml")
        current.code = "mini-2027"
        current.startDate = CalendarDate(year: 2027, month: 1, day: 5)
        current.endDate = CalendarDate(year: 2027, month: 1, day: 5)
        current.sessions = current.sessions.map {
            var s = $0; s.start = s.start.replacingOccurrences(of: "2024-05-07", with: "2027-01-05");
            s.end = s.end.replacingOccurrences(of: "2024-05-07", with: "2027-01-05"); return s
        }
        current.participants = current.participants?.filter { $0.code == "T-002" }
        try store.courses.importCourse(current)

        let version = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let candidates = try store.privacy.purgeCandidates(endedBefore: CalendarDate(year: 2026, month: 1, day: 1))
        #expect(candidates.map(\.course.code) == ["mini-2024"])
        #expect(Set(candidates[0].people.map(\.code)) == ["T-001", "T-003", "T-004", "T-005"])  // 李 stays: still in 2027
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == version)

        let summary = try store.privacy.purge(endedBefore: CalendarDate(year: 2026, month: 1, day: 1), keepStatistics: true)
        #expect(summary.people == 4)
        #expect(try store.people.person(code: "T-002").givenName == "小龍")
        #expect(try store.people.search("mary").isEmpty)
    }
}
