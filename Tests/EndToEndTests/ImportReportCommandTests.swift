import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `import roster`, `export attendance`, `report`, `sheet` and `certificates` through the real binary.
@Suite struct ImportReportCommandTests {
    let dir = TemporaryDirectory("cli-import")
    var db: String { dir.file("lib.sqlite") }

    /// A library seeded with the mini course and the Palau course.
    func muster(_ args: String...) throws -> MusterBinary.Result {
        let courses = dir.file("courses")
        if !FileManager.default.fileExists(atPath: courses) {
            try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
            dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
            try FileManager.default.copyItem(atPath: ImportFixtures.course("palau-mmc-2024"), toPath: dir.file("courses/palau.yaml"))
        }
        return try MusterBinary.run(args + ["--db", db, "--courses", courses], home: dir.path)
    }

    func expectError(_ r: MusterBinary.Result, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status != 0, sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "stdout: \(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("muster: "), sourceLocation: sourceLocation)
        #expect(r.stderr.contains(fragment), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func importRosterDryRunThenRealThenAgain() throws {
        let file = ImportFixtures.roster("moodle-palau.txt")
        let dry = try muster("import", "roster", "palau-mmc-2024", file, "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Moodle attendance export (UTF-8, tab-separated), 3 rows for palau-mmc-2024"))
        #expect(dry.stdout.contains("new 1 · matched by e-mail 2 · rejected 0 · skipped 0 = 3 rows; updated 0\n"))
        #expect(dry.stdout.contains("  line 5: PW-001 Ana Tellei (by e-mail)\n"))
        #expect(dry.stdout.contains("attendance events: 7 new, 0 already recorded"))
        #expect(dry.stdout.hasSuffix("dry run: nothing was written\n"))
        #expect(try muster("roster", "palau-mmc-2024").stdout.contains("P-001") == false)

        let real = try muster("import", "roster", "palau-mmc-2024", file)
        #expect(real.status == 0)
        #expect(real.stdout.hasSuffix("imported\n"))
        #expect(
            try muster("roster", "palau-mmc-2024").stdout.split(separator: "\n").contains {
                $0.hasPrefix("P-001 ") && $0.contains("Uludong, Moses")
            })

        let again = try muster("import", "roster", "palau-mmc-2024", file)
        #expect(again.stdout.contains("new 0 · matched by e-mail 3 · rejected 0 · skipped 0 = 3 rows; updated 0\n"))
        #expect(again.stdout.contains("attendance events: 0 new, 7 already recorded"))
        #expect(again.stdout.hasSuffix("nothing to change: the library already has all of it\n"))
    }

    @Test func importRosterWithMapAndFormat() throws {
        let csv = dir.write(
            "list.csv",
            "Apellido;Nombre;Correo;Tipo\nMesebeluu;Dirremei;;observadora\nKuartei;Tina;tina@example.org;observer\n")
        let r = try muster("import", "roster", "palau-mmc-2024", csv, "--map", "Tipo=role", "--format", "generic")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("generic roster (UTF-8, semicolon-separated)"))
        #expect(r.stdout.contains("line 2: PW-018 Dirremei Mesebeluu (by name on the roster)"))
        #expect(r.stdout.contains("line 3: P-001 Tina Kuartei"))
        #expect(
            try muster("roster", "palau-mmc-2024", "--format", "csv").stdout.contains(
                "P-001,Tina,Kuartei,not-disclosed,,,observer,nominated"))
    }

    @Test func importRosterErrors() throws {
        let good = ImportFixtures.roster("moodle-palau.txt")
        expectError(try muster("import", "roster", "nope", good), "unknown course 'nope'")
        expectError(try muster("import", "roster", "mini-2024", dir.file("missing.csv")), "cannot read \(dir.file("missing.csv"))")
        expectError(try muster("import", "roster", "mini-2024", good, "--format", "xlsx"), "xlsx")
        expectError(try muster("import", "roster", "mini-2024", good, "--map", "Email"), "--map 'Email': use COLUMN=FIELD")
        expectError(try muster("import", "roster", "mini-2024", good, "--time-zone", "Mars/Olympus"), "unknown time zone 'Mars/Olympus'")
        let unclosed = dir.write("unclosed.csv", "given,family\nAna,Tellei\n\"Kelvin,Rechebei\nDilmei,N\n")
        expectError(
            try muster("import", "roster", "mini-2024", unclosed),
            "\(unclosed): line 3: a quoted field opened on this line is never closed")
        let zip = dir.file("book.csv")
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 100)).write(to: URL(fileURLWithPath: zip))
        expectError(try muster("import", "roster", "mini-2024", zip), "this is a ZIP archive")
        let rejected = dir.write("rejected.csv", "given,family,email\nAna,Ngiraked,a@example.org\n,,b@example.org\n")
        let before = try muster("roster", "mini-2024").stdout
        expectError(
            try muster("import", "roster", "mini-2024", rejected),
            "1 row rejected (line 3: no name); nothing was imported. Fix the file, or import the other rows with --skip-rejected")
        #expect(try muster("roster", "mini-2024").stdout == before)
        let partial = try muster("import", "roster", "mini-2024", rejected, "--skip-rejected")
        #expect(partial.status == 0 && partial.stdout.contains("rejected:\n  line 3: no name\n"))
    }

    /// A large file's receipt stays readable: one line per reason however many rows share it,
    /// the first 50 matched people and a count of the rest; `--verbose` lists every row.
    @Test func aLargeFilesReceiptSaysEachReasonOnce() throws {
        let rows = (0..<120).map { i in "Given\(i),Family\(i),p\(i)@example.org,\(i % 2 == 0 ? "IGM" : "pw-bim"),PW" }
        let csv = dir.write("many.csv", "given,family,email,agency,country\n" + rows.joined(separator: "\n") + "\n")
        let listed = try muster("import", "roster", "mini-2024", csv, "--verbose", "--dry-run")
        #expect(listed.stdout.split(separator: "\n").filter { $0.hasSuffix("is not in the library; noted on the enrolment") }.count == 60)
        #expect(listed.stdout.contains("  line 120: agency 'IGM' is not in the library; noted on the enrolment\n"))
        let first = try muster("import", "roster", "mini-2024", csv)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout.contains(
                "warnings:\n  lines 2, 4, 6 and 57 more: agency 'IGM' is not in the library; noted on the enrolment\nimported\n"),
            "\(first.stdout)")
        #expect(first.stdout.contains("  … and 70 more (--verbose lists them all)\n"))
        let again = try muster("import", "roster", "mini-2024", csv)
        #expect(again.stdout.contains("matched by e-mail 120"))
        #expect(again.stdout.split(separator: "\n").count < 60, "\(again.stdout)")
        #expect(again.stdout.contains("  … and 70 more (--verbose lists them all)\n"))
        let verbose = try muster("import", "roster", "mini-2024", csv, "--verbose", "--dry-run")
        #expect(verbose.stdout.split(separator: "\n").filter { $0.contains("(by e-mail)") }.count == 120)
    }

    @Test func exportAttendanceLayoutsAndFormats() throws {
        #expect(try muster("mark", "mini-2024", "am", "T-001", "present").status == 0)
        #expect(try muster("mark", "mini-2024", "pm", "T-001", "late").status == 0)
        let wide = try muster("export", "attendance", "mini-2024", "--layout", "wide")
        #expect(wide.status == 0)
        let lines = wide.stdout.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "participant,given_name,family_name,sex,country,agency,role,nomination,am,pm,attended,sessions,rate_percent,completed,missed_core"
        )
        #expect(lines[1] == "T-001,José,Núñez,male,PW,pw-bim,participant,confirmed,P,L,2,2,100.0,yes,")
        #expect(lines[2] == "T-002,小龍,李,male,PW,pw-bim,participant,confirmed,,,0,2,0.0,no,")
        let json = try muster("export", "attendance", "mini-2024", "--format", "json")
        let objects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]]
        #expect(objects?.count == 2 && objects?[0]["status"] == "present" && objects?[0]["participant"] == "T-001")
        let tsv = try muster("export", "attendance", "mini-2024", "--format", "tsv", "--bom")
        #expect(tsv.stdout.hasPrefix("\u{FEFF}course\tsession\tsession_start\t"))
        let out = dir.file("wide.json")
        #expect(try muster("export", "attendance", "mini-2024", "--layout", "wide", "--format", "json", "-o", out).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        expectError(try muster("export", "attendance", "mini-2024", "--layout", "tall"), "tall")
        expectError(try muster("export", "attendance", "nope", "--layout", "wide"), "unknown course 'nope'")
    }

    @Test func longExportReimportsIntoAnotherLibrary() throws {
        #expect(try muster("mark", "mini-2024", "am", "T-001", "present").status == 0)
        #expect(try muster("mark", "mini-2024", "am", "T-002", "late").status == 0)
        let export = try muster("export", "attendance", "mini-2024")
        let file = dir.write("long.csv", export.stdout)
        let other = dir.file("other.sqlite"), courses = dir.file("courses")
        let r = try MusterBinary.run(["import", "roster", "mini-2024", file, "--db", other, "--courses", courses], home: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Muster long attendance export"))
        let again = try MusterBinary.run(["export", "attendance", "mini-2024", "--db", other, "--courses", courses], home: dir.path)
        #expect(again.stdout == export.stdout)
    }

    @Test func reportFormatsAndErrors() throws {
        let text = try muster("report", "palau-mmc-2024", "--by", "sex,agency-kind")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Migration Management Course, Palau (palau-mmc-2024)\n====="))
        #expect(
            text.stdout.contains(
                "\nBy sex\n------\nSEX            NOMINATED  EXPECTED  SHARE  ATTENDANCE  COMPLETED  COMPLETION  CERTIFICATES\n"))
        #expect(text.stdout.contains("\nFemale                15        15    56%          0%          0          0%             0\n"))
        #expect(text.stdout.contains("By agency kind"))
        let md = try muster("report", "palau-mmc-2024", "--format", "markdown")
        #expect(md.stdout.contains("## By country\n\n| COUNTRY | NOMINATED |"))
        let csv = try muster("report", "palau-mmc-2024", "--format", "csv", "--by", "role")
        #expect(
            csv.stdout.contains(
                "\r\nBy role\r\nROLE,NOMINATED,EXPECTED,SHARE,ATTENDANCE,COMPLETED,COMPLETION,CERTIFICATES\r\nParticipant,30,27,100%"))
        let all = try muster("report", "--all", "--from", "2024-01-01", "--to", "2024-12-31")
        #expect(all.status == 0)
        #expect(all.stdout.contains("palau-mmc-2024") && all.stdout.contains("mini-2024"))
        expectError(try muster("report"), "name one course, or use --all")
        expectError(try muster("report", "palau-mmc-2024", "--by", "height"), "unknown breakdown 'height'")
        expectError(try muster("report", "--all", "--from", "2024-02-30"), "--from '2024-02-30' is not a date")
        expectError(try muster("report", "palau-mmc-2024", "--from", "2024-01-01"), "--from and --to go with --all")
        expectError(try muster("report", "nope"), "unknown course 'nope'")
    }

    @Test func signInSheet() throws {
        let text = try muster("sheet", "mini-2024", "am")
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Sign-in sheet — Mini Course\nSession am: Morning\nTue 7 May 09:00–12:00 (Pacific/Palau)\nSheet "))
        #expect(text.stdout.contains("T-001  Núñez, José"))
        #expect(text.stdout.contains("________________________"))
        let out = dir.file("sheet.html")
        #expect(try muster("sheet", "mini-2024", "pm", "--format", "html", "-o", out).status == 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<td>T-004</td>"))
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        expectError(try muster("sheet", "mini-2024", "zz"), "unknown session 'zz'")
        expectError(try muster("sheet", "mini-2024", "am", "--blank", "500"), "--blank must be between 0 and 200")
    }

    @Test func certificates() throws {
        let none = try muster("certificates", "mini-2024")
        #expect(none.stdout == "0 eligible for a certificate of Mini Course\n\n")
        #expect(try muster("mark", "mini-2024", "pm", "T-001", "present").status == 0)
        let text = try muster("certificates", "mini-2024")
        #expect(
            text.stdout.hasPrefix(
                "1 eligible for a certificate of Mini Course\n\nCODE   NAME        SESSIONS  AGENCY\nT-001  José Núñez       1/2  Bureau of Immigration\n"
            ))
        #expect(text.stdout.contains("CERTIFICATE OF ATTENDANCE"))
        let html = try muster("certificates", "mini-2024", "--format", "html")
        #expect(html.stdout.contains("<p class=\"name\">José Núñez</p>"))
        expectError(try muster("certificates", "nope"), "unknown course 'nope'")
        expectError(try muster("certificates", "mini-2024", "--format", "pdf"), "pdf")
    }
}
