import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// One online meeting holding several sessions: each session is credited by the minutes each
/// person spent inside it (`MeetingCredit`), from Zoom's and Teams' reports in their real layouts.
@Suite struct ImportMeetingTests {
    let dir = TemporaryDirectory("meeting")

    /// Per session key: [present, late, absent] among the current marks.
    func counts(_ store: CourseStore) throws -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for line in try markLines(store, course: CaribbeanDay1.course) {
            let parts = line.split(separator: " ")
            let i = ["present", "late", "absent"].firstIndex(of: String(parts[2]))!
            out[String(parts[0]), default: [0, 0, 0]][i] += 1
        }
        return out
    }

    func mark(_ store: CourseStore, _ session: String, _ code: String) throws -> AttendanceEvent? {
        let course = try store.courses.course(code: CaribbeanDay1.course)
        let s = try store.courses.session(course: course, key: session)
        return try store.attendance.marks(sessionID: s.id!)[store.people.person(code: code).id!]
    }

    func clock(_ date: Date?) -> String { date.map { LocalTime.clock($0, in: TimeZone(identifier: "America/Barbados")!) } ?? "-" }

    @Test(.seeded) func zoomDayOneCreditsEachSessionByItsMinutes() throws {
        var rng = SeededRandom()
        let store = try importStore(dir, courses: [CaribbeanDay1.course])
        let path = dir.write("zoom-day1.csv", try CaribbeanDay1.zoomReport(using: &rng))
        let dry = try store.rosterImporter.importRoster(
            path: path, course: CaribbeanDay1.course, options: RosterImportOptions(dryRun: true))
        #expect(dry.format == .zoom)
        #expect(dry.matched.count == 142, rng.replay)
        #expect(dry.skipped.map(\.reason) == ["iPhone is not on the roster of \(CaribbeanDay1.course)"])
        #expect(dry.sessions.map(\.line) == ["drm", "climate", "socio"].map(CaribbeanDay1.previewLine), rng.replay)
        #expect(try libraryCounts(store)[2] == 0, "a dry run writes nothing")

        let report = try store.rosterImporter.importRoster(path: path, course: CaribbeanDay1.course)
        #expect(report.eventsAdded == 3 * 142)
        #expect(try counts(store) == CaribbeanDay1.expected, rng.replay)

        let (people, _) = try CaribbeanDay1.attendees()
        // C (index 110): rejoins; in drm 09:00–09:30 and 09:40–10:15.
        let c = try #require(try mark(store, "drm", people[110].code))
        #expect(c.status == .present && clock(c.arrival) == "09:00" && clock(c.departure) == "10:15")
        #expect(c.note.hasPrefix("65 of 75 min online (zoom-day1.csv lines "), rng.replay)
        // D (index 118) left at 10:40: 20 minutes of climate, absent, with the times it was there.
        let d = try #require(try mark(store, "climate", people[118].code))
        #expect(d.status == .absent && clock(d.arrival) == "10:20" && clock(d.departure) == "10:40")
        let gone = try #require(try mark(store, "socio", people[118].code))
        #expect(gone.status == .absent && gone.arrival == nil && gone.note == "not online during this session (zoom-day1.csv)")
        // F (index 129): two devices overlapping, 30 minutes, not 50.
        let f = try #require(try mark(store, "drm", people[129].code))
        #expect(f.status == .absent && f.note.hasPrefix("30 of 75 min online"), rng.replay)
        // G (index 133): late in socio from 11:52.
        let g = try #require(try mark(store, "socio", people[133].code))
        #expect(g.status == .late && clock(g.arrival) == "11:52" && clock(g.departure) == "12:55")

        let again = try store.rosterImporter.importRoster(path: path, course: CaribbeanDay1.course)
        #expect(again.changesNothing && again.eventsAlreadyRecorded == 3 * 142)
    }

    /// Someone who joined from another account (a work login) is still the person on the roster
    /// with that name: a meeting report adds nobody, so its e-mail does not keep them apart.
    @Test(.seeded) func aJoinFromAnotherAccountIsStillThePersonOnTheRoster() throws {
        var rng = SeededRandom()
        let store = try importStore(dir, courses: [CaribbeanDay1.course])
        let (people, _) = try CaribbeanDay1.attendees()
        let someone = people[3]
        #expect(!someone.email.isEmpty)
        let report = try CaribbeanDay1.zoomReport(using: &rng)
            .replacingOccurrences(of: "," + someone.email + ",", with: ",login.\(someone.code.lowercased())@ministry.example,")
        let path = dir.write("zoom-logins.csv", report)
        let result = try store.rosterImporter.importRoster(path: path, course: CaribbeanDay1.course)
        #expect(result.matched.count == 142, rng.replay)
        #expect(try mark(store, "drm", someone.code) != nil, rng.replay)
    }

    @Test(.seeded) func sessionOptionCreditsOnlyTheChosenSessions() throws {
        var rng = SeededRandom()
        let store = try importStore(dir, courses: [CaribbeanDay1.course])
        let path = dir.write("zoom-day1.csv", try CaribbeanDay1.zoomReport(using: &rng))
        var options = RosterImportOptions()
        options.sessions = ["socio"]
        let report = try store.rosterImporter.importRoster(path: path, course: CaribbeanDay1.course, options: options)
        #expect(report.sessions.map(\.line) == [CaribbeanDay1.previewLine("socio")])
        #expect(try counts(store) == ["socio": CaribbeanDay1.expected["socio"]!])
        // Those only online during drm (H) are still absent in socio: choosing changes nothing in what socio gets.
        #expect(report.warnings.isEmpty)

        options.sessions = ["nope\u{1B}[31m"]
        let error = try #require(throws: MusterError.self) {
            try store.rosterImporter.importRoster(path: path, course: CaribbeanDay1.course, options: options)
        }
        #expect(
            error.description
                == "unknown session 'nope' in course '\(CaribbeanDay1.course)' (see 'muster sessions \(CaribbeanDay1.course)')")
    }

    @Test func minimumPercentAndMinutes() throws {
        var rng = SeededRandom(seed: 7)
        let path = dir.write("zoom-day1.csv", try CaribbeanDay1.zoomReport(using: &rng))
        var options = RosterImportOptions(dryRun: true)
        options.minimumPercent = 25  // 19 of 75 minutes
        let store = try importStore(dir, courses: [CaribbeanDay1.course])
        var report = try store.rosterImporter.importRoster(path: path, course: CaribbeanDay1.course, options: options)
        // drm: F's 30 and H's 20 minutes now count; climate: D's 20.
        #expect(
            report.sessions.map(\.counts) == [
                "present 122, late 10, absent 10", "present 124, late 5, absent 13", "present 123, late 5, absent 14",
            ])
        options.minimumMinutes = 60  // wins over the percentage: B's 50 minutes of drm are not enough
        report = try store.rosterImporter.importRoster(path: path, course: CaribbeanDay1.course, options: options)
        #expect(report.sessions[0].counts == "present 114, late 0, absent 28")
    }

    @Test(.seeded) func teamsReportInItsRealLayout() throws {
        var rng = SeededRandom()
        let store = try importStore(dir, courses: [CaribbeanDay1.course])
        let path = dir.file("Caribbean day 1 - Attendance report 5-3-23.csv")
        try CaribbeanDay1.teamsReport(using: &rng).write(to: URL(fileURLWithPath: path))
        for format in [RosterFormat.auto, .teams] {
            let report = try store.rosterImporter.importRoster(
                path: path, course: CaribbeanDay1.course, options: RosterImportOptions(format: format, dryRun: true))
            #expect(report.format == .teams)
            #expect(report.dialect.description == "UTF-16 LE, tab-separated")
            #expect(report.rows == 1 + 100 + 10 + 24 + 6 + 5 + 8 + 10 + 4, "activity rows, organiser included")
            #expect(report.skipped.map(\.reason) == ["organiser of the meeting, not a participant"])
            #expect(report.notes.contains("dates read as month/day: none of them has a day over 12"))
            #expect(report.sessions.map(\.line) == ["drm", "climate", "socio"].map(CaribbeanDay1.previewLine), rng.replay)
        }
        try store.rosterImporter.importRoster(path: path, course: CaribbeanDay1.course)
        #expect(try counts(store) == CaribbeanDay1.expected, rng.replay)
        #expect(try mark(store, "drm", CaribbeanDay1.attendees().organiser.code) == nil, "the organiser is not credited")
    }

    /// Saved again from Excel: UTF-8, commas, every date quoted with its comma, day-first with a day over 12.
    @Test func teamsReportUTF8CommasDayFirst() throws {
        let store = try importStore(dir, courses: ["webinar-2024"])
        let csv = dir.write(
            "teams.csv",
            """
            1. Summary
            Meeting title,Data Sources for Migration Policy
            Start time,"16/07/2024, 09:55:10"

            2. Participants
            Name,First Join,Last Leave,In-Meeting Duration,Email,Participant ID (UPN),Role
            Laura Mora Vargas,"16/07/2024, 09:58:00","16/07/2024, 11:59:00",1h 30m,laura.mora@example.org,laura.mora@example.org,Organiser
            Diego Solís,"16/07/2024, 10:05:00","16/07/2024, 11:50:00",1h 30m,diego.solis@example.org,diego.solis@example.org,Attendee

            3. In-Meeting Activities
            Name,Join Time,Leave Time,Duration,Email,Role
            Laura Mora Vargas,"16/07/2024, 09:58:00","16/07/2024, 11:59:00",2h 1m,laura.mora@example.org,Organiser
            Diego Solís,"16/07/2024, 10:05:00","16/07/2024, 10:35:00",30m,diego.solis@example.org,Attendee
            Diego Solís,"16/07/2024, 10:50:00","16/07/2024, 11:50:00",1h,diego.solis@example.org,Attendee

            """)
        let report = try store.rosterImporter.importRoster(path: csv, course: "webinar-2024")
        #expect(report.format == .teams && report.dialect.description == "UTF-8, comma-separated")
        #expect(report.skipped.map(\.line) == [12])
        #expect(try markLines(store, course: "webinar-2024") == ["vs1 CR-102 present"])  // 30 + 60 of 120 minutes; the organiser is skipped
    }

    /// One date with a day over 12 settles the file: `05/04/2023` is then 5 April (no session), not
    /// 4 May (the `protect` session), though only the latter would fall in a session.
    @Test func oneDayOver12DecidesEveryDateOfTheFile() throws {
        let store = try importStore(dir, courses: [CaribbeanDay1.course])
        let csv = dir.write(
            "zoom-uk.csv",
            """
            Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
            Kirk Holder,kirk.holder@example.org,05/04/2023 09:00:00,05/04/2023 10:45:00,105,No
            Kirk Holder,kirk.holder@example.org,13/04/2023 09:00:00,13/04/2023 10:00:00,60,No

            """)
        let report = try store.rosterImporter.importRoster(path: csv, course: CaribbeanDay1.course)
        #expect(report.notes.contains("dates read as day/month: some have a first number over 12"))
        #expect(report.warnings.map(\.line) == [2, 3])
        #expect(report.warnings.first?.reason == "online 2023-04-05 09:00, in no session of \(CaribbeanDay1.course); not imported")
        #expect(try markLines(store, course: CaribbeanDay1.course).isEmpty)
    }

    /// The older list: Full Name, User Action, Timestamp; joins and leaves paired per person.
    @Test func teamsAttendanceListPairsJoinsAndLeaves() throws {
        let store = try importStore(dir, courses: ["webinar-2024"])
        let text = [
            "Full Name\tUser Action\tTimestamp",
            "Laura Mora Vargas\tJoined\t7/16/2024, 9:58:12 AM",
            "Diego Solís\tJoined before\t7/16/2024, 10:15:00 AM",
            "Laura Mora Vargas\tLeft\t7/16/2024, 10:30:00 AM",
            "Laura Mora Vargas\tJoined\t7/16/2024, 10:40:00 AM",
            "Ana Lucía López\tJoined\t7/16/2024, 10:00:00 AM",
            "Ana Lucía López\tLeft\t7/16/2024, 10:20:00 AM",
            "Diego Solís\tLeft\t7/16/2024, 11:59:00 AM",
            "Ana Lucía López\tWaved\t7/16/2024, 11:00:00 AM",
            "Laura Mora Vargas\tLeft\t7/16/2024, 11:20:00 AM",
        ].joined(separator: "\r\n")
        let path = dir.file("meetingAttendanceList.csv")
        try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: URL(fileURLWithPath: path))
        let report = try store.rosterImporter.importRoster(
            path: path, course: "webinar-2024", options: RosterImportOptions(skipRejected: true))
        #expect(report.format == .teams && report.dialect.description == "UTF-16 LE, tab-separated")
        #expect(report.rejected.map(\.reason) == ["user action 'Waved' is not Joined or Left"])
        // Laura 10:00–10:30 + 10:40–11:20 = 70 of 120; Diego from 10:15 (late), 104; Ana 20.
        #expect(try markLines(store, course: "webinar-2024") == ["vs1 CR-101 present", "vs1 CR-102 late", "vs1 GT-101 absent"])
    }
}
