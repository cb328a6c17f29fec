import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Muster's long attendance export re-imports without loss: export → import into an empty library
/// with the course file → export again gives the same text, and importing again changes nothing.
@Suite struct ImportRoundTripTests {
    /// A library with marks of every kind: present, late with an arrival, excused with a note, a kiosk
    /// check-in beaten by a roll call, an undone mark, a cleared one, an absent.
    func markedStore(_ dir: TemporaryDirectory) throws -> CourseStore {
        let clock = TestClock()
        let store = try importStore(dir, courses: ["mini-2024"], clock: clock)
        let course = try store.courses.course(code: "mini-2024")
        let am = try store.courses.session(course: course, key: "am"), pm = try store.courses.session(course: course, key: "pm")
        func p(_ code: String) throws -> Person { try store.people.person(code: code) }
        clock.advance(seconds: 3_600.25)
        try store.attendance.mark(session: am, person: p("T-001"), status: .present, source: .rollcall)
        clock.advance(seconds: 61.5)
        try store.attendance.mark(session: am, person: p("T-002"), status: .late, source: .rollcall)
        try store.attendance.mark(session: am, person: p("T-003"), status: .present, source: .kiosk)
        clock.advance(seconds: 2)
        try store.attendance.mark(session: am, person: p("T-003"), status: .excused, source: .cli, note: "ministry meeting")
        try store.attendance.mark(session: pm, person: p("T-001"), status: .absent, source: .rollcall)
        clock.advance(seconds: 5)
        try store.attendance.mark(session: pm, person: p("T-001"), status: .present, source: .paper)
        try store.attendance.undo(session: pm, person: p("T-001"), source: .rollcall)  // back to absent
        try store.attendance.mark(session: pm, person: p("T-004"), status: .present, source: .kiosk)
        try store.attendance.mark(session: pm, person: p("T-002"), status: .present, source: .rollcall)
        clock.advance(seconds: 1)
        try store.attendance.mark(session: pm, person: p("T-002"), status: .cleared, source: .rollcall)
        return store
    }

    func longCSV(_ store: CourseStore, unmarked: Bool = false) throws -> String {
        let rows = try AttendanceExport.longRows(store: store, courseCode: "mini-2024", includeUnmarked: unmarked)
        return TableDocument.render(header: AttendanceExport.longColumns, rows: rows, format: .csv)
    }

    @Test(arguments: [false, true])
    func longExportImportExportIsIdentical(unmarked: Bool) throws {
        let source = TemporaryDirectory("origin"), target = TemporaryDirectory("copy")
        let original = try markedStore(source)
        let exported = try longCSV(original, unmarked: unmarked)
        #expect(exported.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == (unmarked ? 11 : 6))

        let copy = try importStore(target, courses: ["mini-2024"])
        let report = try copy.rosterImporter.importRoster(data: Data(exported.utf8), name: "long.csv", course: "mini-2024")
        #expect(report.format == .muster)
        #expect(report.newPeople.isEmpty && report.rejected.isEmpty && report.warnings.isEmpty)
        #expect(report.eventsAdded == 5)
        #expect(try longCSV(copy, unmarked: unmarked) == exported)

        let again = try copy.rosterImporter.importRoster(data: Data(exported.utf8), name: "long.csv", course: "mini-2024")
        #expect(again.changesNothing && again.eventsAlreadyRecorded == 5)
        let home = try original.rosterImporter.importRoster(data: Data(exported.utf8), name: "long.csv", course: "mini-2024")
        #expect(home.changesNothing, "the library it came from has every mark already")
        #expect(try longCSV(original, unmarked: unmarked) == exported)
    }

    @Test func importedMarksKeepTimeSourceAndDevice() throws {
        let source = TemporaryDirectory("origin"), target = TemporaryDirectory("copy")
        let original = try markedStore(source)
        let copy = try importStore(target, courses: ["mini-2024"])
        try copy.rosterImporter.importRoster(data: Data(try longCSV(original).utf8), name: "long.csv", course: "mini-2024")
        let course = try copy.courses.course(code: "mini-2024")
        let am = try copy.courses.session(course: course, key: "am")
        let t3 = try copy.people.person(code: "T-003")
        let mark = try #require(try copy.attendance.marks(sessionID: am.id!)[t3.id!])
        let originalMark = try #require(try original.attendance.marks(sessionID: am.id!)[t3.id!])
        #expect(mark.status == .excused && mark.source == .cli)
        #expect(mark.recordedAt == originalMark.recordedAt)
        #expect(mark.device == original.deviceID)
        #expect(mark.device != copy.deviceID)
        #expect(mark.actor == "tester")
        #expect(mark.id != originalMark.id)
    }

    @Test func peopleMissingFromTheLibraryComeWithTheirCodes() throws {
        let source = TemporaryDirectory("origin"), target = TemporaryDirectory("bare")
        let original = try markedStore(source)
        let exported = try longCSV(original, unmarked: true)
        // A library with the course's sessions and agencies but no roster.
        let yaml = Fixtures.miniCourseYAML.components(separatedBy: "participants:")[0]
        let copy = try CourseStore(path: target.file("lib.sqlite"), actor: "tester")
        try copy.courses.importCourse(CourseFileCodec.decode(Data(yaml.utf8), path: "bare.yaml"))
        let report = try copy.rosterImporter.importRoster(data: Data(exported.utf8), name: "long.csv", course: "mini-2024")
        #expect(report.newPeople.map(\.code) == ["T-001", "T-002", "T-003", "T-004", "T-005"])
        #expect(try longCSV(copy, unmarked: true) == exported)
        let li = try entry(copy, course: "mini-2024", person: "T-002")
        #expect(li.person.displayName == "李小龍")
        #expect(li.agency?.code == "pw-bim")
        #expect(try entry(copy, course: "mini-2024", person: "T-004").enrolment.role == .facilitator)
    }

    @Test func rowsForAnotherCourseOrWithBadValuesAreRejected() throws {
        let dir = TemporaryDirectory("bad")
        let store = try importStore(dir, courses: ["mini-2024"])
        let header = AttendanceExport.longColumns.joined(separator: ",")
        let text = """
            \(header)
            other-2024,am,2024-05-07T09:00:00+09:00,T-001,José,Núñez,male,PW,pw-bim,participant,present,,,2024-05-07T09:01:00.000+09:00,rollcall,d1
            mini-2024,am,2024-05-07T09:00:00+09:00,T-001,José,Núñez,male,PW,pw-bim,participant,gone,,,2024-05-07T09:01:00.000+09:00,rollcall,d1
            mini-2024,am,2024-05-07T09:00:00+09:00,T-001,José,Núñez,male,PW,pw-bim,participant,present,,,yesterday,rollcall,d1
            mini-2024,zz,2024-05-07T09:00:00+09:00,T-001,José,Núñez,male,PW,pw-bim,participant,present,,,2024-05-07T09:01:00.000+09:00,robot,d1
            """
        let report = try store.rosterImporter.importRoster(
            data: Data(text.utf8), name: "long.csv", course: "mini-2024",
            options: RosterImportOptions(dryRun: true))
        #expect(report.rejected.map(\.line) == [2, 3, 4, 5])
        #expect(report.rejected[0].reason == "row is for course 'other-2024', not 'mini-2024'")
        #expect(report.rejected[1].reason == "status 'gone' is not present, late, excused or absent")
        #expect(report.rejected[2].reason == "recorded_at 'yesterday' is not an ISO 8601 time")
        #expect(report.rejected[3].reason.hasPrefix("source 'robot' is not one of rollcall, kiosk, import"))
    }
}

/// Notes (excuse reasons) and actors travel with the long export: marks moved between libraries
/// keep who recorded them and why, and exports made before those columns still import.
@Suite struct ExportNotesAndActorsTests {
    /// Marks by two people on one file, with notes, an arrival and a departure.
    func library(_ dir: TemporaryDirectory) throws -> CourseStore {
        let clock = TestClock()
        let path = dir.file("lib.sqlite")
        let ana = try CourseStore(path: path, actor: "ana.tellei", clock: clock.function)
        try ana.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
        let ben = try CourseStore(path: path, actor: "ben, the \"paper\" clerk", clock: clock.function)
        let course = try ana.courses.course(code: "mini-2024")
        let am = try ana.courses.session(course: course, key: "am"), pm = try ana.courses.session(course: course, key: "pm")
        func p(_ code: String) throws -> Person { try ana.people.person(code: code) }
        clock.advance(seconds: 3_600)
        try ana.attendance.mark(
            session: am, person: p("T-001"), status: .late, source: .rollcall, arrival: am.start.addingTimeInterval(900))
        try ben.attendance.mark(session: am, person: p("T-002"), status: .excused, source: .paper, note: "ministry meeting,\nback Friday")
        clock.advance(seconds: 1.5)
        try ben.attendance.mark(session: pm, person: p("T-003"), status: .absent, source: .cli, note: "=no show")
        try ana.attendance.mark(session: pm, person: p("T-001"), status: .present, source: .rollcall)
        try ana.poll()  // ben is a guest (ana holds the library): his marks reach it through his journal
        return ana
    }

    func events(_ store: CourseStore) throws -> [String] {
        let course = try store.courses.course(code: "mini-2024")
        return try store.attendance.marks(courseID: course.id!).flatMap { session, byPerson in
            byPerson.map { person, e in
                "\(session) \(person) \(e.status.rawValue) \(e.arrival?.ms ?? -1) \(e.departure?.ms ?? -1) "
                    + "\(e.recordedAt.ms) \(e.source.rawValue) \(e.device) \(e.actor) note=\(e.note)"
            }
        }.sorted()
    }

    @Test func notesAndActorsSurviveTheRoundTrip() throws {
        let source = TemporaryDirectory("origin"), target = TemporaryDirectory("copy")
        let original = try library(source)
        let rows = try AttendanceExport.longRows(store: original, courseCode: "mini-2024")
        #expect(AttendanceExport.longColumns.suffix(3) == ["device", "note", "actor"])
        #expect(rows.map { $0.suffix(2) }.contains(["ministry meeting,\nback Friday", "ben, the \"paper\" clerk"]))
        let csv = TableDocument.render(header: AttendanceExport.longColumns, rows: rows, format: .csv)

        let copy = try importStore(target, courses: ["mini-2024"])
        let report = try copy.rosterImporter.importRoster(data: Data(csv.utf8), name: "long.csv", course: "mini-2024")
        #expect(report.rejected.isEmpty && report.eventsAdded == 4)
        let moved = try events(copy)
        #expect(moved == (try events(original)))
        #expect(moved.contains { $0.hasSuffix("ben, the \"paper\" clerk note=ministry meeting,\nback Friday") })
        #expect(moved.contains { $0.hasSuffix("ana.tellei note=") })
        #expect(moved.contains { $0.hasSuffix("note==no show") })  // the formula guard's ' is taken off again
    }

    @Test func exportsWithoutNoteAndActorStillImport() throws {
        let source = TemporaryDirectory("origin"), target = TemporaryDirectory("copy")
        let original = try library(source)
        let rows = try AttendanceExport.longRows(store: original, courseCode: "mini-2024").map { Array($0.dropLast(2)) }
        let csv = TableDocument.render(header: Array(AttendanceExport.longColumns.dropLast(2)), rows: rows, format: .csv)
        let copy = try importStore(target, courses: ["mini-2024"])
        let report = try copy.rosterImporter.importRoster(data: Data(csv.utf8), name: "old.csv", course: "mini-2024")
        #expect(report.format == .muster && report.rejected.isEmpty && report.eventsAdded == 4)
        let moved = try events(copy)
        #expect(moved.count == 4)
        #expect(moved.allSatisfy { $0.hasSuffix(" tester note=") })  // no note in the file; the importer is the actor
    }
}
