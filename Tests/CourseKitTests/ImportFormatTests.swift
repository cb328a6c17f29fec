import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Each layout of docs/FORMATS.md, from a fixture file, to the people, enrolments and events it makes.
@Suite struct ImportFormatTests {
    let dir = TemporaryDirectory("import")

    @Test func moodleTSVWithPreambleBringsPeopleAndMarks() throws {
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        let report = try store.rosterImporter.importRoster(path: ImportFixtures.roster("moodle-palau.txt"), course: "palau-mmc-2024")
        #expect(report.format == .moodle)
        #expect(report.dialect.description == "UTF-8, tab-separated")
        #expect(report.rows == 3)
        #expect(report.matched.map(\.code) == ["PW-001", "PW-003"])
        #expect(report.matched.map(\.by) == [.email, .email])  // "ANA.TELLEI@example.org " matches once trimmed and lower-cased
        #expect(report.newPeople.map(\.code) == ["P-001"])
        let moses = try entry(store, course: "palau-mmc-2024", person: "P-001")
        #expect(moses.person.displayName == "Moses Uludong")
        #expect(moses.person.email == "moses.uludong@example.org")
        #expect(moses.agency?.code == "pw-nemo")  // "National Emergency Management Office", by name
        #expect(moses.enrolment.status == .walkIn)  // not on the roster: Moodle lists who came, not whom the course accepted
        #expect(
            try markLines(store, course: "palau-mmc-2024").sorted() == [
                "d1-am P-001 present", "d1-am PW-001 present", "d1-am PW-003 absent",
                "d1-pm P-001 present", "d1-pm PW-001 late", "d1-pm PW-003 excused",
                "d2-am PW-001 present",
            ])
        let course = try store.courses.course(code: "palau-mmc-2024")
        let event = try #require(try store.attendance.marks(courseID: course.id!).values.flatMap(\.values).first)
        #expect(event.source == .importFile)
        #expect(event.device == store.deviceID)
        #expect(event.note.hasPrefix("Moodle attendance export: moodle-palau.txt line "))
    }

    @Test func indicoCSVWithBOMMapsStatesAndCheckIns() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try store.rosterImporter.importRoster(path: ImportFixtures.roster("indico-registrants.csv"), course: "mini-2024")
        #expect(report.format == .indico)
        #expect(report.dialect.description == "UTF-8 with BOM, comma-separated")
        #expect(report.matched.count == 1)
        #expect(report.matched[0].code == "T-001")
        #expect(report.matched[0].changes == ["phone added", "position added"])
        #expect(report.newPeople.map(\.code) == ["PW-001", "PW-002", "JP-001", "P-001"])
        func status(_ code: String) throws -> NominationStatus { try entry(store, course: "mini-2024", person: code).enrolment.status }
        #expect(try status("T-001") == .confirmed)
        #expect(try status("PW-001") == .waitlisted)  // Pending: awaiting the organiser's approval
        #expect(try status("PW-002") == .withdrawn)
        #expect(try status("JP-001") == .nominated)  // Awaiting payment
        #expect(try status("P-001") == .declined)  // Rejected
        let maria = try entry(store, course: "mini-2024", person: "PW-001")
        #expect(maria.agency?.code == "pw-bim")  // "BIM", by acronym
        let peter = try entry(store, course: "mini-2024", person: "PW-002")
        #expect(peter.agency == nil)
        #expect(peter.enrolment.note == "Agency as written in indico-registrants.csv: Ministry of Justice, Palau")
        #expect(try entry(store, course: "mini-2024", person: "JP-001").agency?.code == "iom")
        #expect(report.warnings.contains { $0.line == 6 && $0.reason.contains("'not-an-address' is not an e-mail address") })
        // Checked in at 00:05 UTC = 09:05 in Palau, inside the 15-minute threshold of the 09:00 session.
        #expect(try markLines(store, course: "mini-2024") == ["am T-001 present"])
        let jose = try store.people.person(code: "T-001")
        #expect(jose.phone == "+680 555 0199")
        #expect(jose.givenName == "José")
    }

    @Test func indicoRegistrationImportHasNoHeader() throws {
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        let report = try store.rosterImporter.importRoster(path: ImportFixtures.roster("indico-import.csv"), course: "palau-mmc-2024")
        #expect(report.format == .indicoImport)
        #expect(report.rows == 3)
        #expect(report.newPeople.map(\.name) == ["Lorenzo Baules", "Emi Sato Ngirmang"])
        #expect(report.matched.map(\.code) == ["PW-001"])
        let lorenzo = try entry(store, course: "palau-mmc-2024", person: report.newPeople[0].code)
        #expect(lorenzo.person.position == "Customs Officer")
        #expect(lorenzo.person.phone == "+680 555 0201")
        #expect(lorenzo.agency?.code == "pw-cbp")
        #expect(lorenzo.enrolment.status == .nominated)
    }

    @Test func eventbriteStatusesAndMatchingByEmailCase() throws {
        let store = try importStore(dir, courses: ["webinar-2024"])
        let report = try store.rosterImporter.importRoster(path: ImportFixtures.roster("eventbrite.csv"), course: "webinar-2024")
        #expect(report.format == .eventbrite)
        #expect(report.newPeople.map(\.name) == ["Carla Mendoza", "Luis Herrera"])
        #expect(report.matched.map(\.code) == ["CR-101"])
        #expect(report.matched[0].changes == ["position added", "status confirmed → withdrawn"])  // Cancelled
        let carla = try entry(store, course: "webinar-2024", person: report.newPeople[0].code)
        #expect(carla.enrolment.status == .walkIn)  // "Attending" on Eventbrite, not yet on the roster: awaiting review
        #expect(carla.agency?.code == "gt-igm")
        #expect(carla.person.position == "Policy Analyst")
        #expect(carla.person.phone == "+502 5555 0101")
        #expect(try entry(store, course: "webinar-2024", person: report.newPeople[1].code).enrolment.status == .withdrawn)
    }

    @Test func googleFormsQuestionsAsHeaders() throws {
        let store = try importStore(dir, courses: ["webinar-2024"])
        let report = try store.rosterImporter.importRoster(path: ImportFixtures.roster("google-forms.csv"), course: "webinar-2024")
        #expect(report.format == .googleForms)
        #expect(report.newPeople.map(\.code) == ["GT-103", "CR-103"])  // after GT-102 and CR-102
        #expect(report.matched.map(\.code) == ["GT-102"])  // "Pérez, Óscar" + Guatemala, no e-mail
        #expect(report.matched[0].by == .name)
        #expect(report.matched[0].changes == ["position added"])
        let rosa = try entry(store, course: "webinar-2024", person: "GT-103")
        #expect(rosa.person.sex == .female)
        #expect(rosa.agency?.code == "gt-igm")
        #expect(rosa.enrolment.status == .nominated)
        let maria = try entry(store, course: "webinar-2024", person: "CR-103")
        #expect(maria.person.givenName == "María José Vásquez")
        #expect(maria.person.familyName == "de León")
        #expect(maria.person.sex == .notDisclosed)
        #expect(maria.agency == nil)
    }

    @Test func pretixSemicolonCheckInsAreTimedAgainstTheLateThreshold() throws {
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        let report = try store.rosterImporter.importRoster(path: ImportFixtures.roster("pretix-checkin.csv"), course: "palau-mmc-2024")
        #expect(report.format == .pretix)
        #expect(report.dialect.description == "UTF-8, semicolon-separated")
        #expect(report.matched.map(\.code) == ["PW-001", "PW-003"])
        #expect(report.newPeople.map(\.code) == ["NL-001"])
        let dirk = try entry(store, course: "palau-mmc-2024", person: "NL-001")
        #expect(dirk.person.familyName == "de Vries")
        #expect(dirk.enrolment.status == .nominated)  // not paid
        #expect(dirk.enrolment.note.hasSuffix(": Embassy; Koror"))
        #expect(try markLines(store, course: "palau-mmc-2024") == ["d1-am PW-001 present", "d2-am PW-003 late"])
        let course = try store.courses.course(code: "palau-mmc-2024")
        let ana = try store.people.person(code: "PW-001")
        let mark = try #require(try store.attendance.marks(courseID: course.id!).values.compactMap { $0[ana.id!] }.first)
        #expect(LocalTime.format(mark.arrival!, in: course.zone) == "2024-05-07 08:52")
        #expect(LocalTime.format(mark.departure!, in: course.zone) == "2024-05-07 12:31")
    }

    @Test func zoomRejoinsMergedWaitingRoomSkippedMinimumMinutes() throws {
        let store = try importStore(dir, courses: ["webinar-2024"])
        let before = try libraryCounts(store)
        let report = try store.rosterImporter.importRoster(path: ImportFixtures.roster("zoom-vs1.csv"), course: "webinar-2024")
        #expect(report.format == .zoom)
        #expect(report.rows == 6)
        #expect(report.newPeople.isEmpty)
        #expect(report.matched.map(\.code) == ["CR-101", "CR-102", "GT-101"])
        #expect(report.matched.map(\.by) == [.email, .roster, .email])
        #expect(report.skipped.map(\.line) == [6, 10])  // waiting room; "iPhone de Juan" is nobody on the roster
        #expect(report.skipped[0].reason == "in the waiting room")
        // Laura 42 + 74 min from 09:58: present. Diego 90 min from 10:20 (> 10 min late): late.
        // Ana 30 min: under half of two hours (60 min): absent.
        #expect(try markLines(store, course: "webinar-2024") == ["vs1 CR-101 present", "vs1 CR-102 late", "vs1 GT-101 absent"])
        let after = try libraryCounts(store)
        #expect(after == [before[0], before[1], before[2] + 3, before[3]])
        let laura = try store.people.person(code: "CR-101")
        let events = try store.attendance.events(
            sessionID: try store.courses.session(course: store.courses.course(code: "webinar-2024"), key: "vs1").id!,
            personID: laura.id!)
        #expect(events.count == 1)
        #expect(events[0].note == "114 of 120 min online (zoom-vs1.csv lines 5, 7)")  // from 10:00, not 09:58
    }

    @Test func zoomMinimumMinutesOption() throws {
        let store = try importStore(dir, courses: ["webinar-2024"])
        try store.rosterImporter.importRoster(
            path: ImportFixtures.roster("zoom-vs1.csv"), course: "webinar-2024",
            options: RosterImportOptions(minimumMinutes: 30))
        #expect(try markLines(store, course: "webinar-2024").contains("vs1 GT-101 present"))
    }

    /// Teams writes UTF-16 LE with a BOM, tab-separated, in sections, dates in the organiser's locale.
    static func teamsReport() -> Data {
        let text = """
            1. Summary
            Meeting title\tMonitoring and Evaluation
            Attended participants\t3
            Start time\t06/08/2024, 09:55:10
            End time\t06/08/2024, 12:02:00
            Meeting duration\t2h 6m 50s

            2. Participants
            Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole
            Laura Mora Vargas\t06/08/2024, 09:59:00\t06/08/2024, 11:58:00\t1h 59m\tlaura.mora@example.org\tlaura.mora@example.org\tPresenter
            Diego Solís\t06/08/2024, 10:30:00\t06/08/2024, 11:00:00\t30m\tdiego.solis@example.org\tdiego.solis@example.org\tAttendee
            Óscar Pérez\t06/08/2024, 10:12:30\t06/08/2024, 11:50:00\t1h 37m 30s\t\toscar.perez@example.org\tAttendee

            3. In-Meeting Activities
            Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole
            Laura Mora Vargas\t06/08/2024, 09:59:00\t06/08/2024, 11:58:00\t1h 59m\tlaura.mora@example.org\tPresenter
            Diego Solís\t06/08/2024, 10:30:00\t06/08/2024, 11:00:00\t30m\tdiego.solis@example.org\tAttendee
            Óscar Pérez\t06/08/2024, 10:12:30\t06/08/2024, 11:50:00\t1h 37m 30s\t\tAttendee

            """.replacingOccurrences(of: "\n", with: "\r\n")
        return Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
    }

    @Test func teamsUTF16SectionsAndDayFirstDates() throws {
        let store = try importStore(dir, courses: ["webinar-2024"])
        let path = dir.file("teams.csv")
        try Self.teamsReport().write(to: URL(fileURLWithPath: path))
        let report = try store.rosterImporter.importRoster(path: path, course: "webinar-2024")
        #expect(report.format == .teams)
        #expect(report.dialect.description == "UTF-16 LE, tab-separated")
        #expect(report.rows == 3)  // the activities section's rows
        #expect(report.matched.map(\.code) == ["CR-101", "CR-102", "GT-102"])
        #expect(report.notes.contains { $0.hasPrefix("dates read as day/month: none of them has a number over 12") })
        // 06/08/2024 is 8 June or 6 August; only 6 August has a session (vs2).
        #expect(try markLines(store, course: "webinar-2024") == ["vs2 CR-101 present", "vs2 CR-102 absent", "vs2 GT-102 late"])
    }

    @Test func genericWithSynonymsAndMap() throws {
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        let csv = dir.write(
            "list.csv",
            """
            Surname;Forename;Gender;Nationality;Organisation;Job title;Mobile;Kind
            Ngiraked;Ebil;F;Palau;MOS;Desk Officer;;participant
            Baules;Yoshiko;;PW;BLHR;;;observer
            Remeliik;Tina;Woman;Palau;Ministry of State;Clerk;+680 555 0300;Observer

            """)
        let report = try store.rosterImporter.importRoster(
            path: csv, course: "palau-mmc-2024",
            options: RosterImportOptions(mappings: ["kind": .role]))
        #expect(report.format == .generic)
        #expect(report.matched.map(\.code) == ["PW-020", "PW-014"])  // by name and country
        #expect(report.newPeople.map(\.code) == ["PW-031"])
        let tina = try entry(store, course: "palau-mmc-2024", person: "PW-031")
        #expect(tina.enrolment.role == .observer)
        #expect(tina.person.sex == .female)
        #expect(tina.agency?.code == "pw-mos")
        #expect(tina.enrolment.status == .nominated)
        #expect(try entry(store, course: "palau-mmc-2024", person: "PW-014").enrolment.role == .participant)  // roles are not changed
    }

    @Test func explicitFormatMustFindItsHeader() throws {
        let store = try importStore(dir, courses: ["palau-mmc-2024"])
        let error = try #require(throws: MusterError.self) {
            try store.rosterImporter.importRoster(
                path: ImportFixtures.roster("eventbrite.csv"), course: "palau-mmc-2024",
                options: RosterImportOptions(format: .moodle))
        }
        #expect(error.description.hasSuffix("eventbrite.csv: no Moodle attendance export header found in the first 60 rows"))
    }
}
