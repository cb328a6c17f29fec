import ArgumentParser
import CourseKit
import Foundation
import ReportText

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "One person's data: export it (subject access), erase it, merge two records or unmerge them.",
        subcommands: [PersonExportCommand.self, PersonErase.self, PersonMergeCommand.self, PersonUnmergeCommand.self])
}

enum PersonExportFormat: String, ExpressibleByArgument, CaseIterable { case json, text }

struct PersonExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything Muster holds about one person: profile, enrolments, attendance events.",
        discussion: "The output holds personal data (e-mail, phone): write it with -o (mode 0600) and hand it over privately.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The participant's code.") var code: String
    @Option(help: "json or text.") var format: PersonExportFormat = .json
    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?

    func run() throws {
        try reportingErrors {
            let export = try library.open().privacy.personExport(code: code)
            try OutputFile.write(format == .json ? try export.json() : export.text(), to: output)
        }
    }
}

struct PersonErase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a person's identifying data everywhere, keeping an anonymous placeholder for course totals.",
        discussion: """
            Names, e-mail, phone, position and notes about them are removed; their code is replaced. \
            With --keep-statistics sex and country stay for disaggregated counts. The erasure is recorded \
            (who, when, why) so that an old file cannot bring the person back. It cannot be undone.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The participant's code.") var code: String
    /// Said when a reader held up the file scrub: the erasure itself is done.
    static let scrubDue =
        "the erasure is saved; another Muster is reading the library, so old copies of the erased data stay in its files"
        + " until it lets go: close it, then run any muster command ('muster doctor' shows whether it is done)"

    @Flag(help: "Required: you mean it.") var confirm = false
    @Flag(help: "Keep sex and country for statistics.") var keepStatistics = false
    @Option(help: "Why (recorded with the erasure), e.g. \"request of 2026-11-20\".") var reason: String = "request of the person"

    func run() throws {
        try reportingErrors {
            guard confirm else {
                throw MusterError.invalid("erasing \(code) cannot be undone; run again with --confirm")
            }
            let summary = try library.open().privacy.erase(code: code, reason: reason, keepStatistics: keepStatistics)
            print(
                "erased \(code): \(summary.enrolments) enrolments kept anonymously, \(summary.notesCleared) notes cleared"
                    + (summary.elsewhere.isEmpty ? "" : "; taken out of \(summary.elsewhere)")
                    + (keepStatistics ? "; sex and country kept for statistics" : ""))
            if !summary.filesScrubbed { print(Self.scrubDue) }
        }
    }
}

struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Erase the people of courses that ended before a date, or whose retention period is over.",
        discussion: """
            --before DATE: courses that ended before that day. --expired: courses whose end date plus \
            their retention period (the course file's "retention:") is past today. People also on a \
            course that is not over (for --expired: not past its period, or without one) are kept. \
            Try --dry-run first.
            """)
    @OptionGroup var library: LibraryOptions
    @Option(help: "YYYY-MM-DD: courses that ended before this day.") var before: String?
    @Flag(help: "Courses past their retention period.") var expired = false
    @Flag(help: "List who would be erased; change nothing.") var dryRun = false
    @Flag(help: "Keep sex and country for statistics.") var keepStatistics = false

    func validate() throws {
        if (before == nil) == !expired { throw ValidationError("give either --before DATE or --expired") }
    }

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let candidates: [(course: Course, people: [Person])]
            if let before {
                guard let date = CalendarDate(iso: before) else {
                    throw MusterError.invalid("--before '\(before)' is not a date (YYYY-MM-DD)")
                }
                candidates = try store.privacy.purgeCandidates(endedBefore: date)
                for (course, people) in candidates { print("\(course.code) (ended \(course.endDate)): \(people.count) people") }
            } else {
                candidates = try store.privacy.expiredPurgeCandidates()
                for (course, people) in candidates {
                    print(
                        "\(course.code) (ended \(course.endDate), kept \(course.retention!) until \(course.retainedUntil!)): \(people.count) people"
                    )
                }
            }
            let count = Set(candidates.flatMap(\.people).compactMap(\.id)).count
            if dryRun {
                print("dry run: \(count) people would be erased; nothing was changed")
                return
            }
            let summary = try TerminalText.withProgress("Purging") { progress in
                if let date = before.flatMap(CalendarDate.init(iso:)) {
                    return try store.privacy.purge(endedBefore: date, keepStatistics: keepStatistics, progress: progress)
                }
                return try store.privacy.purgeExpired(keepStatistics: keepStatistics, progress: progress)
            }
            print("erased \(summary.people) people")
            if !summary.filesScrubbed { print(PersonErase.scrubDue) }
        }
    }
}
