import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `muster mark … --arrival/--departure` and `left` through the real binary (issue 13, item 5).
@Suite struct MarkTimesCommandTests {
    let dir = TemporaryDirectory("mark-times")
    var db: String { dir.file("lib.sqlite") }

    func muster(_ args: String...) throws -> MusterBinary.Result { try muster(args) }

    func muster(_ args: [String]) throws -> MusterBinary.Result {
        let courses = dir.file("courses")
        if !FileManager.default.fileExists(atPath: courses) {
            try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
            dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        }
        return try MusterBinary.run(args + ["--db", db, "--courses", courses], home: dir.path)
    }

    func longRow(_ code: String) throws -> [Substring] {
        let export = try muster("export", "attendance", "mini-2024")
        let row = try #require(export.stdout.components(separatedBy: "\r\n").first { $0.contains(",\(code),") })
        return row.split(separator: ",", omittingEmptySubsequences: false)
    }

    @Test func lateAfterTheSessionDefaultsToStartPlusThresholdAndTakesTypedTimes() throws {
        // Today is long after 7 May 2024: the arrival is 09:15, not the clock.
        let late = try muster("mark", "mini-2024", "am", "T-001", "late")
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stdout.hasPrefix("T-001 José Núñez: late 09:15 in am; now late"))
        #expect(try longRow("T-001")[11] == "2024-05-07T09:15:00+09:00")

        let typed = try muster("mark", "mini-2024", "am", "T-002", "late", "--arrival", "9:40", "--departure", "11:05")
        #expect(typed.stdout.contains(": late 09:40–11:05 in am; now late"), "\(typed.stdout)")
        let row = try longRow("T-002")
        #expect(row[11] == "2024-05-07T09:40:00+09:00" && row[12] == "2024-05-07T11:05:00+09:00")

        let left = try muster("mark", "mini-2024", "am", "T-001", "left", "--departure", "10:30")
        #expect(left.status == 0, "\(left.stderr)")
        #expect(left.stdout.contains("left am at 10:30; still late"))
        let after = try longRow("T-001")
        #expect(after[10] == "late" && after[11] == "2024-05-07T09:15:00+09:00" && after[12] == "2024-05-07T10:30:00+09:00")

        let wide = try muster("export", "attendance", "mini-2024", "--layout", "wide")
        #expect(wide.stdout.contains("L½"))
    }

    @Test func badTimesAreRefusedWithAClearMessageAndRecordNothing() throws {
        for (args, fragment) in [
            (["--arrival", "9"], "--arrival '9' is not a time: type a time like 09:25"),
            (["--arrival", "2024-05-08 09:20"], "the arrival 2024-05-08 09:20 is not on the session's day (2024-05-07)"),
            (["--arrival", "10:00", "--departure", "09:30"], "the departure 09:30 is before the arrival 10:00"),
        ] {
            let r = try muster(["mark", "mini-2024", "am", "T-001", "late"] + args)
            #expect(r.status != 0, "accepted \(args)")
            #expect(r.stderr.contains(fragment), "stderr: \(r.stderr)")
        }
        let absent = try muster("mark", "mini-2024", "am", "T-001", "absent", "--departure", "10:00")
        #expect(absent.stderr.contains("a departure time goes with present or late, not absent"))
        let nothing = try muster("mark", "mini-2024", "am", "T-002", "left")
        #expect(nothing.stderr.contains("is not marked present or late in this session"))
        let export = try muster("export", "attendance", "mini-2024")
        #expect(export.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1)  // the header only
    }
}
