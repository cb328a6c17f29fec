import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 21, item 6: long work holding the library must never cost a mark or a check-in. While
/// one process imports a roster (its write held open by `MUSTER_DEBUG_HOLD` until the others are
/// done, so the test does not depend on how long an import takes: it failed once the import got
/// fast enough to end first), a second import is told who holds the library, and marks from
/// other processes and kiosk check-ins all land: they go to each process's journal, which the
/// writer takes in afterwards.
@Suite struct BusyLibraryTests {
    let dir = TemporaryDirectory("busy")

    @Test func marksAndCheckInsLandWhileAnImportHoldsTheLibrary() throws {
        dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        let library = dir.file("lib.sqlite")
        func muster(_ args: [String]) throws -> MusterBinary.Result {
            try MusterBinary.run(args + ["--db", library, "--courses", dir.file("courses")], home: dir.path)
        }
        #expect(try muster(["courses"]).status == 0)
        func roster(_ from: Int) -> String {
            "Code,First name,Last name,Email,Sex,Country\n"
                + (from..<from + 500).map { "B-\($0),Given\($0),Family\($0),p\($0)@example.org,F,PW\n" }.joined()
        }
        dir.write("big.csv", roster(0))
        dir.write("other.csv", roster(5000))

        let gate = dir.file("gate")
        try FileManager.default.createDirectory(atPath: gate, withIntermediateDirectories: true)
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: MusterBinary.path)
        importer.arguments = ["import", "roster", "mini-2024", dir.file("big.csv"), "--db", library, "--courses", dir.file("courses")]
        importer.environment = MusterBinary.environment(home: dir.path, extra: ["MUSTER_DEBUG_HOLD": gate])
        importer.standardOutput = FileHandle.nullDevice
        try importer.run()
        defer { FileManager.default.createFile(atPath: gate + "/release", contents: nil) }
        // Polled, not slept: the import says it holds its write once it has written a row.
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: gate + "/holding") && importer.isRunning && Date() < deadline { usleep(10_000) }
        try #require(
            FileManager.default.fileExists(atPath: gate + "/holding"),
            "the import never held its write (MUSTER_DEBUG_HOLD works in debug builds only: \(MusterBinary.path))")
        #expect(CourseStore.writer(of: library) != nil)

        let second = try muster(["import", "roster", "mini-2024", dir.file("other.csv")])
        #expect(second.status != 0)
        #expect(second.stderr.hasPrefix("muster: the library is open for writing by muster import (pid "), "\(second.stderr)")
        var failed: [String] = []
        for round in 0..<3 {
            for code in ["T-001", "T-002", "T-003", "T-005"] {
                let r = try muster(["mark", "mini-2024", "pm", code, round % 2 == 0 ? "present" : "late"])
                if r.status != 0 { failed.append("\(code): \(r.stderr)") }
            }
        }
        // The kiosk: a guest of the importing process, checking people in meanwhile.
        let kiosk = try CourseStore(path: library, actor: "kiosk")
        let course = try kiosk.courses.course(code: "mini-2024")
        let am = try kiosk.courses.session(course: course, key: "am")
        var checkIns = 0
        for code in ["T-001", "T-002", "T-003"] {
            let result = try kiosk.kiosk.checkIn(sessionID: am.id!, personID: kiosk.people.person(code: code).id!)
            if case .checkedIn = result { checkIns += 1 }
        }
        #expect(importer.isRunning)
        FileManager.default.createFile(atPath: gate + "/release", contents: nil)
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(failed.isEmpty, "\(failed)")
        #expect(checkIns == 3)

        // Everything is in the library once its writer takes in the journals.
        let after = try MusterBinary.run(["report", "mini-2024", "--db", library, "--courses", dir.file("courses")], home: dir.path)
        #expect(after.status == 0)
        let store = try CourseStore(path: library, actor: "check")
        let marks = try store.attendance.marks(courseID: course.id!)
        #expect(marks.values.map(\.count).reduce(0, +) == 7, "\(marks)")  // 4 in the afternoon, 3 checked in the morning
        #expect(try store.rosters.roster(courseID: course.id!).count >= 504)
    }
}
