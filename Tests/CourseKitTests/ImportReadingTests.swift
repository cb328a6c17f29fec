import CourseKit
import Foundation
import Testing
import TestSupport

/// The delimited-file reader: RFC 4180 and what real exports do beyond it, encodings, delimiters.
@Suite struct ImportReadingTests {
    func read(_ text: String, delimiter: Character? = nil) throws -> DelimitedFile {
        try DelimitedFileReader.read(data: Data(text.utf8), delimiter: delimiter)
    }

    func fields(_ file: DelimitedFile) -> [[String]] { file.records.map(\.fields) }

    @Test func quotedDelimitersQuotesAndNewlines() throws {
        let file = try read("name,note\r\n\"Tellei, Ana\",\"said \"\"hi\"\"\"\r\n\"Two\nLines\",x\r\nlast,row")
        #expect(fields(file) == [["name", "note"], ["Tellei, Ana", "said \"hi\""], ["Two\nLines", "x"], ["last", "row"]])
        #expect(file.records.map(\.line) == [1, 2, 3, 5])  // the quoted newline makes record 3 span lines 3–4
        #expect(file.records[2].endLine == 4)
    }

    @Test func lineEndingsMixed() throws {
        let file = try read("a,b\rc,d\ne,f\r\ng,h\n\n\n")
        #expect(fields(file) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(file.records.map(\.line) == [1, 2, 3, 4])
    }

    @Test func whitespaceAroundQuotesBareQuotesAndTextAfterQuotes() throws {
        let file = try read("a,b,c\n  \"x, y\"  ,O\"Neil,\"ab\"cd\n")
        #expect(fields(file)[1] == ["x, y", "O\"Neil", "abcd"])
    }

    @Test func blankLinesAreKeptAsBlankRecords() throws {
        let file = try read("a,b\n\n,\nc,d\n")
        #expect(file.records.count == 4)
        #expect(file.records[1].isBlank && file.records[2].isBlank)
    }

    @Test(arguments: [
        ("a;b;c\n1;2;3\n4;5;6\n", Character(";")),
        ("a\tb\tc\n1\t2\t3\n", Character("\t")),
        ("a,b\n\"x;y\",z\n", Character(",")),
        ("Course\tTitle\nGroup\tAll\n\nLast\tFirst\tEmail\tS1\nA\tB\tC\tD\nE\tF\tG\tH\n", Character("\t")),
    ])
    func delimiterIsDetected(text: String, expected: Character) throws {
        #expect(try read(text).delimiter == expected)
    }

    @Test func excelSepLineNamesTheDelimiterAndIsDropped() throws {
        // Without the sep= line this would read as comma-separated (two commas per row).
        let file = try read("sep=;\nname;agency\nTellei, Ana, PW;BIM\n")
        #expect(file.delimiter == ";")
        #expect(fields(file) == [["name", "agency"], ["Tellei, Ana, PW", "BIM"]])
        #expect(file.records[0].line == 2)
        #expect(file.notes.contains { $0.contains("sep=") })
    }

    @Test func utf8BOMIsNotPartOfTheFirstHeader() throws {
        let file = try DelimitedFileReader.read(data: Data([0xEF, 0xBB, 0xBF]) + Data("given,family\nJosé,Núñez\n".utf8))
        #expect(file.encoding == .utf8WithBOM)
        #expect(file.records[0].fields[0] == "given")
        #expect(file.records[1].fields == ["José", "Núñez"])
    }

    @Test(arguments: [TextEncoding.utf16LE, .utf16BE])
    func utf16WithBOM(encoding: TextEncoding) throws {
        let text = "Name\tEmail\r\nJosé Núñez 😀\tjose@example.org\r\n李小龍\tli@example.org\r\n"
        let data =
            encoding == .utf16LE
            ? Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
            : Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
        let file = try DelimitedFileReader.read(data: data)
        #expect(file.encoding == encoding)
        #expect(file.delimiter == "\t")
        #expect(fields(file) == [["Name", "Email"], ["José Núñez 😀", "jose@example.org"], ["李小龍", "li@example.org"]])
    }

    @Test func utf16SurrogatePairSplitAcrossChunks() throws {
        // The reader works in 256 KB chunks; unit 131,070 of the text is the high half of 😀, so
        // the pair straddles the first chunk boundary (2-byte BOM + 2 × 131,071 bytes).
        let lines = String(repeating: String(repeating: "a", count: 96) + ",b\r\n", count: 1_310)  // 100 units each
        let text = lines + String(repeating: "a", count: 70) + "😀,b\r\nc,d\r\n"
        let data = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        let file = try DelimitedFileReader.read(data: data)
        #expect(file.records[1_310].fields == [String(repeating: "a", count: 70) + "😀", "b"])
        #expect(file.records.map(\.fields).last == ["c", "d"])
        #expect(file.notes.isEmpty)
    }

    @Test func crlfSplitAcrossChunksIsOneLineEnd() throws {
        let lines = String(repeating: String(repeating: "x", count: 97) + ",y\n", count: 2_621)  // 100 bytes each
        let first = lines + String(repeating: "x", count: 41) + ",y\r"  // \r is byte 262,143, \n the first of chunk two
        let file = try read(first + "\nz,w\n")
        #expect(file.records.count == 2_623)
        #expect(file.records.last?.line == 2_623)
    }

    @Test func windows1252FallbackIsReported() throws {
        var data = Data("given,family\nRen".utf8)
        data.append(0xE9)  // é in Windows-1252, invalid alone in UTF-8
        data.append(contentsOf: Array(",Ngirmang\nZo".utf8))
        data.append(contentsOf: [0x93, 0x65, 0x94])  // “e” with curly quotes
        data.append(contentsOf: Array(",Kesolei\n".utf8))
        let file = try DelimitedFileReader.read(data: data)
        #expect(file.encoding == .windows1252)
        #expect(file.records[1].fields == ["René", "Ngirmang"])
        #expect(file.records[2].fields == ["Zo“e”", "Kesolei"])
        #expect(file.notes == ["not valid UTF-8 (line 2), read as Windows-1252"])
    }

    @Test(
        arguments: [
            [0xC3, 0xA9, 0x0A, 0x80],  // é on line 2, then a lone continuation byte on line 3
            [0xC3, 0xA9, 0x0A, 0xC0, 0xAF],  // overlong "/"
            [0xC3, 0xA9, 0x0A, 0xED, 0xA0, 0x80],  // an encoded surrogate
            [0xC3, 0xA9, 0x0A, 0xF5, 0x80],  // above U+10FFFF
            [0xC3, 0xA9, 0x0A, 0xE2, 0x82],  // truncated at the end
        ] as [[UInt8]])
    func invalidUTF8NextToValidUTF8IsAnErrorWithItsLine(bytes: [UInt8]) throws {
        #expect(throws: CSVError(line: 3, message: "invalid UTF-8 next to valid UTF-8 (the file mixes encodings); save it again as UTF-8"))
        {
            try DelimitedFileReader.read(data: Data("name\n".utf8 + bytes))
        }
    }

    @Test func unclosedQuoteNamesTheLineWhereItOpened() throws {
        let text = "name,agency\nAna,BIM\n\"Kelvin,CBP\nDilmei,BIM\nJoseph,BIM\n"
        #expect(throws: CSVError(line: 3, message: "a quoted field opened on this line is never closed")) { try read(text) }
    }

    @Test func unclosedQuoteInABigFileStopsAtTheRowLimit() throws {
        let rows = (0..<20_000).map { "Person \($0),Agency" }.joined(separator: "\n")
        let text = "name,agency\nAna,BIM\n\"Kelvin,CBP\n" + rows
        let error = try #require(throws: CSVError.self) { try read(text) }
        #expect(error.line == 3)
        #expect(error.message.contains("closing quote missing"))
    }

    @Test func nulByteIsAnErrorNotATruncation() throws {
        let error = try #require(throws: CSVError.self) { try read("name,agency\nAna,BIM\nKel\u{0}vin,CBP\n") }
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("NUL byte in field 1"))
    }

    @Test func limits() throws {
        let big = String(repeating: "x", count: 1 << 20)
        #expect(throws: CSVError(line: 2, message: "row longer than 64 KB (the limit for one row)")) {
            try read("name,agency\n\(big),BIM\n")
        }
        let wide = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        #expect(throws: CSVError(line: 1, message: "more than 1000 fields in one row; this does not look like a roster")) {
            try read(wide + "\n")
        }
        let small = CSVLimits(maxFileBytes: 100)
        #expect(throws: CSVError.self) {
            try DelimitedFileReader.read(data: Data(String(repeating: "a,b\n", count: 30).utf8), limits: small)
        }
    }

    @Test(
        arguments: [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "a ZIP archive"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Excel (.xls) workbook"),
            (Array("%PDF-1.7\n".utf8), "a PDF document"),
        ] as [([UInt8], String)])
    func binaryFilesAreNamed(bytes: [UInt8], what: String) throws {
        let error = try #require(throws: CSVError.self) { try DelimitedFileReader.read(data: Data(bytes + Array(repeating: 0, count: 64))) }
        #expect(error.message.contains(what))
        #expect(error.line == 1)
    }

    @Test func emptyAndHeaderOnlyFiles() throws {
        #expect(try read("").records.isEmpty)
        #expect(try read("name,agency\r\n").records.count == 1)
    }

    /// Teams' tab-separated report: every date holds a comma, so more rows split into one width at
    /// commas than at tabs. The header lines decide, and split at tabs they are all words.
    @Test func datesWithCommasDoNotWinTheDelimiter() throws {
        let lines = [
            "1. Summary", "Meeting title\tM&E", "Attended participants\t3", "", "2. Participants",
            "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
            "Ana Tellei\t7/30/20, 9:57:12 AM\t7/30/20, 11:02:00 AM\t1h 4m\ta@example.org\ta@example.org\tAttendee",
            "Ben Remengesau\t7/30/20, 9:58:00 AM\t7/30/20, 11:00:00 AM\t1h 2m\tb@example.org\tb@example.org\tOrganizer",
            "", "3. In-Meeting Activities", "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
            "Ana Tellei\t7/30/20, 9:57:12 AM\t7/30/20, 10:20:00 AM\t23m\ta@example.org\tAttendee",
            "Ana Tellei\t7/30/20, 10:25:00 AM\t7/30/20, 11:02:00 AM\t37m\ta@example.org\tAttendee",
            "Ben Remengesau\t7/30/20, 9:58:00 AM\t7/30/20, 11:00:00 AM\t1h 2m\tb@example.org\tOrganizer",
        ]
        let file = try DelimitedFileReader.read(data: Data(lines.joined(separator: "\r\n").utf8))
        #expect(file.delimiter == "\t")
        #expect(file.records[5].fields.count == 7)
        // And commas inside quoted dates of a comma-separated copy do not make it anything else.
        let csv = lines.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map { $0.contains(",") ? "\"\($0)\"" : String($0) }.joined(
                separator: ",")
        }
        #expect(try DelimitedFileReader.read(data: Data(csv.joined(separator: "\n").utf8)).delimiter == ",")
    }
}
