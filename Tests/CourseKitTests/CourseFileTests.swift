import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

@Suite struct CourseFileTests {
    static var shippedFiles: [String] {
        let dir = Fixtures.coursesDirectory
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(dir)/\($0)" }
    }

    @Test func fiveShippedCourses() {
        #expect(Self.shippedFiles.count == 5)
    }

    /// Import into an empty library, export: the same bytes as the file.
    @Test(arguments: shippedFiles)
    func shippedFileRoundTripsByteForByte(path: String) throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("lib.sqlite"))
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let file = try CourseFileCodec.read(path: path)
        try store.courses.importCourse(file)
        let exported = try store.courses.exportCourse(code: file.code)
        #expect(exported == original)
        #expect(exported.contains("\\u") == false, "non-ASCII must be written literally")
    }

    @Test func allShippedFilesLoadTogether() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("lib.sqlite"))
        let summaries = try store.courses.seed(from: Fixtures.coursesDirectory)
        #expect(summaries.count == 5)
        let byCode = Dictionary(uniqueKeysWithValues: try store.courses.courseSummaries().map { ($0.course.code, $0) })
        let palau = try #require(byCode["palau-mmc-2024"])
        #expect(palau.sessionCount >= 6)
        #expect(palau.course.startDate == CalendarDate(year: 2024, month: 5, day: 7))
        #expect(palau.course.endDate == CalendarDate(year: 2024, month: 5, day: 9))
        #expect(try store.rosters.roster(courseID: palau.course.id!).count >= 24)
        let rcm = try #require(byCode.values.first { $0.course.code.hasPrefix("rcm-") })
        let rcmRoster = try store.rosters.roster(courseID: rcm.course.id!)
        #expect(rcmRoster.filter { $0.enrolment.role == .participant || $0.enrolment.role == .observer }.count >= 55)
        #expect(Set(rcmRoster.map(\.person.country)).isSuperset(of: ["BZ", "CA", "CR", "DO", "SV", "GT", "HN", "MX", "NI", "PA", "US"]))
        let caribbean = try #require(byCode.values.first { $0.course.code.hasPrefix("caribbean-") })
        #expect(caribbean.sessionCount == 5)
        #expect(try store.rosters.roster(courseID: caribbean.course.id!).count >= 170)
    }

    @Test func exportThenReimportIsStable() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("a.sqlite"))
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
        let once = try store.courses.exportCourse(code: "mini-2024")
        let other = try CourseStore(path: dir.file("b.sqlite"))
        try other.courses.importCourse(CourseFileCodec.decode(Data(once.utf8), path: "export.yaml"))
        #expect(try other.courses.exportCourse(code: "mini-2024") == once)
        #expect(once.contains("given_name: José"))
        #expect(once.contains("substituted_by: T-001"))
    }

    /// Someone added to Palau with an agency another course brought (a Barbados ministry), a
    /// Palau enrolment nominated by another, and a quota for a third: the exported file lists those
    /// agencies after Palau's own, so it imports into an empty library (it used to be refused,
    /// "unknown agency"), and exports there to the same bytes.
    @Test func agenciesFromOtherCoursesTravelWithTheFile() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("a.sqlite"))
        try store.courses.seed(from: Fixtures.coursesDirectory)
        let palau = try store.courses.course(code: "palau-mmc-2024")
        let byCode = Dictionary(uniqueKeysWithValues: try store.courses.agencies().map { ($0.code, $0) })
        var guest = Person(code: "BB-900", givenName: "Ana", familyName: "Walcott", sex: .female, country: "BB")
        guest.agencyID = try #require(byCode["bb-mfa"]?.id)
        try store.people.savePerson(guest, enrolIn: palau.id!, status: .confirmed)
        try store.nominations.saveQuota(courseID: palau.id!, Quota(scope: .agency, key: "bb-imm", limit: 2))
        let once = try store.courses.exportCourse(code: "palau-mmc-2024")
        let file = try CourseFileCodec.decode(Data(once.utf8), path: "palau.yaml")
        let codes = try #require(file.agencies).map(\.id)
        #expect(Array(codes.suffix(2)) == ["bb-imm", "bb-mfa"])
        let other = try CourseStore(path: dir.file("b.sqlite"))
        try other.courses.importCourse(file)
        #expect(try other.people.person(code: "BB-900").agencyID != nil)
        #expect(try other.courses.exportCourse(code: "palau-mmc-2024") == once)
    }

    @Test func reimportUpdatesInPlace() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("a.sqlite"))
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "m.yaml"))
        let renamed = Fixtures.miniCourseYAML.replacingOccurrences(of: "title: Mini Course", with: "title: Mini Course II")
        let summary = try store.courses.importCourse(CourseFileCodec.decode(Data(renamed.utf8), path: "m.yaml"))
        #expect(summary.created == false && summary.newPeople == 0)
        #expect(try store.courses.course(code: "mini-2024").title == "Mini Course II")
        #expect(try store.courses.courses().count == 1)
    }

    @Test func removingAMarkedSessionIsRefusedAndNothingChanges() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("a.sqlite"))
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "m.yaml"))
        let course = try store.courses.course(code: "mini-2024")
        try store.attendance.mark(
            session: store.courses.session(course: course, key: "pm"), person: store.people.person(code: "T-001"),
            status: .present, source: .cli)
        var file = try CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "m.yaml")
        file.title = "Changed"
        file.sessions.removeLast()
        #expect(throws: MusterError.self) { try store.courses.importCourse(file) }
        #expect(try store.courses.course(code: "mini-2024").title == "Mini Course")  // the transaction rolled back
        #expect(try store.courses.sessions(courseID: course.id!).count == 2)
    }

    @Test(arguments: [
        ("code: Bad Code", "course code"),
        ("time_zone: Pacific/Palau", "time_zone: Mars/Olympus"),
        ("start: 2024-05-07 09:00", "start: 2024-05-07 25:00"),
        ("start_date: 2024-05-07", "start_date: 2024-02-30"),
        ("  agency: iom", "  agency: nobody"),
        ("substituted_by: T-001", "substituted_by: T-999"),
        ("- code: T-002", "- code: T-001"),
        ("key: PW", "key: XX"),
        ("sex: male", "sex: sometimes"),
        ("title: Morning", "titel: Morning"),
    ])
    func invalidFilesAreRejectedWithTheirReason(pair: (String, String)) throws {
        let (from, to) = pair
        let text =
            from == "code: Bad Code"
            ? Fixtures.miniCourseYAML.replacingOccurrences(of: "code: mini-2024", with: "code: Bad Code")
            : Fixtures.miniCourseYAML.replacingOccurrences(of: from, with: to)
        #expect(text != Fixtures.miniCourseYAML)
        #expect {
            _ = try CourseFileCodec.decode(Data(text.utf8), path: "bad.yaml")
        } throws: { error in
            guard case MusterError.invalidCourseFile(let path, let reason) = error else { return false }
            return path == "bad.yaml" && !reason.isEmpty
        }
    }

    @Test func binaryAndMissingFilesAreClearErrors() throws {
        let dir = TemporaryDirectory()
        #expect(throws: MusterError.unreadable(path: dir.file("none.yaml"), reason: "no such file")) {
            try CourseFileCodec.read(path: dir.file("none.yaml"))
        }
        let zip = dir.file("course.yaml")
        FileManager.default.createFile(atPath: zip, contents: Data([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00]))
        #expect(throws: MusterError.invalidCourseFile(path: zip, reason: "not UTF-8 text")) { try CourseFileCodec.read(path: zip) }
        #expect(throws: MusterError.self) { try CourseFileCodec.decode(Data("- just\n- a list\n".utf8), path: "l.yaml") }
        #expect(throws: MusterError.self) { try CourseFileCodec.decode(Data(), path: "empty.yaml") }
    }

    /// Issue 21, item 9: a repeated key said only "not valid YAML", without the key or the line.
    @Test func yamlMistakesNameTheKeyAndTheLine() throws {
        let repeated = Fixtures.miniCourseYAML.replacingOccurrences(of: "title: Mini Course\n", with: "title: Mini Course\ntitle: Again\n")
        #expect(throws: MusterError.invalidCourseFile(path: "r.yaml", reason: "'title' appears twice in the block at line 2; keep one")) {
            try CourseFileCodec.decode(Data(repeated.utf8), path: "r.yaml")
        }
        #expect(
            throws: MusterError.invalidCourseFile(
                path: "b.yaml", reason: "line 3, column 1: not valid YAML (did not find expected ',' or ']')")
        ) {
            try CourseFileCodec.decode(Data("code: x\ntitle: [unclosed\n".utf8), path: "b.yaml")
        }
    }

    /// Issue 21, item 9: a session outside the course's dates and a person substituting
    /// themselves were accepted.
    @Test func impossibleTimetablesAndSelfSubstitutionAreRefused() throws {
        let late = Fixtures.miniCourseYAML.replacingOccurrences(of: "end: 2024-05-07 17:00", with: "end: 2024-05-08 17:00")
        #expect(
            throws: MusterError.invalidCourseFile(
                path: "l.yaml",
                reason: "sessions[1] 'pm': runs from 2024-05-07 to 2024-05-08, outside the course's dates 2024-05-07 to 2024-05-07; "
                    + "fix the session or start_date/end_date")
        ) { try CourseFileCodec.decode(Data(late.utf8), path: "l.yaml") }
        let early = Fixtures.miniCourseYAML.replacingOccurrences(of: "start: 2024-05-07 09:00", with: "start: 2024-05-06 09:00")
        #expect(throws: MusterError.self) { try CourseFileCodec.decode(Data(early.utf8), path: "e.yaml") }
        let itself = Fixtures.miniCourseYAML.replacingOccurrences(
            of: "  role: participant\n  status: confirmed\n", with: "  role: participant\n  status: substituted\n  substituted_by: T-001\n",
            options: [], range: nil)
        #expect(itself != Fixtures.miniCourseYAML)
        #expect(
            throws: MusterError.invalidCourseFile(
                path: "s.yaml",
                reason: "participant 'T-001': substituted_by names the participant themself; give the person who came instead")
        ) { try CourseFileCodec.decode(Data(itself.utf8), path: "s.yaml") }
    }

    @Test func namesAreSanitisedOnImport() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("a.sqlite"))
        let nasty = Fixtures.miniCourseYAML.replacingOccurrences(of: "given_name: Mary", with: "given_name: \"Ma\\bry\\e[2J\\u202E\"")
        try store.courses.importCourse(CourseFileCodec.decode(Data(nasty.utf8), path: "n.yaml"))
        #expect(try store.people.person(code: "T-004").givenName == "Mary")
    }
}
