import ArgumentParser
import CourseKit
import Foundation
import MusterDev

/// `muster dev …`: tools for developers measuring Muster, never needed to run a course.
struct Dev: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("dev.abstract"),
        subcommands: [DevGenerate.self, DevBench.self])
}

/// Generates fictional data so the roster browser, the matrix, search and import can be measured
/// at sizes no real course reaches. Two shapes:
///
///     muster dev generate --db /tmp/big.sqlite --people 100000 --course synthetic-100k
///     muster dev generate --db /tmp/lib.sqlite --no-seed --people 100000 --courses 1000 --csv /tmp/roster.csv
///
/// The first adds one course of N people. The second (`--courses`) builds a whole library the
/// way years of use would: N people, one course enrolling all of them (`--course`), and M − 1
/// courses of a few dozen people each with `--sessions` (default 20) sessions, about `--events`
/// attendance events in all; `--csv` also writes the same people as a roster CSV.
///
/// Names come from many scripts; countries, agencies, roles and statuses are spread so every
/// filter has something to show. The same seed gives the same data. Use a separate library
/// (`--db`): the people cannot be deleted afterwards, because attendance is never deleted.
struct DevGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: CommandWords.text("devGenerate.abstract"))
    // Not the shared LibraryOptions: its `--courses DIR` (course files) would take `--courses M`.
    @Option(help: CommandWords.help("devGenerate.db")) var db: String?
    @Flag(help: CommandWords.help("devGenerate.noSeed")) var noSeed = false
    @Option(help: CommandWords.help("devGenerate.people")) var people = 100_000
    @Option(help: CommandWords.help("devGenerate.course")) var course = "synthetic-100k"
    @Option(help: CommandWords.help("devGenerate.courses")) var courses: Int?
    @Option(help: CommandWords.help("devGenerate.sessions")) var sessions: Int?
    @Option(help: CommandWords.help("devGenerate.events")) var events = 1_000_000
    @Option(help: CommandWords.help("devGenerate.csv")) var csv: String?
    @Option(help: CommandWords.help("devGenerate.marked")) var marked = 0.7
    @Option(help: CommandWords.help("devGenerate.seed")) var seed: UInt64 = 2024

    func validate() throws {
        if courses == nil && csv != nil { throw ValidationError(CommandWords.text("devGenerate.csvNeedsCourses")) }
    }

    func run() throws {
        try reportingErrors {
            let library = try LibraryOptions.parse((db.map { ["--db", $0] } ?? []) + (noSeed ? ["--no-seed"] : []))
            let store = try library.open()
            let start = Date()
            if let courses {
                try generateLibrary(store, courses: courses)
            } else {
                let summary = try TerminalText.withProgress(CommandWords.format("progress.generating", course)) { progress in
                    try SyntheticData(store: store).generateCourse(
                        SyntheticCourseSpec(code: course, people: people, sessions: sessions ?? 6, markedShare: marked, seed: seed),
                        progress: progress)
                }
                print(
                    CommandWords.format(
                        "devGenerate.doneCourse", summary.course, String(summary.participants), String(summary.sessions),
                        Self.seconds(since: start), store.path))
            }
        }
    }

    /// The library shape; the CSV (names and e-mails, if made up) is written private, then moved into place whole.
    private func generateLibrary(_ store: CourseStore, courses: Int) throws {
        let start = Date()
        var text = ""
        let spec = SyntheticLibrarySpec(
            people: people, courses: courses, sessions: sessions ?? 20, events: events,
            bigCourse: course, seed: seed)
        let summary = try TerminalText.withProgress(CommandWords.text("progress.generatingLibrary")) { progress in
            try SyntheticData(store: store).generateLibrary(spec, roster: csv == nil ? nil : { text += $0 }, progress: progress)
        }
        if let csv {
            try PrivateFile.write(Data(text.utf8), to: csv)
        }
        print(
            CommandWords.format(
                "devGenerate.doneLibrary", String(summary.people), String(summary.courses), String(summary.sessions),
                String(summary.enrolments), String(summary.events), Self.seconds(since: start), store.path)
                + (csv.map { CommandWords.format("devGenerate.doneCSV", $0) } ?? ""))
    }

    /// "12.3" seconds, in the language's digits.
    static func seconds(since start: Date) -> String {
        String(format: "%.1f", locale: CommandWords.language.numberLocale, Date().timeIntervalSince(start))
    }
}
