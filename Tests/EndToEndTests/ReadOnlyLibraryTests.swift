import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 21, item 9: on a read-only folder even reads failed ("the change was not saved").
/// Another account (`nobody`, through `runuser`) owns a library it may not write, in a folder it
/// may not write: listings and reports work, a mark says why it cannot be saved, and nothing is
/// created beside the library. Needs root (to become `nobody`); skipped otherwise.
@Suite(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
struct ReadOnlyLibraryTests {
    let dir = TemporaryDirectory("read-only")

    /// Runs the binary as `nobody`, from a copy it may execute wherever the checkout lives.
    func asNobody(_ binary: String, _ args: [String]) throws -> MusterBinary.Result {
        try MusterBinary.run(
            ["-u", "nobody", "--", "env", "HOME=\(dir.path)", "SWIFT_BACKTRACE=enable=no", "TZ=UTC", "LANG=C.UTF-8", binary] + args,
            home: dir.path, executable: "/usr/sbin/runuser")
    }

    @Test func readsWorkAndWritesSayWhy() throws {
        dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        let library = dir.file("library/lib.sqlite")
        let made = try MusterBinary.run(
            ["mark", "mini-2024", "am", "T-001", "present", "--db", library, "--courses", dir.file("courses")], home: dir.path)
        #expect(made.status == 0, "\(made.stderr)")
        let binary = dir.file("muster")
        try FileManager.default.copyItem(atPath: MusterBinary.path, toPath: binary)
        let folder = dir.file("library")
        for path in try FileManager.default.contentsOfDirectory(atPath: folder).map({ folder + "/" + $0 }) + [folder] {
            #expect(chown(path, 65534, 65534) == 0)
        }
        chmod(dir.path, 0o755)
        chmod(binary, 0o755)
        chmod(library, 0o400)
        chmod(folder, 0o500)
        defer { chmod(folder, 0o700) }  // so the temporary directory can be removed
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()

        let courses = try asNobody(binary, ["courses", "--db", library])
        #expect(courses.status == 0, "\(courses.stderr)")
        #expect(courses.stdout.contains("mini-2024"), "\(courses.stdout)")
        let roster = try asNobody(binary, ["roster", "mini-2024", "--db", library])
        #expect(roster.status == 0 && roster.stdout.contains("T-001"), "\(roster.stderr)")
        let report = try asNobody(binary, ["report", "mini-2024", "--db", library])
        #expect(report.status == 0, "\(report.stderr)")

        let mark = try asNobody(binary, ["mark", "mini-2024", "am", "T-002", "present", "--db", library])
        #expect(mark.status == 1)
        #expect(mark.stderr.contains("is read-only: the change was not saved"), "\(mark.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
    }
}
