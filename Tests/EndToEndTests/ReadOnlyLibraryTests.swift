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
        // Copied by cp, not in this process: a file open for writing here while another test
        // starts a process is inherited by that child until it execs, and running the copy then
        // fails with "Text file busy" (ETXTBSY, seen in CI).
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = [MusterBinary.path, binary]
        try copy.run()
        copy.waitUntilExit()
        #expect(copy.terminationStatus == 0)
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

/// Issue 21, item 9, the full disk: every command, reads included, said "disk I/O error". On a
/// small tmpfs filled to the last block, listings work and a mark says the disk is full. Needs
/// root and a kernel that lets the test mount one; skipped otherwise.
@Suite(.enabled(if: getuid() == 0 && Tmpfs.canMount()))
struct FullDiskTests {
    let dir = TemporaryDirectory("full-disk")

    @Test func readsWorkAndAMarkSaysTheDiskIsFull() throws {
        let disk = dir.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        #expect(Tmpfs.run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", disk]) == 0)
        defer { _ = Tmpfs.run("/bin/umount", [disk]) }
        dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        let library = disk + "/lib.sqlite"
        func muster(_ args: [String]) throws -> MusterBinary.Result {
            try MusterBinary.run(args + ["--db", library, "--courses", dir.file("courses")], home: dir.path)
        }
        #expect(try muster(["mark", "mini-2024", "am", "T-002", "present"]).status == 0)
        // Filled to the last block.
        let filler = try FileHandle(forWritingTo: URL(fileURLWithPath: dir.write("disk/fill", "")))
        let block = Data(count: 65536)
        while (try? filler.write(contentsOf: block)) != nil {}
        try? filler.close()

        let courses = try muster(["courses"])
        #expect(courses.status == 0 && courses.stdout.contains("mini-2024"), "\(courses.stderr)")
        let roster = try muster(["roster", "mini-2024"])
        #expect(roster.status == 0 && roster.stdout.contains("T-002"), "\(roster.stderr)")
        let mark = try muster(["mark", "mini-2024", "am", "T-001", "present"])
        #expect(mark.status == 1)
        #expect(mark.stderr.contains("is full: free some space and try again"), "\(mark.stderr)")
    }
}

/// Mounting a small tmpfs, where the kernel lets a root test do it.
enum Tmpfs {
    static func run(_ tool: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func canMount() -> Bool {
        let probe = TemporaryDirectory("mount-probe")
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]) == 0 else { return false }
        _ = run("/bin/umount", [probe.path])
        return true
    }
}
