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
                    throw MusterError.invalid("unknown time zone '\(NameSanitizer.clean(timeZone))'")
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
            let report = try TerminalText.withProgress("Importing \((file as NSString).lastPathComponent)") { progress in
                options.progress = progress
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
    /// skipped row and warning with its line.
    static func preview(_ r: RosterImportReport, verbose: Bool) -> String {
        var out = "\(VisibleText.make(r.file)): \(r.format.label) (\(r.dialect)), \(r.rows) row\(r.rows == 1 ? "" : "s") for \(r.course)\n"
        for note in r.notes { out += "note: \(VisibleText.make(note))\n" }
        out += r.counts + "\n"
        out +=
            "enrolments: \(r.enrolmentsAdded) new, \(r.enrolmentsChanged) changed; "
            + "attendance events: \(r.eventsAdded) new, \(r.eventsAlreadyRecorded) already recorded\n"
        out += section("sessions", r.sessions.map(\.line))
        let shown = verbose ? r.newPeople : Array(r.newPeople.prefix(50))
        out += section("new", shown.map { "line \($0.line): \($0.code) \($0.name)" })
        if shown.count < r.newPeople.count { out += "  … and \(r.newPeople.count - shown.count) more (--verbose lists them all)\n" }
        out += section(
            "matched",
            r.matched.map { m in
                "line \(m.line): \(m.code) \(m.name) (by \(m.by.rawValue))"
                    + (m.changes.isEmpty ? "" : ": " + m.changes.joined(separator: ", "))
            })
        out += section(
            "possible duplicates (kept as new people: same name and country as someone in the library; check they are not one)",
            r.possibleDuplicates.map { "line \($0.line): \($0.code) \($0.name), like \($0.lookalikes.joined(separator: ", "))" })
        out += section("rejected", r.rejected.map { "line \($0.line): \($0.reason)" })
        out += section("skipped", r.skipped.map { "line \($0.line): \($0.reason)" })
        out += section("warnings", r.warnings.map { "line \($0.line): \($0.reason)" })
        if r.applied {
            out += r.changesNothing ? "nothing to change: the library already has all of it\n" : "imported\n"
        } else {
            out += "dry run: nothing was written\n"
        }
        return out
    }

    /// Each entry one line, shown safely: entries quote the file's cells, which may hold line
    /// breaks or escapes.
    static func section(_ title: String, _ lines: [String]) -> String {
        lines.isEmpty ? "" : "\(title):\n" + lines.map { "  \(VisibleText.make($0))\n" }.joined()
    }
}
