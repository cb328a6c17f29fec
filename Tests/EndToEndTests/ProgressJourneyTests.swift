import Foundation
import LibraryTestSupport
import Testing
import TestSupport

/// A long import in a real terminal shows a progress line that moves and is gone when the
/// import ends; the same import into a pipe writes no progress at all.
@Suite(.serialized, .skipUnlessTmuxOrCI, .tmux)
struct ProgressJourneyTests {
    let dir = TemporaryDirectory("progress-journey")

    /// A roster big enough that the import takes seconds in a debug build.
    func writeRoster(rows: Int) throws -> String {
        var text = "Code,First name,Last name,Email,Sex,Country\n"
        for i in 0..<rows { text += "P-\(String(format: "%06d", i)),Given\(i),Family\(i % 997),p\(i)@example.org,F,PW\n" }
        let path = dir.file("roster.csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aLargeImportShowsItsProgressMovingThenClearsIt() throws {
        let roster = try writeRoster(rows: 4000)
        let terminal = MusterTerminal(home: dir.path)
        try terminal.start(
            ["import", "roster", "palau-mmc-2024", roster, "--db", dir.file("lib.sqlite"), "--courses", Fixtures.coursesDirectory],
            width: 100, height: 30)
        // Every progress line seen, in order, polled until the import ends.
        var seen: [String] = []
        var screen = ""
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            screen = try terminal.tmux.capture()
            for line in screen.split(separator: "\n") where line.hasPrefix("Importing roster.csv: ") && seen.last != String(line) {
                seen.append(String(line))
            }
            if screen.contains("MUSTER-EXIT=") { break }
            usleep(20_000)
        }
        #expect(screen.contains("MUSTER-EXIT=0"), "\(screen)")
        #expect(Set(seen).count >= 2, "the progress line never moved: \(seen)")
        // Within a stage the count only grows.
        let counts = seen.compactMap { line -> (String, Int)? in
            let words = line.split(separator: " ")
            guard words.count > 3, let n = Int(words[3].split(separator: "/")[0].replacingOccurrences(of: ",", with: "")) else {
                return nil
            }
            return (String(words[2]), n)
        }
        for stage in Set(counts.map(\.0)) {
            let n = counts.filter { $0.0 == stage }.map(\.1)
            #expect(n == n.sorted(), "\(stage): \(n)")
        }
        // Gone at the end: the receipt is written where the line was.
        #expect(!screen.contains("Importing roster.csv:"), "\(screen)")
        #expect(screen.contains("imported"), "\(screen)")
    }

    @Test func anImportIntoAPipeWritesNoProgress() throws {
        let roster = try writeRoster(rows: 1500)
        let result = try MusterBinary.run(
            ["import", "roster", "palau-mmc-2024", roster, "--db", dir.file("pipe.sqlite"), "--courses", Fixtures.coursesDirectory],
            home: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("Importing") && !result.stderr.contains("\r"), "\(result.stderr)")
        #expect(result.stdout.contains("imported"))
    }
}
