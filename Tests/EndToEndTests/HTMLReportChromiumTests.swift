import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// `muster report --format html` of every shipped course, and of the period they span, printed by
/// headless Chromium (Debian's `chromium`, which scripts/setup installs) as a browser would: the
/// charts Chromium reads from the page (`--dump-dom`) carry the text report's numbers, and the
/// PDF (`--print-to-pdf`, read back with poppler's `pdfinfo` and `pdftotext`) has a sensible
/// page count, every table, and each chart whole on the page of its heading.
@Suite(.serialized) struct HTMLReportChromiumTests {
    let dir = TemporaryDirectory("html-chromium")
    static let courses = [
        "caribbean-strategy-consultation-2023", "pacific-migrant-protection-2023", "palau-mmc-2024",
        "rcm-migration-policies-2020", "saint-lucia-migration-policy-2025",
    ]

    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
        ["/usr/bin", "/usr/local/bin", "/snap/bin"].map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first

    @Test(.enabled(if: chromium != nil, "no chromium in /usr/bin: scripts/setup installs Debian's chromium"))
    func shippedCoursesPrint() throws {
        let chromium = try #require(Self.chromium)
        try ShippedLibrary.copy(to: dir.file("lib.sqlite"))
        let reports = Self.courses.map { [$0] } + [["--all", "--from", "2020-01-01", "--to", "2025-12-31"]]
        for args in reports {
            let name = args[0] == "--all" ? "period" : args[0]
            try check(args, name: name, chromium: chromium)
        }
    }

    /// A course whose title and agency acronym carry markup, an entity, a bidi override and a
    /// Persian name with its zero-width non-joiner: text on the page, in the chart's labels and in
    /// what Chromium parses, never an element; the chart still equals the text report.
    @Test func hostileNamesStayText() throws {
        let hostile = "<script>alert(1)</script> & \u{202E}evil محمد\u{200C}رضا"
        let quoted =
            "\"" + hostile.unicodeScalars.map { $0.isASCII && $0 != "\"" ? String($0) : String(format: "\\u%04X", $0.value) }.joined()
            + "\""
        let yaml = Fixtures.miniCourseYAML.replacingOccurrences(of: "title: Mini Course", with: "title: \(quoted)")
            .replacingOccurrences(of: "acronym: BIM", with: "acronym: \(quoted)")
        dir.write("hostile/mini.yaml", yaml)
        let args = ["report", "mini-2024", "--db", dir.file("hostile.sqlite"), "--courses", dir.file("hostile"), "--by", "agency"]
        let html = try MusterBinary.run(args + ["--format", "html", "-o", dir.file("hostile.html")], home: dir.path)
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: dir.file("hostile.html"), encoding: .utf8)
        #expect(!page.contains("<script") && !page.contains("\u{202E}"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; evil محمد\u{200C}رضا"))
        guard let chromium = Self.chromium else {
            print("HTMLReportChromiumTests: Chromium part skipped, no chromium in /usr/bin")
            return
        }
        let dom = try Self.run(chromium, Self.chromeFlags(dir) + ["--dump-dom", "file://\(dir.file("hostile.html"))"], home: dir.path)
        #expect(!dom.contains("<script"))
        let bars = ChartBars.parse(dom)
        #expect(bars.contains { $0.category.hasPrefix("<script>alert(1)</script> & evil محمد\u{200C}رضا") })
        let text = try MusterBinary.run(args, home: dir.path)
        #expect(ChartBars.mismatches(bars, tables: Self.textTables(text.stdout)) == [])
    }

    /// Without --by, html breaks down every way the issue asks for; text keeps sex and country.
    @Test func htmlDefaultBreakdowns() throws {
        try ShippedLibrary.copy(to: dir.file("lib.sqlite"))
        let html = try muster(["report", "palau-mmc-2024", "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        for title in ["By sex", "By country", "By agency kind", "By role"] { #expect(ChartBars.charts(html.stdout).contains(title)) }
        #expect(!(try muster(["report", "palau-mmc-2024"])).stdout.contains("By role"))
    }

    func check(_ args: [String], name: String, chromium: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let by = ["--by", "sex,country,agency-kind,role"]
        let html = try muster(["report"] + args + by + ["--format", "html", "-o", dir.file("\(name).html")])
        #expect(html.status == 0, "\(html.stderr)", sourceLocation: sourceLocation)
        let text = try muster(["report"] + args + by)
        #expect(text.status == 0, "\(text.stderr)", sourceLocation: sourceLocation)
        let tables = Self.textTables(text.stdout)

        let dom = try Self.run(chromium, Self.chromeFlags(dir) + ["--dump-dom", "file://\(dir.file("\(name).html"))"], home: dir.path)
        let bars = ChartBars.parse(dom)
        let charts = ChartBars.charts(dom)
        #expect(charts.count >= (name == "period" ? 5 : 6), "\(name): charts \(charts)", sourceLocation: sourceLocation)
        #expect(bars.count > 10, "\(name): \(bars.count) bars", sourceLocation: sourceLocation)
        #expect(ChartBars.mismatches(bars, tables: tables) == [], "\(name)", sourceLocation: sourceLocation)

        let pdf = dir.file("\(name).pdf")
        _ = try Self.run(chromium, Self.chromeFlags(dir) + ["--print-to-pdf=\(pdf)", "file://\(dir.file("\(name).html"))"], home: dir.path)
        let info = try Self.run("/usr/bin/pdfinfo", [pdf], home: dir.path)
        let pageCount = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        // Two to four A4 pages for a course of 30 to 180 people; the period, with its courses, a few more.
        #expect((2...8).contains(pageCount ?? 0), "\(name): \(pageCount ?? 0) pages", sourceLocation: sourceLocation)
        let pages = try Self.run("/usr/bin/pdftotext", ["-layout", pdf, "-"], home: dir.path).components(separatedBy: "\u{0C}")
        #expect(
            pages.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count == pageCount, sourceLocation: sourceLocation)
        for chart in charts {
            // The chart's heading and every one of its bars' labels on one page: not cut.
            let labels = Set(bars.filter { $0.table == chart }.map { String($0.category.prefix(12)) })
            let page = pages.first { $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == chart } }
            #expect(page != nil, "\(name): no page has the heading \(chart)", sourceLocation: sourceLocation)
            let missing = labels.filter { page?.contains($0) != true }
            #expect(missing.isEmpty, "\(name): \(chart) is cut; not on its heading's page: \(missing)", sourceLocation: sourceLocation)
        }
        try checkPaper(pdf, name: name, sourceLocation: sourceLocation)
        for title in tables.keys {
            #expect(pages.joined().contains(title), "\(name): the PDF lacks \(title)", sourceLocation: sourceLocation)
        }
    }

    /// Every page A4 (595 × 842 pt), nothing past the 15 mm margins, and the title at its 16 pt
    /// (a word's box is 15.8 pt high without descenders, 18.6 with): Chromium shrinks a page whose
    /// content is too wide, which would leave every word smaller (a title about 12 pt high).
    func checkPaper(_ pdf: String, name: String, sourceLocation: SourceLocation) throws {
        let boxes = try Self.run("/usr/bin/pdftotext", ["-bbox", pdf, "-"], home: dir.path)
        func number(_ key: String, _ line: Substring) -> Double? {
            guard let r = line.range(of: "\(key)=\"") else { return nil }
            return Double(line[r.upperBound...].prefix { $0 != "\"" })
        }
        var firstWordHeight: Double?
        var rightmost = 0.0, lowest = 0.0
        for line in boxes.split(separator: "\n") {
            if line.contains("<page ") {
                let (w, h) = (number("width", line) ?? 0, number("height", line) ?? 0)
                #expect(abs(w - 595) < 1.5 && abs(h - 842) < 1.5, "\(name): a page of \(w) × \(h) pt", sourceLocation: sourceLocation)
            } else if line.contains("<word "), let top = number("yMin", line), let bottom = number("yMax", line) {
                firstWordHeight = firstWordHeight ?? bottom - top
                rightmost = max(rightmost, number("xMax", line) ?? 0)
                lowest = max(lowest, bottom)
            }
        }
        let margin = 15 / 25.4 * 72
        #expect(rightmost <= 595 - margin + 1, "\(name): a word ends at \(rightmost) pt", sourceLocation: sourceLocation)
        #expect(lowest <= 842 - margin + 1, "\(name): a word ends at \(lowest) pt down", sourceLocation: sourceLocation)
        #expect((firstWordHeight ?? 0) > 14.5, "\(name): the title is \(firstWordHeight ?? 0) pt high", sourceLocation: sourceLocation)
    }

    func muster(_ args: [String]) throws -> MusterBinary.Result {
        try MusterBinary.run(args + ["--db", dir.file("lib.sqlite"), "--courses", Fixtures.coursesDirectory], home: dir.path)
    }

    /// A throwaway profile, no GPU, no sandbox (CI runs as root), no header or footer on pages.
    static func chromeFlags(_ dir: TemporaryDirectory) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--disable-extensions",
            "--disable-dev-shm-usage", "--user-data-dir=\(dir.file("chrome-profile"))",
        ]
    }

    /// Runs a tool with a fixed time zone, locale and HOME, killed after a minute (`timeout`), its
    /// standard output through a file (a DOM can be larger than a pipe holds).
    static func run(_ tool: String, _ args: [String], home: String) throws -> String {
        let out = "\(home)/tool-\(UUID().uuidString.prefix(8)).out"
        FileManager.default.createFile(atPath: out, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", "60", tool] + args
        process.environment = MusterBinary.environment(
            home: home, extra: ["XDG_CONFIG_HOME": "\(home)/.config", "XDG_CACHE_HOME": "\(home)/.cache"])
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(args.last ?? ""): exit \(process.terminationStatus)")
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    /// The text report's tables: a title, its underline of dashes, a header, then rows (columns
    /// two or more spaces apart) until a blank line. Notes under a table and rows with an empty
    /// cell in the middle do not split into the header's columns and are left out; a row missing
    /// only its last cell (an empty note) gets it back.
    static func textTables(_ text: String) -> [String: PlainTable] {
        let lines = text.components(separatedBy: "\n")
        var tables: [String: PlainTable] = [:]
        var i = 0
        while i + 2 < lines.count {
            defer { i += 1 }
            guard !lines[i].isEmpty, lines[i + 1].allSatisfy({ $0 == "-" }), lines[i + 1].count >= 3 else { continue }
            let header = columns(lines[i + 2])
            var rows: [[String]] = []
            var j = i + 3
            while j < lines.count, !lines[j].isEmpty {
                var cells = columns(lines[j])
                if cells.count == header.count - 1 { cells.append("") }
                if cells.count == header.count { rows.append(cells) }
                j += 1
            }
            tables[lines[i]] = PlainTable(header: header, rows: rows)
        }
        return tables
    }

    static func columns(_ line: String) -> [String] {
        line.replacing(/\ {2,}/, with: "\t").split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
