import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 21, item 2, as the watcher did it: another user on the machine (`nobody`,
/// through `runuser`) reads every file that appears in a shared folder, over and over, while
/// every command that writes personal data with `-o` writes there. Nothing they read may hold
/// a name or an e-mail. Needs root (to become `nobody`); skipped otherwise.
@Suite(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
struct SecondUserReadTests {
    let dir = TemporaryDirectory("second-user")

    func muster(_ args: [String]) throws -> MusterBinary.Result {
        try MusterBinary.run(
            args + ["--db", dir.file("lib.sqlite"), "--courses", dir.file("courses")], home: dir.path)
    }

    @Test func anotherUserReadsNothingOfAnyExportWhileItIsWritten() throws {
        dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        let out = dir.file("shared")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // A folder others may list and read in, as a shared exports folder is.
        for path in [dir.path, out] { chmod(path, 0o755) }
        #expect(try muster(["mark", "mini-2024", "am", "T-001", "excused", "--note", "at the ministry"]).status == 0)

        let captured = dir.file("captured")
        let stop = dir.file("stop")
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        reader.arguments = [
            "-u", "nobody", "--", "sh", "-c",
            "n=0; while [ ! -e '\(stop)' ]; do for f in '\(out)'/* '\(out)'/.[!.]*; do [ -f \"$f\" ] && n=$((n+1)) && cat \"$f\" 2>/dev/null; done; done; echo \"reads $n\"",
        ]
        FileManager.default.createFile(atPath: captured, contents: nil)
        let sink = try FileHandle(forWritingTo: URL(fileURLWithPath: captured))
        reader.standardOutput = sink
        reader.standardError = FileHandle.nullDevice
        try reader.run()

        let exports: [[String]] = [
            ["roster", "mini-2024", "--output", out + "/roster.txt"],
            ["roster", "mini-2024", "--format", "csv", "--output", out + "/roster.csv"],
            ["audit", "mini-2024", "--output", out + "/audit.txt"],
            ["export", "attendance", "mini-2024", "--include-unmarked", "--output", out + "/attendance.csv"],
            ["export", "course", "mini-2024", "--output", out + "/course.yaml"],
            ["report", "mini-2024", "--output", out + "/report.txt"],
            ["sheet", "mini-2024", "am", "--output", out + "/sheet.html"],
            ["certificates", "mini-2024", "--output", out + "/certificates.txt"],
            ["person", "export", "T-001", "--output", out + "/T-001.json"],
        ]
        for round in 0..<3 {
            for args in exports {
                let r = try muster(args)
                #expect(r.status == 0, "round \(round) \(args): \(r.stderr)")
            }
        }
        FileManager.default.createFile(atPath: stop, contents: nil)
        reader.waitUntilExit()
        try sink.close()
        let read = try String(contentsOfFile: captured, encoding: .utf8)
        // The reader did look: it saw the files (their names), it just could not open them.
        #expect(read.contains("reads ") && !read.hasSuffix("reads 0\n"), "\(read.suffix(200))")
        for secret in ["Núñez", "@example.org", "at the ministry", "T-001"] {
            #expect(!read.contains(secret), "another user read \(secret)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: out) {
            let mode = try FileManager.default.attributesOfItem(atPath: out + "/" + name)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
    }
}
