import CourseKit
import Foundation
import Testing
import TestSupport

/// docs/BAD-INPUTS.md through the whole import: a clear error with the line, or a clean import;
/// never a crash, a hang or a half-written library. Big inputs are made here, not committed.
@Suite struct ImportBadInputTests {
    let dir = TemporaryDirectory("bad")

    /// Imports `data` and expects a one-line error containing `fragment`, with the library untouched.
    func expectRefused(_ data: Data, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let before = try libraryCounts(store)
        let path = dir.file("roster.csv")
        try data.write(to: URL(fileURLWithPath: path))
        do {
            let report = try store.rosterImporter.importRoster(path: path, course: "mini-2024")
            Issue.record("imported: \(report.counts)", sourceLocation: sourceLocation)
        } catch let error as MusterError {
            #expect(error.description.hasPrefix(path + ": "), sourceLocation: sourceLocation)
            #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        }
        #expect(try libraryCounts(store) == before, "nothing half-imported", sourceLocation: sourceLocation)
    }

    let header = "given,family,email,country\n"

    @Test func invalidUTF8() throws {
        try expectRefused(
            Data((header + "José,Núñez,j@example.org,PW\nAna,").utf8) + Data([0xC0, 0xAF]) + Data(",a@example.org,PW\n".utf8),
            "line 3: invalid UTF-8 next to valid UTF-8")
    }

    @Test func windows1252ImportsAndSaysSo() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let data = Data((header + "Ren").utf8) + Data([0xE9]) + Data(",Ngirmang,rene@example.org,PW\n".utf8)
        let report = try store.rosterImporter.importRoster(data: data, name: "old.csv", course: "mini-2024")
        #expect(report.notes == ["not valid UTF-8 (line 2), read as Windows-1252"])
        #expect(report.dialect.description == "Windows-1252, comma-separated")
        #expect(try store.people.person(code: report.newPeople[0].code).givenName == "René")
    }

    @Test func nulBytes() throws {
        try expectRefused(Data((header + "Ana,Tel\u{0}lei,a@example.org,PW\n").utf8), "line 2: NUL byte in field 2")
    }

    @Test func unclosedQuote() throws {
        try expectRefused(
            Data((header + "Ana,Tellei,a@example.org,PW\n\"Kelvin,Rechebei,k@example.org,PW\nDilmei,N,d@example.org,PW\n").utf8),
            "line 3: a quoted field opened on this line is never closed")
    }

    @Test func raggedRowsTooManyFieldsAreRejectedTooFewAreFine() throws {
        try expectRefused(
            Data((header + "Ana,Tellei,a@example.org,PW\nRechebei, Kelvin,Jr,k@example.org,PW\n").utf8),
            "line 3: 5 fields but the header has 4")
        let other = TemporaryDirectory("short")
        let store = try importStore(other, courses: ["mini-2024"])
        let report = try store.rosterImporter.importRoster(
            data: Data((header + "Ana,Ngiraked\nBo,Obak,,\n").utf8), name: "short.csv", course: "mini-2024")
        #expect(report.newPeople.count == 2 && report.rejected.isEmpty)
    }

    @Test func oneMegabyteField() throws {
        try expectRefused(
            Data((header + "Ana,\(String(repeating: "x", count: 1 << 20)),a@example.org,PW\n").utf8),
            "line 2: row longer than 64 KB")
    }

    @Test func longNameIsARejectedRow() throws {
        try expectRefused(
            Data((header + "Ana,\(String(repeating: "x", count: 2_000)),a@example.org,PW\n").utf8),
            "line 2: family name longer than 1 KB")
    }

    @Test func tenThousandColumns() throws {
        let wide = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        try expectRefused(Data(("given,family," + wide + "\nAna,Tellei\n").utf8), "line 1: more than 1000 fields")
    }

    @Test func zipRenamedToCSV() throws {
        var zip = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])
        zip.append(Data((0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        try expectRefused(zip, "line 1: this is a ZIP archive (an .xlsx or .ods workbook?)")
    }

    @Test(.seeded) func randomBinary() throws {
        var generator = SeededRandom()
        let bytes = (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let store = try importStore(dir, courses: ["mini-2024"])
        let before = try libraryCounts(store)
        let error = try #require(throws: MusterError.self, generator.replay) {
            try store.rosterImporter.importRoster(data: Data(bytes), name: "noise.csv", course: "mini-2024")
        }
        #expect(error.description.hasPrefix("noise.csv: "), "\(error), \(generator.replayText)")
        #expect(error.description.contains("line "), "names the line: \(error), \(generator.replayText)")
        #expect(!error.description.contains("\n"), generator.replay)
        #expect(try libraryCounts(store) == before, generator.replay)
    }

    /// C1 controls (0x9B is a one-byte CSI to some terminals), DEL, zero-width characters, bidi
    /// isolates and no-break spaces never reach the library; the rest of the name does.
    @Test func c1ControlsZeroWidthAndBidiAreTakenOutOfNames() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try store.rosterImporter.importRoster(
            data: Data((header + "\"Ana\u{9B}31mRed\u{7F}\",\"Tel\u{200B}lei\u{2066}\u{A0}Ngirmang\u{2069}\",ar@example.org,PW\n").utf8),
            name: "c1.csv", course: "mini-2024")
        let person = try store.people.person(code: try #require(report.newPeople.first).code)
        #expect(person.familyName == "Tellei Ngirmang")
        #expect(person.givenName == "AnaRed")
        let scalars = (person.givenName + person.familyName).unicodeScalars
        #expect(!scalars.contains { NameSanitizer.isDropped($0) })
    }

    @Test func headerOnlyAndEmptyFiles() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let report = try store.rosterImporter.importRoster(data: Data(header.utf8), name: "h.csv", course: "mini-2024")
        #expect(report.rows == 0 && report.changesNothing)
        #expect(throws: MusterError.self) { try store.rosterImporter.importRoster(data: Data(), name: "empty.csv", course: "mini-2024") }
    }

    @Test func aBadRowDeepInABigFileImportsNothing() throws {
        var text = header
        for i in 0..<20_000 {
            text += i == 17_345 ? ",,nobody@example.org,PW\n" : "Given\(i),Family\(i),p\(i)@example.org,PW\n"
        }
        try expectRefused(Data(text.utf8), "1 row rejected (line 17347: no name)")
    }

    @Test func aHundredMegabyteLineIsRefusedWithoutReadingItAll() throws {
        // Streams: the error comes at 64 KB, long before the end of the line.
        let path = dir.file("huge.csv")
        _ = FileManager.default.createFile(atPath: path, contents: Data(header.utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        let block = Data(repeating: 0x41, count: 1 << 20)
        for _ in 0..<40 { try handle.write(contentsOf: block) }  // 40 MB, no newline (under the 64 MB file cap)
        try handle.close()
        let store = try importStore(dir, courses: ["mini-2024"])
        let started = Date()
        let error = try #require(throws: MusterError.self) { try store.rosterImporter.importRoster(path: path, course: "mini-2024") }
        #expect(error.description.contains("line 2: row longer than 64 KB"))
        #expect(Date().timeIntervalSince(started) < 30)  // not a timing test: a hang guard
    }

    @Test func fileOverTheCapIsRefusedBeforeReading() throws {
        let store = try importStore(dir, courses: ["mini-2024"])
        let path = dir.write("big.csv", header + String(repeating: "Ana,Tellei,a@example.org,PW\n", count: 1_000))
        let options = RosterImportOptions(limits: CSVLimits(maxFileBytes: 10_000))
        let error = try #require(throws: MusterError.self) {
            try store.rosterImporter.importRoster(path: path, course: "mini-2024", options: options)
        }
        #expect(error.description == "\(path): line 1: the file is larger than 9 KB (the import limit; see --max-megabytes)")
    }
}
