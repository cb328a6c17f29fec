import ArgumentParser
import CourseKit
import Foundation

extension RosterFormat: ExpressibleByArgument {}

struct ImportRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: CommandWords.text("importRoster.abstract"),
        discussion: CommandWords.text("importRoster.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("importRoster.course"), completion: ShellCompletion.courseCodes) var course: String
    @Argument(help: CommandWords.help("importRoster.file")) var file: String
    @Option(help: CommandWords.help("importRoster.format"))
    var format: RosterFormat = .auto
    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            CommandWords.text("importRoster.mappings")
                + RosterField.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "COLUMN=FIELD"))
    var mappings: [String] = []
    @Flag(help: CommandWords.help("importRoster.dryRun")) var dryRun = false
    @Flag(help: CommandWords.help("importRoster.skipRejected")) var skipRejected = false
    @Option(
        help: ArgumentHelp(
            CommandWords.format("importRoster.minPercent", RosterImportOptions.defaultMinimumPercent), valueName: "PERCENT"))
    var minPercent = RosterImportOptions.defaultMinimumPercent
    @Option(help: CommandWords.help("importRoster.minMinutes"))
    var minMinutes: Int?
    @Option(
        name: .customLong("session"),
        help: ArgumentHelp(
            CommandWords.text("importRoster.sessions"), valueName: "ID"))
    var sessions: [String] = []
    @Option(help: CommandWords.help("importRoster.timeZone")) var timeZone: String?
    @Option(help: CommandWords.help("importRoster.maxMegabytes")) var maxMegabytes = 64
    @Flag(help: CommandWords.help("importRoster.verbose")) var verbose = false
    @Flag(help: CommandWords.help("importRoster.allowErased"))
    var allowErased = false

    func run() throws {
        try reportingErrors {
            var options = RosterImportOptions(format: format, dryRun: dryRun, skipRejected: skipRejected, minimumMinutes: minMinutes)
            options.mappings = try Self.parseMappings(mappings)
            options.allowErased = allowErased
            if let timeZone {
                guard let zone = TimeZone(identifier: timeZone) else {
                    throw MusterError.invalid(CommandWords.format("importRoster.unknownZone", NameSanitizer.clean(timeZone)))
                }
                options.timeZone = zone
            }
            if let minMinutes, minMinutes < 0 { throw MusterError.invalid("--min-minutes must not be negative") }
            guard (0...100).contains(minPercent) else { throw MusterError.invalid("--min-percent must be between 0 and 100") }
            options.minimumPercent = minPercent
            options.sessions = sessions
            guard maxMegabytes > 0 else { throw MusterError.invalid("--max-megabytes must be positive") }
            options.limits.maxFileBytes = maxMegabytes << 20
            let store = try library.open()
            let report = try TerminalText.withProgress(CommandWords.format("progress.importing", (file as NSString).lastPathComponent)) {
                progress in
                options.progress = DebugHold.wrap(progress)
                return try store.rosterImporter.importRoster(path: file, course: course, options: options)
            }
            print(Self.preview(report, verbose: verbose), terminator: "")
        }
    }

    static func parseMappings(_ pairs: [String]) throws -> [String: RosterField] {
        var out: [String: RosterField] = [:]
        for pair in pairs {
            guard let eq = pair.lastIndex(of: "="), let field = RosterField(rawValue: pair[pair.index(after: eq)...].lowercased()),
                !pair[..<eq].trimmingCharacters(in: .whitespaces).isEmpty
            else {
                throw MusterError.invalid(
                    "--map '\(NameSanitizer.clean(pair))': use COLUMN=FIELD, FIELD one of \(RosterField.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            out[String(pair[..<eq])] = field
        }
        return out
    }

    /// The preview (and, after a real run, the receipt): counts, then every match, rejection,
    /// skipped row and warning with its line, all in `language`.
    static func preview(_ r: RosterImportReport, verbose: Bool, language: Language = CommandWords.language) -> String {
        let words = Words(language)
        func say(_ key: String, _ arguments: any CVarArg...) -> String {
            words.format("preview.\(key)", table: "Import", arguments: arguments)
        }
        func line(_ n: Int, _ text: String) -> String { say("line", String(n), text) }
        var out =
            say(
                r.rows == 1 ? "head.one" : "head", VisibleText.make(r.file), r.format.label(in: language), r.dialect.text(in: language),
                language.number(r.rows), r.course) + "\n"
        for note in r.notes + r.quotaWarnings.map({ $0.text(in: language) }) { out += say("note", VisibleText.make(note)) + "\n" }
        out += r.counts(in: language) + "\n"
        out +=
            say(
                "enrolments", language.number(r.enrolmentsAdded), language.number(r.enrolmentsChanged), language.number(r.eventsAdded),
                language.number(r.eventsAlreadyRecorded)
            )
            + "\n"
        out += section(say("sessions"), r.sessions.map { $0.line(in: language) })
        // New and matched people: the first 50, then how many more, unless every row is asked for
        // (a second run of a 100,000-row file matches everyone).
        func people<T>(_ title: String, _ all: [T], _ text: (T) -> String) -> String {
            let shown = verbose ? all : Array(all.prefix(50))
            let more = shown.count < all.count ? "  " + say("more", language.number(all.count - shown.count)) + "\n" : ""
            return section(title, shown.map(text)) + more
        }
        out += people(say("new"), r.newPeople) { line($0.line, "\($0.code) \($0.name)") }
        out += people(say("matched"), r.matched) { m in
            line(m.line, "\(m.code) \(m.name) (\(say("by.\(m.by.key)")))")
                + (m.said.isEmpty ? "" : ": " + m.changes(in: language).joined(separator: ", "))
        }
        out += section(
            say("duplicates"),
            r.possibleDuplicates.map { line($0.line, say("lookalike", "\($0.code) \($0.name)", $0.lookalikes.joined(separator: ", "))) })
        // A reason met on many rows is said once with its first rows (`RowProblemGroup`); asked
        // for every row, they come one per line in the file's order.
        func problems(_ list: [RowProblem]) -> [String] {
            verbose ? list.map { line($0.line, $0.reason(in: language)) } : RowProblemGroup.previewLines(list, in: language)
        }
        out += section(say("rejected"), problems(r.rejected))
        out += section(say("skipped"), problems(r.skipped))
        out += section(say("warnings"), problems(r.warnings))
        out += say(r.applied ? (r.changesNothing ? "nothingToChange" : "imported") : "dryRun") + "\n"
        return out
    }

    /// Each entry one line, shown safely: entries quote the file's cells, which may hold line
    /// breaks or escapes.
    static func section(_ title: String, _ lines: [String]) -> String {
        lines.isEmpty ? "" : "\(title):\n" + lines.map { "  \(VisibleText.make($0))\n" }.joined()
    }
}
