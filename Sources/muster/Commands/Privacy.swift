import ArgumentParser
import CourseKit
import Foundation
import ReportText

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: CommandWords.text("personCommand.abstract"),
        subcommands: [PersonExportCommand.self, PersonErase.self, PersonMergeCommand.self, PersonUnmergeCommand.self])
}

enum PersonExportFormat: String, ExpressibleByArgument, CaseIterable { case json, text }

struct PersonExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: CommandWords.text("personExportCommand.abstract"),
        discussion: CommandWords.text("personExportCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("personExportCommand.code")) var code: String
    @Option(help: CommandWords.help("personExportCommand.format")) var format: PersonExportFormat = .json
    @Option(name: .shortAndLong, help: CommandWords.help("personExportCommand.output")) var output: String?

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
        abstract: CommandWords.text("personErase.abstract"),
        discussion: CommandWords.text("personErase.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("personErase.code")) var code: String
    /// Said when a reader held up the file scrub: the erasure itself is done.
    static var scrubDue: String { CommandWords.text("erase.scrubDue") }

    @Flag(help: CommandWords.help("personErase.confirm")) var confirm = false
    @Flag(help: CommandWords.help("personErase.keepStatistics")) var keepStatistics = false
    @Option(help: CommandWords.help("personErase.reason")) var reason: String = CommandWords.text("personErase.reason.default")

    func run() throws {
        try reportingErrors {
            guard confirm else {
                throw MusterError.invalid(CommandWords.format("erase.confirm", code))
            }
            let summary = try library.open().privacy.erase(code: code, reason: reason, keepStatistics: keepStatistics)
            print(
                CommandWords.format("erase.done", code, summary.enrolments, summary.notesCleared)
                    + (summary.elsewhere.isEmpty ? "" : CommandWords.format("erase.elsewhere", summary.elsewhere.description))
                    + (keepStatistics ? CommandWords.text("erase.statistics") : ""))
            if !summary.filesScrubbed { print(Self.scrubDue) }
        }
    }
}

struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("purge.abstract"),
        discussion: CommandWords.text("purge.discussion"))
    @OptionGroup var library: LibraryOptions
    @Option(help: CommandWords.help("purge.before")) var before: String?
    @Flag(help: CommandWords.help("purge.expired")) var expired = false
    @Flag(help: CommandWords.help("purge.dryRun")) var dryRun = false
    @Flag(help: CommandWords.help("purge.keepStatistics")) var keepStatistics = false

    func validate() throws {
        if (before == nil) == !expired { throw ValidationError(CommandWords.text("purge.eitherOr")) }
    }

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let candidates: [(course: Course, people: [Person])]
            if let before {
                guard let date = CalendarDate(iso: before) else {
                    throw MusterError.invalid(CommandWords.format("purge.notADate", NameSanitizer.clean(before)))
                }
                candidates = try store.privacy.purgeCandidates(endedBefore: date)
                for (course, people) in candidates {
                    print(CommandWords.format("purge.course", course.code, course.endDate.description, people.count))
                }
            } else {
                candidates = try store.privacy.expiredPurgeCandidates()
                for (course, people) in candidates {
                    let kept = course.retention!.text(in: CommandWords.language)
                    print(
                        CommandWords.format(
                            "purge.course.expired", course.code, course.endDate.description, kept, course.retainedUntil!.description,
                            people.count))
                }
            }
            let count = Set(candidates.flatMap(\.people).compactMap(\.id)).count
            if dryRun {
                print(CommandWords.format("purge.dryRun", count))
                return
            }
            let summary = try TerminalText.withProgress(CommandWords.text("purge.progress")) { progress in
                if let date = before.flatMap(CalendarDate.init(iso:)) {
                    return try store.privacy.purge(endedBefore: date, keepStatistics: keepStatistics, progress: progress)
                }
                return try store.privacy.purgeExpired(keepStatistics: keepStatistics, progress: progress)
            }
            print(CommandWords.format("purge.done", summary.people))
            if !summary.filesScrubbed { print(PersonErase.scrubDue) }
        }
    }
}
