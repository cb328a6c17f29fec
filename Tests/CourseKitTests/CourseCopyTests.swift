import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `copyCourse`: a course's next run with every date moved, its rules kept, and its roster
/// carried over only when asked, never with erased people.
@Suite struct CourseCopyTests {
    @Test func palauNextYearKeepsItsSessionsAgenciesAndQuotas() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        let copy = try store.courses.copyCourse(
            from: "palau-mmc-2024", to: "palau-mmc-2025", start: CalendarDate(year: 2025, month: 5, day: 6), withRoster: false)
        #expect(copy.shiftedDays == 364)
        #expect(copy.imported.participants == 0)
        let old = try store.courses.courseFile(code: "palau-mmc-2024"), new = try store.courses.courseFile(code: "palau-mmc-2025")
        #expect(new.startDate == CalendarDate(year: 2025, month: 5, day: 6))
        #expect(new.endDate == CalendarDate(year: 2025, month: 5, day: 8))
        #expect(
            new.sessions.map(\.start) == [
                "2025-05-06 09:00", "2025-05-06 13:30", "2025-05-07 09:00", "2025-05-07 13:30", "2025-05-08 09:00", "2025-05-08 13:30",
            ])
        #expect(new.sessions.map(\.id) == old.sessions.map(\.id))
        #expect(new.sessions.map(\.title) == old.sessions.map(\.title))
        #expect(new.agencies == old.agencies)
        #expect(new.quotas == old.quotas)
        #expect(new.completion == old.completion && new.lateAfterMinutes == old.lateAfterMinutes)
        #expect(new.participants ?? [] == [])
        #expect(new.sources == nil && new.assumptions == nil)
        // The old run is untouched.
        #expect(old.startDate == CalendarDate(year: 2024, month: 5, day: 7))
    }

    @Test func theRosterComesAlongAsNominatedWithoutErasedOrDepartedPeople() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024"])
        let course = try store.courses.course(code: "mini-2024")
        try store.privacy.erase(code: "T-002", reason: "asked", keepStatistics: false)
        let t4 = try store.people.person(code: "T-004")
        try store.nominations.setNominationStatus(courseID: course.id!, personID: t4.id!, to: .declined)
        let before = try store.rosters.roster(courseID: course.id!)
        let copy = try store.courses.copyCourse(
            from: "mini-2024", to: "mini-2025", start: CalendarDate(year: 2025, month: 5, day: 6), withRoster: true)
        let roster = try store.rosters.roster(courseID: try store.courses.course(code: "mini-2025").id!)
        let expected = before.filter { $0.enrolment.status.isExpected && !$0.person.givenName.isEmpty }
        #expect(roster.map(\.person.code).sorted() == expected.map(\.person.code).sorted())
        #expect(!roster.contains { $0.person.code == "T-004" || $0.person.givenName.isEmpty })
        #expect(roster.allSatisfy { $0.enrolment.status == .nominated })
        #expect(copy.leftOut == before.count - expected.count)
        // The same people, not copies of them.
        #expect(try store.people.person(code: "T-001").id == roster.first { $0.person.code == "T-001" }?.person.id)
    }

    @Test func aTakenCodeIsRefusedAndNothingChanges() throws {
        let dir = TemporaryDirectory()
        let store = try importStore(dir, courses: ["mini-2024", "palau-mmc-2024"])
        let before = try store.courses.courseFile(code: "palau-mmc-2024")
        #expect(throws: MusterError.refused(.courseCodeTaken(code: "palau-mmc-2024"))) {
            try store.courses.copyCourse(
                from: "mini-2024", to: "palau-mmc-2024", start: CalendarDate(year: 2025, month: 1, day: 1), withRoster: true)
        }
        #expect(try store.courses.courseFile(code: "palau-mmc-2024") == before)
        #expect(throws: MusterError.self) {
            try store.courses.copyCourse(
                from: "mini-2024", to: "Bad Code", start: CalendarDate(year: 2025, month: 1, day: 1), withRoster: false)
        }
        #expect(try store.courses.courses().count == 2)
    }

    /// A session at 09:00 stays at 09:00 on its new day across a change of daylight saving,
    /// and one the move puts in the spring-forward gap is refused naming it.
    @Test func wallClockTimesSurviveDaylightSaving() throws {
        let dir = TemporaryDirectory()
        let yaml = Fixtures.miniCourseYAML.replacingOccurrences(of: "time_zone: Pacific/Palau", with: "time_zone: America/New_York")
            .replacingOccurrences(of: "2024-05-07 13:00", with: "2024-05-07 02:30")
            .replacingOccurrences(of: "2024-05-07 17:00", with: "2024-05-07 04:00")
            .replacingOccurrences(of: "start: 2024-05-07 09:00", with: "start: 2024-05-07 00:30")
            .replacingOccurrences(of: "end: 2024-05-07 12:00", with: "end: 2024-05-07 01:30")
        let store = try CourseStore(path: dir.file("lib.sqlite"), actor: "tester", clock: TestClock().function)
        try store.courses.importCourse(CourseFileCodec.decode(Data(yaml.utf8), path: "ny.yaml"))
        // Into winter: the same wall-clock times.
        try store.courses.copyCourse(
            from: "mini-2024", to: "mini-winter", start: CalendarDate(year: 2024, month: 12, day: 3), withRoster: false)
        #expect(try store.courses.courseFile(code: "mini-winter").sessions.map(\.start) == ["2024-12-03 00:30", "2024-12-03 02:30"])
        // Onto 10 March 2024, when 02:00–03:00 does not exist in New York.
        #expect {
            try store.courses.copyCourse(
                from: "mini-2024", to: "mini-gap", start: CalendarDate(year: 2024, month: 3, day: 10), withRoster: false)
        } throws: { error in
            "\(error)".contains("does not exist in America/New_York")
        }
        #expect((try? store.courses.course(code: "mini-gap")) == nil)
    }
}
