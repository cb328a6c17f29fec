import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `muster person merge` and `muster person unmerge` through the real binary: the preview, the
/// merge, and an unmerge in a later process that gives back both people's exports byte for byte.
@Suite struct PersonMergeCommandTests {
    let dir = TemporaryDirectory("person-merge-cli")
    var db: String { dir.file("lib.sqlite") }
    var nowFile: String { dir.file("now") }

    /// A library seeded with the mini course; the clock is the time in `now` (fixed, so an
    /// export's `exportedAt` is the same in every process).
    func muster(_ args: String...) throws -> MusterBinary.Result {
        let courses = dir.file("courses")
        if !FileManager.default.fileExists(atPath: courses) {
            try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
            dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        }
        return try MusterBinary.run(
            args + ["--db", db, "--courses", courses], home: dir.path, environment: ["MUSTER_NOW_FILE": nowFile])
    }

    func at(_ time: String) { dir.write("now", "2024-05-07T\(time):00+09:00") }

    func ok(_ r: MusterBinary.Result, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(r.status == 0, "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    @Test func mergeThenUnmergeInAnotherProcessGivesBackBothExportsByteForByte() throws {
        at("10:00")
        _ = ok(try muster("mark", "mini-2024", "am", "T-001", "absent"))
        at("10:05")
        _ = ok(try muster("mark", "mini-2024", "am", "T-003", "present"))
        at("14:00")
        _ = ok(try muster("mark", "mini-2024", "pm", "T-003", "late", "--arrival", "13:20"))
        at("18:00")
        let before = try ["T-001", "T-003"].map { ok(try muster("person", "export", $0)) }

        let preview = ok(try muster("person", "merge", "T-001", "T-003", "--dry-run"))
        #expect(preview.contains("Merge T-003 Nguyễn Văn A into T-001 José Núñez"), "\(preview)")
        #expect(preview.contains("mini-2024: both enrolled (T-001 confirmed, T-003 nominated); keeps the stronger, T-001's confirmed"))
        #expect(preview.contains("mini-2024 am: T-003 present, T-001 absent; by the attendance rule T-003's decides: present"))
        #expect(preview.contains("mini-2024 pm: T-003 late, recorded again for T-001"))
        #expect(preview.hasSuffix("dry run: nothing was changed\n"))
        #expect(ok(try muster("roster", "mini-2024")).contains("T-003"))

        let merged = ok(try muster("person", "merge", "T-001", "T-003"))
        #expect(merged.contains("merged T-003 into T-001"), "\(merged)")
        #expect(!ok(try muster("roster", "mini-2024")).contains("T-003"))
        #expect(ok(try muster("person", "export", "T-001")) != before[0])

        // A new process: the merge is read back from the library's change log.
        let unmerged = ok(try muster("person", "unmerge", "T-003"))
        #expect(unmerged.contains("unmerged: T-003 Nguyễn Văn A merged into T-001 José Núñez"), "\(unmerged)")
        let after = try ["T-001", "T-003"].map { ok(try muster("person", "export", $0)) }
        #expect(after == before)
        #expect(ok(try muster("roster", "mini-2024")).contains("T-003"))
        // And the audit still lists both.
        let audit = ok(try muster("audit", "mini-2024"))
        #expect(audit.contains("T-003 Nguyễn Văn A merged into T-001") && audit.contains("undo: T-003"))
    }

    @Test func refusalsAreOneLineWithExitStatusOne() throws {
        at("10:00")
        _ = ok(try muster("courses"))
        for (args, fragment) in [
            (["person", "merge", "T-001", "t-001"], "choose another person to merge into"),
            (["person", "merge", "T-001", "NOPE-9"], "NOPE-9"),
            (["person", "unmerge", "T-002"], "T-002 was never merged"),
        ] {
            let again = try MusterBinary.run(
                args + ["--db", db, "--courses", dir.file("courses")], home: dir.path, environment: ["MUSTER_NOW_FILE": nowFile])
            #expect(again.status == 1, "\(args)")
            #expect(again.stdout.isEmpty)
            #expect(again.stderr.hasPrefix("muster: ") && again.stderr.contains(fragment), "\(again.stderr)")
            #expect(again.stderr.split(separator: "\n").count == 1)
        }
    }
}
