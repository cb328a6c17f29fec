import CourseKit
import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `check_in_opens_minutes` (issue 13, item 3): read from the course file into the library,
/// written back out, checked, and 30 when absent.
@Suite struct CheckInOpensTests {
    static let with45 = Fixtures.miniCourseYAML.replacingOccurrences(
        of: "late_after_minutes: 15\n", with: "late_after_minutes: 15\ncheck_in_opens_minutes: 45\n")

    @Test func theSettingTravelsFromTheCourseFileToTheLibraryAndBack() throws {
        #expect(Self.with45 != Fixtures.miniCourseYAML)
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("a.sqlite"))
        try store.courses.importCourse(CourseFileCodec.decode(Data(Self.with45.utf8), path: "mini.yaml"))
        #expect(try store.courses.course(code: "mini-2024").checkInOpensMinutes == 45)
        #expect(try store.courses.exportCourse(code: "mini-2024").contains("check_in_opens_minutes: 45\n"))
    }

    @Test func withoutItCheckInOpensHalfAnHourEarlyAndExportsSayNothing() throws {
        let dir = TemporaryDirectory()
        let store = try CourseStore(path: dir.file("a.sqlite"))
        try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "mini.yaml"))
        #expect(try store.courses.course(code: "mini-2024").checkInOpensMinutes == 30)
        #expect(!(try store.courses.exportCourse(code: "mini-2024").contains("check_in_opens")))
    }

    @Test(arguments: ["-5", "1441", "soon"])
    func badValuesAreRejectedWithTheirReason(value: String) {
        let text = Self.with45.replacingOccurrences(of: "check_in_opens_minutes: 45", with: "check_in_opens_minutes: \(value)")
        #expect {
            _ = try CourseFileCodec.decode(Data(text.utf8), path: "bad.yaml")
        } throws: { error in
            guard case MusterError.invalidCourseFile(let path, let reason) = error else { return false }
            return path == "bad.yaml" && !reason.isEmpty && (Int(value) == nil || reason.contains("check_in_opens_minutes"))
        }
    }
}
