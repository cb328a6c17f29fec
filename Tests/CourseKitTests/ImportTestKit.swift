import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// A library on a temp file with the given course files loaded (fixture courses or the project's).
func importStore(_ dir: TemporaryDirectory, courses: [String], clock: TestClock = TestClock()) throws -> CourseStore {
    let store = try CourseStore(path: dir.file("lib.sqlite"), actor: "tester", clock: clock.function)
    for code in courses {
        if code == "mini-2024" {
            try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
        } else {
            try store.courses.importCourse(CourseFileCodec.read(path: ImportFixtures.course(code)))
        }
    }
    return store
}

/// One current mark as tests compare them: "session code status".
func markLines(_ store: CourseStore, course code: String) throws -> [String] {
    let course = try store.courses.course(code: code)
    let sessions = try store.courses.sessions(courseID: course.id!)
    let roster = try store.rosters.roster(courseID: course.id!)
    let marks = try store.attendance.marks(courseID: course.id!)
    var lines: [String] = []
    for s in sessions {
        for e in roster {
            if let m = marks[s.id!]?[e.person.id!] { lines.append("\(s.key) \(e.person.code) \(m.status.rawValue)") }
        }
    }
    return lines
}

/// The roster entry for a code, or a test failure.
func entry(
    _ store: CourseStore, course code: String, person: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> RosterEntry {
    let course = try store.courses.course(code: code)
    return try #require(
        try store.rosters.roster(courseID: course.id!).first { $0.person.code == person },
        "\(person) not on \(code)", sourceLocation: sourceLocation)
}

/// Rows in person, enrolment, attendance_event and agency: what must not move when an import is refused.
func libraryCounts(_ store: CourseStore) throws -> [Int] {
    try DatabaseQueue(path: store.path).read { db in
        try ["person", "enrolment", "attendance_event", "agency"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
    }
}

/// Imports `text` as a roster file named `list.csv` into `course`.
func importCSV(
    _ store: CourseStore, _ text: String, course: String = "mini-2024", _ options: RosterImportOptions = RosterImportOptions()
) throws -> RosterImportReport {
    try store.rosterImporter.importRoster(data: Data(text.utf8), name: "list.csv", course: course, options: options)
}
