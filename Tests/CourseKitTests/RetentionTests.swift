import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// A course's retention period: its format in course files, and `purge --expired`.
@Suite struct RetentionTests {
    let dir = TemporaryDirectory("retention")

    /// The mini course with a retention period, and a second course ("mini-2027", running in
    /// 2027, without one) on which 李 (T-002) is enrolled too.
    func store(retention: String = "1 year", clock: TestClock) throws -> CourseStore {
        let store = try CourseStore(path: dir.file("lib.sqlite"), actor: "tester", clock: clock.function)
        try store.courses.importCourse(try Self.mini(retention: retention))
        var later = try Self.mini(retention: nil)
        later.code = "mini-2027"
        later.startDate = CalendarDate(year: 2027, month: 1, day: 5)
        later.endDate = later.startDate
        later.sessions = later.sessions.map {
            var s = $0
            s.start = s.start.replacingOccurrences(of: "2024-05-07", with: "2027-01-05")
            s.end = s.end.replacingOccurrences(of: "2024-05-07", with: "2027-01-05")
            return s
        }
        later.participants = later.participants?.filter { $0.code == "T-002" }
        try store.courses.importCourse(later)
        return store
    }

    static func mini(retention: String?) throws -> CourseFile {
        var file = try CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml")
        file.retention = retention
        return file
    }

    static func day(_ iso: String) -> Date {
        LocalTime.parse(iso + " 12:00", in: TimeZone(identifier: "Pacific/Palau")!)!
    }

    @Test func periodsParseInWordsAndSayWhatIsWrong() throws {
        #expect(try RetentionPeriod.parse("5 years") == RetentionPeriod(count: 5, unit: .years))
        #expect(try RetentionPeriod.parse(" 1  Year ") == RetentionPeriod(count: 1, unit: .years))
        #expect(try RetentionPeriod.parse("18 months").description == "18 months")
        #expect(try RetentionPeriod.parse("1 day").description == "1 day")
        #expect(try RetentionPeriod.parse("90 days").short == "90d")
        func message(_ text: String) -> String {
            do { _ = try RetentionPeriod.parse(text); return "" } catch { return "\(error)" }
        }
        #expect(message("5y") == "retention '5y' must be a number and a unit, e.g. '5 years', '18 months' or '90 days'")
        #expect(message("five years") == "retention 'five years': 'five' is not a whole number, e.g. '5 years', '18 months' or '90 days'")
        #expect(
            message("5 minutes")
                == "retention '5 minutes': the unit must be years, months or days, e.g. '5 years', '18 months' or '90 days'")
        #expect(message("0 days") == "retention '0 days' must be between 1 and 36,500 days")
        #expect(message("101 years") == "retention '101 years' must be between 1 and 100 years")
    }

    @Test func aSpanishFormReadsItsOwnWordsAndEnglishAndRefusesInSpanish() throws {
        #expect(try RetentionPeriod.parse("5 años", in: .es) == RetentionPeriod(count: 5, unit: .years))
        #expect(try RetentionPeriod.parse("1 AÑO", in: .es) == RetentionPeriod(count: 1, unit: .years))
        #expect(try RetentionPeriod.parse("18 meses", in: .es) == RetentionPeriod(count: 18, unit: .months))
        #expect(try RetentionPeriod.parse("90 dias", in: .es) == RetentionPeriod(count: 90, unit: .days))
        #expect(try RetentionPeriod.parse("90 days", in: .es) == RetentionPeriod(count: 90, unit: .days))
        // What the form shows, it reads back.
        for period in [RetentionPeriod(count: 1, unit: .days), RetentionPeriod(count: 18, unit: .months)] {
            #expect(try RetentionPeriod.parse(period.text(in: .es), in: .es) == period)
        }
        // A course file is English: Spanish units are not read there.
        #expect(throws: RetentionError.self) { try RetentionPeriod.parse("5 años") }
        func message(_ text: String) -> String {
            do { _ = try RetentionPeriod.parse(text, in: .es); return "" } catch let error as RetentionError {
                return error.message(in: .es)
            } catch { return "\(error)" }
        }
        #expect(message("5a") == "el plazo «5a» debe ser un número y una unidad, p. ej. «5 años», «18 meses» o «90 días»")
        #expect(message("cinco años") == "plazo «cinco años»: «cinco» no es un número entero, p. ej. «5 años», «18 meses» o «90 días»")
        #expect(message("5 semanas") == "plazo «5 semanas»: la unidad debe ser años, meses o días, p. ej. «5 años», «18 meses» o «90 días»")
        #expect(message("101 años") == "el plazo «101 años» debe estar entre 1 y 100 años")
        // What is typed is quoted clean: no escape reaches the screen.
        #expect(!message("5\u{1B}[2J years").contains("\u{1B}"))
    }

    @Test func theLastDayKeptIsTheEndDatePlusThePeriodClampedToTheMonth() {
        let end = CalendarDate(year: 2024, month: 1, day: 31)
        #expect(RetentionPeriod(count: 1, unit: .months).end(after: end) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(
            RetentionPeriod(count: 1, unit: .years).end(after: CalendarDate(year: 2024, month: 2, day: 29))
                == CalendarDate(year: 2025, month: 2, day: 28))
        #expect(RetentionPeriod(count: 30, unit: .days).end(after: end) == CalendarDate(year: 2024, month: 3, day: 1))
        let course = Course(code: "c", title: "C", startDate: end, endDate: end, retention: RetentionPeriod(count: 2, unit: .years))
        #expect(course.retainedUntil == CalendarDate(year: 2026, month: 1, day: 31))
        #expect(!course.isPastRetention(today: CalendarDate(year: 2026, month: 1, day: 31)))
        #expect(course.isPastRetention(today: CalendarDate(year: 2026, month: 2, day: 1)))
        #expect(
            !Course(code: "c", title: "C", startDate: end, endDate: end).isPastRetention(today: CalendarDate(year: 2999, month: 1, day: 1)))
    }

    @Test func aCourseFileCarriesItAndRoundTripsByteForByte() throws {
        let yaml = Fixtures.miniCourseYAML.replacingOccurrences(
            of: "late_after_minutes: 15\n", with: "late_after_minutes: 15\nretention: 18 months\n")
        let file = try CourseFileCodec.decode(Data(yaml.utf8), path: "mini.yaml")
        #expect(file.retention == "18 months")
        let store = try CourseStore(path: dir.file("rt.sqlite"), actor: "tester")
        try store.courses.importCourse(file)
        #expect(try store.courses.course(code: "mini-2024").retention == RetentionPeriod(count: 18, unit: .months))
        let exported = try store.courses.exportCourse(code: "mini-2024")
        #expect(exported.contains("late_after_minutes: 15\nretention: 18 months\nsessions:"))
        let again = try CourseStore(path: dir.file("rt2.sqlite"), actor: "tester")
        try again.courses.importCourse(CourseFileCodec.decode(Data(exported.utf8), path: "x.yaml"))
        #expect(try again.courses.exportCourse(code: "mini-2024") == exported)
        // Without it, nothing is written: files made before retention existed export unchanged.
        let plain = try makeStore(TemporaryDirectory("retention-plain"))
        #expect(!(try plain.courses.exportCourse(code: "mini-2024")).contains("retention"))
    }

    @Test func aBadPeriodInACourseFileIsAOneLineErrorNamingTheFile() {
        let yaml = Fixtures.miniCourseYAML.replacingOccurrences(
            of: "late_after_minutes: 15\n", with: "late_after_minutes: 15\nretention: 5y\n")
        #expect(
            throws: MusterError.invalidCourseFile(
                path: "m.yaml",
                reason:
                    "retention '5y' must be a number and a unit, e.g. '5 years', '18 months' or '90 days'")
        ) {
            try CourseFileCodec.decode(Data(yaml.utf8), path: "m.yaml")
        }
    }

    @Test func theMigrationGivesOldLibrariesNoPeriod() throws {
        let store = try makeStore(dir)
        #expect(try store.courses.course(code: "mini-2024").retention == nil)
        let columns = try DatabaseQueue(path: store.path).read { db in try db.columns(in: "course").map(\.name) }
        #expect(columns.contains("retention"))
    }

    @Test func onlyCoursesPastTheirPeriodExpireInTheirOwnTimeZone() throws {
        let clock = TestClock(Self.day("2025-05-07"))  // the last day kept (2024-05-07 + 1 year)
        let store = try store(clock: clock)
        #expect(try store.privacy.expiredCourses().isEmpty)
        #expect(try store.privacy.expiredPurgeCandidates().isEmpty)
        #expect(!(try store.courses.courseSummaries().contains { $0.pastRetention }))
        clock.set(LocalTime.parse("2025-05-08 00:30", in: TimeZone(identifier: "Pacific/Palau")!)!)  // still 7 May in UTC
        #expect(try store.privacy.expiredCourses().map(\.code) == ["mini-2024"])
        let summaries = try store.courses.courseSummaries()
        #expect(summaries.first { $0.course.code == "mini-2024" }?.pastRetention == true)
        #expect(summaries.first { $0.course.code == "mini-2027" }?.pastRetention == false)
    }

    @Test func dryRunListsWhoWouldGoAndChangesNothing() throws {
        let clock = TestClock(Self.day("2026-01-01"))
        let store = try store(clock: clock)
        let dump = try Self.dump(store)
        let version = try store.dataVersion()
        let candidates = try store.privacy.expiredPurgeCandidates()
        #expect(candidates.map(\.course.code) == ["mini-2024"])
        // 李 (T-002) is also on mini-2027, which has no retention period: kept.
        #expect(Set(candidates[0].people.map(\.code)) == ["T-001", "T-003", "T-004", "T-005"])
        #expect(try Self.dump(store) == dump)
        #expect(try store.dataVersion() == version)
    }

    @Test func purgeExpiredErasesByTheSameRulesAndRecordsWhy() throws {
        let clock = TestClock(Self.day("2026-01-01"))
        let store = try store(clock: clock)
        let summary = try store.privacy.purgeExpired(keepStatistics: true)
        #expect(summary.people == 4)
        #expect(try store.people.person(code: "T-002").givenName == "小龍")
        #expect(try store.people.search("nunez").isEmpty && store.people.search("tellei").isEmpty)
        #expect(try store.privacy.wasErased(code: "T-001", email: "jose.nunez@example.org"))
        let erasures = try store.privacy.audit(courseCode: "mini-2024").filter { $0.source == "erasure" }
        #expect(erasures.count == 4)
        #expect(
            erasures.allSatisfy { $0.what == "erased: retention period over (mini-2024: 1 year after 2024-05-07)" && $0.actor == "tester" })
        #expect(try store.courses.courseSummaries().first { $0.course.code == "mini-2024" }?.pastRetention == true)  // 李 still named
        // Nothing left to do: a second purge erases nobody.
        #expect(try store.privacy.purgeExpired(keepStatistics: true).people == 0)
    }

    /// Every row of every table, as text: what "changes nothing" is checked against.
    static func dump(_ store: CourseStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { "\(table): \($0.description)" }.sorted()
            }
        }
    }
}
