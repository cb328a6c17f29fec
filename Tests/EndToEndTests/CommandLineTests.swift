import Foundation
import GRDB
import LibraryTestSupport
import Testing
import TestSupport

/// Every command of the command line, through the real binary, including its errors.
@Suite struct CommandLineTests {
    let dir = TemporaryDirectory("cli")
    var db: String { dir.file("lib.sqlite") }

    /// A library seeded from a folder holding only the mini course.
    func muster(_ args: String..., stdin: String? = nil) throws -> MusterBinary.Result {
        let courses = dir.file("courses")
        if !FileManager.default.fileExists(atPath: courses) {
            try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
            dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        }
        return try MusterBinary.run(args + ["--db", db, "--courses", courses], home: dir.path, stdin: stdin)
    }

    func expectError(_ r: MusterBinary.Result, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status != 0, sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("muster: "), sourceLocation: sourceLocation)
        #expect(r.stderr.contains(fragment), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)", sourceLocation: sourceLocation)
    }

    /// `muster course copy`: next year's run, dates moved, roster nominated; its mistakes one line each.
    @Test func courseCopyMakesTheNextRun() throws {
        let r = try muster("course", "copy", "mini-2024", "mini-2025", "--start", "2025-05-06", "--with-roster")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Copied mini-2024 to mini-2025: 6 May 2025, 2 sessions moved 364 days, "), "\(r.stdout)")
        let sessions = try muster("sessions", "mini-2025")
        #expect(sessions.stdout.contains("am  2025-05-06 09:00  12:00"), "\(sessions.stdout)")
        let roster = try muster("roster", "mini-2025")
        #expect(roster.stdout.contains("T-001") && !roster.stdout.contains("confirmed"))
        expectError(try muster("course", "copy", "mini-2024", "mini-2025", "--start", "2026-05-05"), "a course 'mini-2025' already exists")
        expectError(try muster("course", "copy", "mini-2024", "mini-x", "--start", "2026-02-30"), "is not a date like 2025-05-06")
        expectError(try muster("course", "copy", "nope", "mini-x", "--start", "2026-02-03"), "unknown course 'nope'")
    }

    @Test func coursesListsTheSeededCourse() throws {
        let r = try muster("courses")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("CODE") == true)
        #expect(
            lines.contains { $0.hasPrefix("mini-2024") && $0.contains("Mini Course") && $0.contains("7 May 2024") && $0.hasSuffix("4") })
        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func sessionsListsIdsStartsAndKinds() throws {
        let r = try muster("sessions", "mini-2024")
        #expect(r.status == 0)
        #expect(r.stdout.contains("am  2024-05-07 09:00  12:00  Morning"))
        #expect(r.stdout.contains("pm  2024-05-07 13:00  17:00  Afternoon (core)  module  in-person"))
        #expect(r.stdout.split(separator: "\n").first?.hasSuffix("KIND    MODALITY") == true, "\(r.stdout)")
        expectError(try muster("sessions", "nope"), "unknown course 'nope'")
    }

    /// A session held online from another zone shows its modality and, in a column that only
    /// appears then, its zone; its times are that zone's.
    @Test func sessionsShowModalityAndAZoneThatDiffers() throws {
        let yaml = Fixtures.miniCourseYAML.replacingOccurrences(
            of: "  start: 2024-05-07 13:00\n  end: 2024-05-07 17:00\n",
            with: "  start: 2024-05-06 13:00\n  end: 2024-05-06 17:00\n  time_zone: America/Costa_Rica\n  modality: online\n")
        #expect(yaml != Fixtures.miniCourseYAML)
        dir.write("other.yaml", yaml.replacingOccurrences(of: "code: mini-2024", with: "code: mini-zones"))
        #expect(try muster("import", "course", dir.file("other.yaml")).status == 0)
        let r = try muster("sessions", "mini-zones")
        let lines = r.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
        #expect(lines.first?.hasSuffix("MODALITY   ZONE") == true, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("am ") && $0.hasSuffix("in-person") }, "\(r.stdout)")
        #expect(
            lines.contains { $0.hasPrefix("pm  2024-05-06 13:00  17:00") && $0.hasSuffix("online     America/Costa_Rica") }, "\(r.stdout)")
    }

    @Test func rosterAsTextAlignsWideNames() throws {
        let r = try muster("roster", "mini-2024")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
        let li = try #require(lines.first { $0.hasPrefix("T-002") })
        let jose = try #require(lines.first { $0.hasPrefix("T-001") })
        // "李, 小龍" is 8 columns wide but 5 characters: the next column must still line up.
        #expect(li.range(of: " M ")?.lowerBound.utf16Offset(in: li) != nil)
        #expect(jose.contains("Núñez, José"))
        #expect(r.stdout.contains("substituted by T-001"))
    }

    @Test func rosterAsCSV() throws {
        let r = try muster("roster", "mini-2024", "--format", "csv")
        #expect(r.status == 0)
        let lines = r.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "code,given_name,family_name,sex,country,agency,role,status")
        #expect(lines[1] == "T-001,José,Núñez,male,PW,BIM,participant,confirmed")
        #expect(lines.contains("T-004,Mary,O'Neil-Smith,female,PW,IOM,facilitator,confirmed"))
        expectError(try muster("roster", "mini-2024", "--format", "xml"), "xml")
    }

    /// Issue 21, item 2: `roster` and `audit` write files themselves, private, so nobody needs `>`.
    @Test func rosterAndAuditWriteAPrivateFileWithO() throws {
        let roster = dir.file("roster.csv"), audit = dir.file("audit.txt")
        let runs = [
            (roster, try muster("roster", "mini-2024", "--format", "csv", "-o", roster)),
            (audit, try muster("audit", "mini-2024", "-o", audit)),
        ]
        for (path, r) in runs {
            #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("T-001"))
        }
    }

    @Test func markUndoAndExportAttendance() throws {
        #expect(try muster("mark", "mini-2024", "am", "T-001", "present").status == 0)
        #expect(try muster("mark", "mini-2024", "am", "t-002", "late").status == 0)
        #expect(try muster("mark", "mini-2024", "am", "T-003", "excused", "--note", "ministry meeting").status == 0)
        #expect(try muster("mark", "mini-2024", "pm", "T-001", "absent").status == 0)
        let undo = try muster("undo", "mini-2024", "pm", "T-001")
        #expect(undo.status == 0)
        #expect(undo.stdout.contains("undid absent"))
        let export = try muster("export", "attendance", "mini-2024", "--format", "csv")
        #expect(export.status == 0)
        let lines = export.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(
            lines[0]
                == "course,session,session_start,participant,given_name,family_name,sex,country,agency,role,status,arrival,departure,recorded_at,source,device,note,actor"
        )
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("mini-2024,am,2024-05-07T09:00:00+09:00,T-001,José,Núñez,male,PW,pw-bim,participant,present,,,"))
        #expect(lines[2].contains(",T-002,小龍,李,male,PW,pw-bim,participant,late,2"))
        #expect(lines[3].contains(",T-003,") && lines[3].contains(",excused,") && lines[3].contains(",cli,"))
    }

    @Test func markErrors() throws {
        expectError(try muster("mark", "nope", "am", "T-001", "present"), "unknown course 'nope'")
        expectError(try muster("mark", "mini-2024", "zz", "T-001", "present"), "unknown session 'zz'")
        expectError(try muster("mark", "mini-2024", "am", "ZZ-1", "present"), "unknown participant 'ZZ-1'")
        expectError(try muster("mark", "mini-2024", "am", "T-001", "here"), "bad status 'here'")
        expectError(try muster("undo", "mini-2024", "am", "T-001"), "nothing to undo")
        let export = try muster("export", "attendance", "mini-2024")
        #expect(export.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1)  // nothing was written
    }

    @Test func exportAndImportCourseRoundTrip() throws {
        let exported = try muster("export", "course", "mini-2024")
        #expect(exported.status == 0)
        let out = dir.file("out.yaml")
        #expect(try muster("export", "course", "mini-2024", "-o", out).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == exported.stdout)
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        let other = dir.file("other.sqlite")
        let r = try MusterBinary.run(["import", "course", out, "--db", other, "--no-seed"], home: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("imported mini-2024: 2 sessions, 5 participants"))
        let again = try MusterBinary.run(["export", "course", "mini-2024", "--db", other, "--no-seed"], home: dir.path)
        #expect(again.stdout == exported.stdout)
    }

    @Test func importErrorsChangeNothing() throws {
        expectError(try muster("import", "course", dir.file("missing.yaml")), "cannot read")
        let bad = dir.write("bad.yaml", Fixtures.miniCourseYAML.replacingOccurrences(of: "agency: iom", with: "agency: ghost"))
        expectError(try muster("import", "course", bad), "unknown agency 'ghost'")
        expectError(try muster("export", "course", "nope"), "unknown course")
        expectError(
            try MusterBinary.run(
                ["courses", "--courses", dir.file("no-such-dir"), "--db", dir.file("fresh.sqlite")],
                home: dir.path), "no such folder")
    }

    @Test func lockedDatabaseIsOneLineAndWritesNothing() throws {
        #expect(try muster("courses").status == 0)
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // hold the lock across accesses, as a stuck process would
        let holder = try DatabaseQueue(path: db, configuration: config)
        try holder.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        let r = try MusterBinary.run(
            ["mark", "mini-2024", "am", "T-001", "present", "--db", db], home: dir.path,
            environment: ["MUSTER_BUSY_TIMEOUT_MS": "200"])
        #expect(r.status != 0)
        #expect(r.stderr == "muster: the database \(db) is locked by another process; try again, or close the other Muster\n")
        try holder.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        let export = try muster("export", "attendance", "mini-2024")
        #expect(export.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1)
    }

    @Test func unreadableDatabaseIsOneLine() throws {
        let junk = dir.write("junk.sqlite", String(repeating: "garbage ", count: 512))
        let r = try MusterBinary.run(["courses", "--db", junk], home: dir.path)
        #expect(r.status != 0)
        #expect(r.stderr.hasPrefix("muster: cannot read \(junk)"))
    }

    @Test func defaultDatabaseFollowsXDGAndMusterDB() throws {
        let courses = dir.file("courses")
        try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
        dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        let xdg = dir.file("xdg")
        #expect(try MusterBinary.run(["courses", "--courses", courses], home: dir.path, environment: ["XDG_DATA_HOME": xdg]).status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(xdg)/muster/muster.sqlite"))
        let viaEnv = dir.file("env.sqlite")
        #expect(try MusterBinary.run(["courses", "--courses", courses], home: dir.path, environment: ["MUSTER_DB": viaEnv]).status == 0)
        #expect(FileManager.default.fileExists(atPath: viaEnv))
    }
}

@Suite struct PrivacyCommandTests {
    let dir = TemporaryDirectory("privacy-cli")

    func muster(_ args: String...) throws -> MusterBinary.Result {
        let courses = dir.file("courses")
        if !FileManager.default.fileExists(atPath: courses) {
            try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
            dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
        }
        return try MusterBinary.run(args + ["--db", dir.file("lib.sqlite"), "--courses", courses], home: dir.path)
    }

    @Test func personExportEraseAndPurge() throws {
        let json = try muster("person", "export", "T-001")
        #expect(json.status == 0 && json.stdout.contains("\"email\" : \"jose.nunez@example.org\""))
        let out = dir.file("jose.json")
        #expect(try muster("person", "export", "T-001", "--format", "text", "-o", out).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)

        let refused = try muster("person", "erase", "T-001")
        #expect(refused.status != 0 && refused.stderr.contains("--confirm"))
        let erased = try muster("person", "erase", "T-001", "--confirm", "--keep-statistics")
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(try muster("roster", "mini-2024").stdout.contains("Núñez") == false)
        #expect(try muster("person", "export", "T-001").stderr.contains("unknown participant"))

        let dry = try muster("purge", "--before", "2030-01-01", "--dry-run")
        #expect(dry.status == 0 && dry.stdout.contains("mini-2024") && dry.stdout.contains("nothing was changed"))
        #expect(try muster("roster", "mini-2024").stdout.contains("O'Neil-Smith"))
        #expect(try muster("purge", "--before", "2030-01-01").stdout.contains("erased 4 people"))
        #expect(try muster("roster", "mini-2024").stdout.contains("O'Neil-Smith") == false)
        #expect(try muster("purge", "--before", "tomorrow").stderr.contains("is not a date"))
    }

    @Test func auditListsWhoDidWhatAndErasuresWithoutNames() throws {
        #expect(try muster("mark", "mini-2024", "am", "T-002", "late").status == 0)
        #expect(try muster("undo", "mini-2024", "am", "T-002").status == 0)
        #expect(try muster("person", "erase", "T-003", "--confirm", "--reason", "asked on 2026-11-20").status == 0)
        let csv = try muster("audit", "mini-2024", "--format", "csv")
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "at,actor,device,source,subject,what")
        // The seed: one import entry per person, attributable like the rest.
        let imports = lines.filter { $0.contains(",import,") }
        #expect(imports.count == 5 && imports.allSatisfy { $0.contains(",tester,") })
        #expect(imports.contains { $0.hasSuffix(",T-001,course file mini-2024: added T-001 José Núñez") })
        let rest = lines.dropFirst().filter { !$0.contains(",import,") }
        #expect(rest.count == 3)
        #expect(rest[0].contains(",tester,") && rest[0].contains(",cli,T-002 in am,late"))
        #expect(rest[1].contains(",cli,T-002 in am,undo ") && rest[1].hasSuffix("now cleared"))
        #expect(rest[2].contains(",erasure,X-") && rest[2].hasSuffix(",erased: asked on 2026-11-20"))
        #expect(!csv.stdout.contains("Nguyễn"))
        #expect(try muster("audit", "nope").stderr.contains("unknown course"))
    }

    @Test func coursesPastTheirRetentionArePurgedWithExpired() throws {
        let kept = Fixtures.miniCourseYAML.replacingOccurrences(
            of: "late_after_minutes: 15\n", with: "late_after_minutes: 15\nretention: 1 year\n")
        try FileManager.default.createDirectory(atPath: dir.file("courses"), withIntermediateDirectories: true)
        dir.write("courses/mini.yaml", kept)
        let courses = try muster("courses")
        #expect(courses.stdout.contains("RETENTION") && courses.stdout.contains("PAST: 1 year, until 2025-05-07"))
        #expect(courses.stdout.contains("1 course is PAST retention") && courses.stdout.contains("muster purge --expired --dry-run"))

        let dry = try muster("purge", "--expired", "--dry-run")
        #expect(dry.status == 0 && dry.stdout.contains("mini-2024 (ended 2024-05-07, kept 1 year until 2025-05-07): 5 people"))
        #expect(dry.stdout.contains("nothing was changed"))
        #expect(try muster("roster", "mini-2024").stdout.contains("Núñez"))
        let purge = try muster("purge", "--expired")
        #expect(purge.status == 0 && purge.stdout.contains("erased 5 people"), "\(purge.stderr)")
        #expect(try muster("roster", "mini-2024").stdout.contains("Núñez") == false)
        #expect(try muster("courses").stdout.contains("PAST") == false)  // nobody named is left
        #expect(try muster("audit", "mini-2024").stdout.contains("retention period over (mini-2024: 1 year after 2024-05-07)"))

        #expect(try muster("purge").stderr.contains("either --before DATE or --expired"))
        #expect(try muster("purge", "--expired", "--before", "2030-01-01").stderr.contains("either --before DATE or --expired"))
        let bad = Fixtures.miniCourseYAML.replacingOccurrences(
            of: "late_after_minutes: 15\n", with: "late_after_minutes: 15\nretention: 5y\n")
        dir.write("bad.yaml", bad)
        let refused = try muster("import", "course", dir.file("bad.yaml"))
        #expect(refused.status != 0 && refused.stderr.contains("retention '5y' must be a number and a unit"))
    }
}
