import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `muster import roster` with Zoom and Teams reports of one meeting holding three sessions,
/// through the real binary, files in the tools' own layouts.
@Suite struct MeetingImportCommandTests {
    let dir = TemporaryDirectory("cli-meeting")
    var db: String { dir.file("lib.sqlite") }
    let course = CaribbeanDay1.course

    func muster(_ args: String...) throws -> MusterBinary.Result {
        let courses = dir.file("courses")
        if !FileManager.default.fileExists(atPath: courses) {
            try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: ImportFixtures.course(course), toPath: dir.file("courses/caribbean.yaml"))
        }
        return try MusterBinary.run(args + ["--db", db, "--courses", courses], home: dir.path)
    }

    /// Per session key, [present, late, absent] from the long export.
    func exported() throws -> [String: [Int]] {
        let r = try muster("export", "attendance", course, "--format", "csv")
        #expect(r.status == 0, "\(r.stderr)")
        var out: [String: [Int]] = [:]
        for line in r.stdout.components(separatedBy: "\r\n").dropFirst() where !line.isEmpty {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let i = ["present", "late", "absent"].firstIndex(of: String(f[10])) else { continue }
            out[String(f[1]), default: [0, 0, 0]][i] += 1
        }
        return out
    }

    @Test(.seeded) func zoomReportDryRunShowsEachSessionThenImportsThem() throws {
        var rng = SeededRandom()
        let file = dir.write("zoom day 1.csv", try CaribbeanDay1.zoomReport(using: &rng))
        let dry = try muster("import", "roster", course, file, "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Zoom participants report (UTF-8, comma-separated), 168 rows for \(course)"), rng.replay)
        let sessions = ["drm", "climate", "socio"].map { "  " + CaribbeanDay1.previewLine($0) + "\n" }.joined()
        #expect(dry.stdout.contains("sessions:\n" + sessions), "\(dry.stdout.prefix(600))")
        #expect(dry.stdout.hasSuffix("dry run: nothing was written\n"))
        #expect(try exported().isEmpty)

        let real = try muster("import", "roster", course, file)
        #expect(real.status == 0, "\(real.stderr)")
        #expect(real.stdout.contains("attendance events: 426 new, 0 already recorded"))
        #expect(try exported() == CaribbeanDay1.expected, rng.replay)
    }

    @Test(.seeded) func teamsReportWithSessionChoiceAndMinPercent() throws {
        var rng = SeededRandom()
        let file = dir.file("Attendance report.csv")
        try CaribbeanDay1.teamsReport(using: &rng).write(to: URL(fileURLWithPath: file))
        let r = try muster("import", "roster", course, file, "--format", "teams", "--session", "climate", "--session", "socio")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Microsoft Teams attendance report (UTF-16 LE, tab-separated), 168 rows"))
        #expect(r.stdout.contains("note: dates read as month/day: none of them has a day over 12\n"))
        #expect(r.stdout.contains("rejected 0 · skipped 1 = 168 rows; updated 0\n"))
        #expect(r.stdout.contains(": organiser of the meeting, not a participant\n"))
        #expect(!r.stdout.contains("  drm ("))
        var expected = CaribbeanDay1.expected
        expected["drm"] = nil
        #expect(try exported() == expected, rng.replay)

        // 25 %: D's 20 minutes of climate count now; their new marks come from the same file.
        let lower = try muster("import", "roster", course, file, "--session", "climate", "--min-percent", "25", "--dry-run")
        #expect(
            lower.stdout.contains("  climate (2023-05-03 10:20–11:35): present 124, late 5, absent 13\n"), "\(lower.stdout.prefix(800))")

        let bad = try muster("import", "roster", course, file, "--session", "lunch")
        #expect(bad.status != 0 && bad.stderr.contains("unknown session 'lunch' in course '\(course)'"))
        let percent = try muster("import", "roster", course, file, "--min-percent", "120")
        #expect(percent.status != 0 && percent.stderr.contains("--min-percent must be between 0 and 100"))
    }

    @Test func helpStatesTheDefaultShare() throws {
        let help = try muster("import", "roster", "--help")
        #expect(help.stdout.contains("--min-percent <PERCENT>"))
        #expect(help.stdout.contains("(default: 50"))
        #expect(help.stdout.contains("--session <ID>"))
    }
}
