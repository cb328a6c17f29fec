import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// Issue 21, item 5: a crafted value quoted by an error message must not drive the terminal.
/// Each string of the pack goes through every command-line error path that repeats input (an
/// argument, a course file's value, its path, a roster's cell) and what the real binary writes
/// must hold no escape, control or bidi character and no second line.
@Suite struct HostileTextCommandTests {
    /// The bad-input pack: what docs/BAD-INPUTS.md says names may carry, each aimed at the
    /// terminal reading the message.
    static let pack = [
        "x\u{1B}]0;pwned\u{07}",  // OSC: retitle the window
        "x\u{1B}[2J\u{1B}[H",  // CSI: clear the screen
        "x\u{1B}]52;c;ZWNobyBvd25lZA==\u{07}",  // OSC 52: write the clipboard
        "x\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\",  // OSC 8: a hidden link
        "x\rmuster: all good",  // CR: draw over the message
        "x\u{08}\u{08}\u{08}ok",  // BS
        "x\u{9B}31mred",  // 8-bit CSI
        "x\u{202E}live\u{202C}",  // bidi override
        "x\u{2066}iso\u{2069}",  // bidi isolate
        "x\nmuster: forged line",  // a second line that looks like ours
    ]

    let dir = TemporaryDirectory("hostile")

    init() {
        dir.write("courses/mini.yaml", Fixtures.miniCourseYAML)
    }

    func muster(_ args: [String]) throws -> MusterBinary.Result {
        try MusterBinary.run(args + ["--courses", dir.file("courses")], home: dir.path, environment: ["MUSTER_DB": dir.file("lib.sqlite")])
    }

    /// `value` as a YAML double-quoted scalar: every character outside printable ASCII escaped,
    /// so the file itself is valid YAML carrying the hostile characters.
    static func yamlQuoted(_ value: String) -> String {
        "\""
            + value.unicodeScalars.map { s in
                (0x20..<0x7F).contains(s.value) && s != "\"" && s != "\\" ? String(s) : String(format: "\\u%04X", s.value)
            }.joined() + "\""
    }

    /// The commands, each given the hostile value where it quotes it back.
    func errorPaths(_ h: String) -> [(String, [String])] {
        let badSession = Fixtures.miniCourseYAML.replacingOccurrences(of: "- id: am", with: "- id: \(Self.yamlQuoted(h))")
        let badKind = Fixtures.miniCourseYAML.replacingOccurrences(of: "kind: module", with: "kind: \(Self.yamlQuoted(h))")
        let badCode = Fixtures.miniCourseYAML.replacingOccurrences(of: "code: mini-2024", with: "code: \(Self.yamlQuoted(h))")
        let duplicateKey = Fixtures.miniCourseYAML + "\n\(Self.yamlQuoted(h)): 1\n\(Self.yamlQuoted(h)): 2\n"
        dir.write("bad-session.yaml", badSession)
        dir.write("bad-kind.yaml", badKind)
        dir.write("bad-code.yaml", badCode)
        dir.write("duplicate-key.yaml", duplicateKey)
        let cell = "\"" + h.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        dir.write("roster.csv", "Code,First name,Last name,Email,Sex,Country\nT-9,\(cell),Tellei,\(cell),\(cell),\(cell)\n")
        return [
            ("unknown course", ["roster", h]),
            ("unknown course (sessions)", ["sessions", h]),
            ("unknown session", ["mark", "mini-2024", h, "T-001", "present"]),
            ("unknown participant", ["mark", "mini-2024", "am", h, "present"]),
            ("bad status", ["mark", "mini-2024", "am", "T-001", h]),
            ("bad option value", ["roster", "mini-2024", "--format", h]),
            ("bad date", ["course", "copy", "mini-2024", "mini-x", "--start", h]),
            ("missing file", ["import", "course", dir.file(h)]),
            ("course file: session id", ["import", "course", dir.file("bad-session.yaml")]),
            ("course file: kind", ["import", "course", dir.file("bad-kind.yaml")]),
            ("course file: code", ["import", "course", dir.file("bad-code.yaml")]),
            ("course file: duplicate key", ["import", "course", dir.file("duplicate-key.yaml")]),
            ("roster cells", ["import", "roster", "mini-2024", dir.file("roster.csv"), "--dry-run"]),
            ("URL as --db", ["roster", "mini-2024", "--db", "postgres://\(h)/db"]),
        ]
    }

    /// The characters a terminal acts on, or that reorder what is read.
    static func dangerous(_ text: String) -> [String] {
        var found: [String] = []
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            let crlf = s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
            switch s.value {
            case 0x0A, 0x09: continue
            case 0x0D where crlf: continue
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069:
                found.append(String(format: "U+%04X", s.value))
            default: continue
            }
        }
        return found
    }

    @Test(arguments: pack.indices)
    func everyErrorPathShowsTheValueSafely(index: Int) throws {
        let h = Self.pack[index]
        for (path, args) in errorPaths(h) {
            let r = try muster(args)
            let out = r.stdout + r.stderr
            #expect(Self.dangerous(out).isEmpty, "\(path) [\(index)]: \(Self.dangerous(out)) in \(out.debugDescription)")
            if r.status != 0 {
                #expect(r.stderr.split(separator: "\n").count <= 1, "\(path) [\(index)]: \(r.stderr.debugDescription)")
            }
            #expect(!out.contains("\nmuster: forged") && !out.contains("\nmuster: all good"), "\(path) [\(index)]")
        }
    }

    /// The course file's value reaches the message, shown: the reader sees why it was refused.
    @Test func theRefusedValueIsShownNotHidden() throws {
        let r = try errorPaths("x\u{1B}]0;pwned\u{07}").first { $0.0 == "course file: session id" }.map { try muster($0.1) }
        #expect(r?.stderr.contains("x␛]0;pwned␇") == true, "\(r?.stderr ?? "")")
        // The paths are reached, not cut short by something else going wrong first.
        let session = try muster(["mark", "mini-2024", "x\u{1B}[2J", "T-001", "present"])
        #expect(session.stderr == "muster: unknown session 'x␛[2J' in course 'mini-2024' (see 'muster sessions mini-2024')\n")
        let cells = try muster(errorPaths("x\u{202E}y").first { $0.0 == "roster cells" }!.1)
        #expect(cells.stdout.contains("rejected:") || cells.stdout.contains("new:"), "\(cells.stdout)")
    }
}
