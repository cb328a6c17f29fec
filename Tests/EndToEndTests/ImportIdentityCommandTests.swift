import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `import roster` through the real binary keeps people apart whose e-mails differ, and its
/// summary adds up to the rows read (issue 14, item 1).
@Suite struct ImportIdentityCommandTests {
    let dir = TemporaryDirectory("cli-identity")
    var db: String { dir.file("lib.sqlite") }

    /// A library seeded with the mini course; `empty`: with its sessions but nobody enrolled, so
    /// every name of a file is new to it.
    func muster(_ args: String..., empty: Bool = false) throws -> MusterBinary.Result {
        let courses = dir.file("courses")
        if !FileManager.default.fileExists(atPath: courses) {
            try FileManager.default.createDirectory(atPath: courses, withIntermediateDirectories: true)
            let yaml = Fixtures.miniCourseYAML
            dir.write("courses/mini.yaml", empty ? String(yaml[..<yaml.range(of: "participants:")!.lowerBound]) : yaml)
        }
        return try MusterBinary.run(args + ["--db", db, "--courses", courses], home: dir.path)
    }

    /// The roster's rows (the CSV's header left out).
    func rosterRows() throws -> [Substring] {
        try muster("roster", "mini-2024", "--format", "csv").stdout.split(whereSeparator: \.isNewline).dropFirst().map { $0 }
    }

    /// How many people named José García Pérez the course's roster lists.
    func joses() throws -> Int {
        let rows = try rosterRows()
        let n = rows.filter { $0.contains("García Pérez") }.count
        if n != 3 { Issue.record("roster: \(rows)") }
        return n
    }

    @Test func threeJoseGarciaPerezFromMexicoAreThreePeopleAndAReimportChangesNothing() throws {
        let file = dir.write(
            "joses.csv",
            """
            First name,Last name,Email,Country
            José,García Pérez,jose.garcia@example.org,Mexico
            José,García Pérez,jgarcia@example.mx,Mexico
            José,García Pérez,jose.garcia.perez@example.com,Mexico

            """)
        let first = try muster("import", "roster", "mini-2024", file)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("new 3 · matched 0 · rejected 0 · skipped 0 = 3 rows; updated 0\n"), "\(first.stdout)")
        #expect(try joses() == 3)
        let again = try muster("import", "roster", "mini-2024", file)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("new 0 · matched by e-mail 3 · rejected 0 · skipped 0 = 3 rows; updated 0\n"), "\(again.stdout)")
        #expect(again.stdout.hasSuffix("nothing to change: the library already has all of it\n"))
        #expect(try joses() == 3)
        // A fourth, with a fourth e-mail: someone new, listed for review beside the three.
        let fourth = dir.write("fourth.csv", "First name,Last name,Email,Country\nJosé,García Pérez,jgp@example.net,MX\n")
        let more = try muster("import", "roster", "mini-2024", fourth)
        #expect(more.stdout.contains("new 0 · matched 0 · possible duplicates 1 (kept as new people) · rejected 0"), "\(more.stdout)")
        #expect(more.stdout.contains("  line 2: MX-004 José García Pérez, like MX-001, MX-002, MX-003\n"), "\(more.stdout)")
    }

    @Test func theGeneratorsRosterImportsAsExactlyItsPeople() throws {
        let csv = dir.file("generated.csv")
        let generated = try MusterBinary.run(
            [
                "dev", "generate", "--db", dir.file("generated.sqlite"), "--no-seed", "--people", "2000", "--courses", "1",
                "--sessions", "1", "--events", "0", "--csv", csv,
            ], home: dir.path)
        #expect(generated.status == 0, "\(generated.stderr)")
        // The generator draws names from a few thousand, so 2,000 people share some: the rows this
        // test is about (same name and country, different e-mails).
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.count == 2000)
        // Split as bytes: a comma before a combining mark is one Character with it.
        let fields = rows.map { $0.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { String($0)! } }
        #expect(Set(fields.map { "\($0[0])|\($0[1])|\($0[4])" }).count < 1990, "too few shared names to test anything")
        #expect(Set(fields.map { $0[2] }).count == 2000)  // every e-mail differs

        #expect(try muster("courses", empty: true).status == 0)
        #expect(try rosterRows().isEmpty)
        let imported = try muster("import", "roster", "mini-2024", csv)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stdout.contains("new 2,000 · matched 0 · rejected 0 · skipped 0 = 2,000 rows; updated 0\n"),
            "\(imported.stdout.prefix(400))")
        #expect(try rosterRows().count == 2000)
    }
}
