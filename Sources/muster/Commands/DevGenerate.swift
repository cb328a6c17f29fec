import ArgumentParser
import CourseKit
import Foundation

/// `muster dev …`: tools for developers measuring Muster, never needed to run a course.
struct Dev: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Developer tools: generate a synthetic course, time the roster browser.",
        subcommands: [DevGenerate.self, DevBench.self])
}

/// Generates a large fictional course so the roster browser, the matrix and the reports can be
/// measured at a size no real course reaches.
///
///     muster dev generate --db /tmp/big.sqlite --people 100000 --course synthetic-100k
///
/// Names come from many scripts; countries, agencies, roles and statuses are spread so every
/// filter has something to show; most expected people have marks. The same seed gives the same
/// course. Use a separate library (`--db`): the people cannot be deleted afterwards, because
/// attendance is never deleted.
struct DevGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Add a synthetic course with many fictional people to a library (for load tests).")
    @OptionGroup var library: LibraryOptions
    @Option(help: "How many people to enrol.") var people = 100_000
    @Option(help: "The new course's code.") var course = "synthetic-100k"
    @Option(help: "How many sessions (1–20).") var sessions = 6
    @Option(help: "Share of expected person × session pairs with a mark, 0–1.") var marked = 0.7
    @Option(help: "Random seed: the same seed gives the same course.") var seed: UInt64 = 2024

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let start = Date()
            let summary = try store.generateSyntheticCourse(
                SyntheticCourseSpec(code: course, people: people, sessions: sessions, markedShare: marked, seed: seed),
                progress: { n in FileHandle.standardError.write(Data("\r\(n) people…".utf8)) })
            let seconds = Date().timeIntervalSince(start)
            FileHandle.standardError.write(Data("\r".utf8))
            print("Generated \(summary.course): \(summary.participants) people, \(summary.sessions) sessions "
                  + String(format: "in %.1f s", seconds) + " (\(store.path))")
        }
    }
}
