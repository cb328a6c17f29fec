import ArgumentParser
import CourseKit
import Foundation

extension RosterFormat: ExpressibleByArgument {}

struct ImportRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import people (and attendance) from a roster, registration or attendance file into a course.",
        discussion: """
            Recognises Moodle attendance exports, Indico registrant exports and registration imports, \
            Eventbrite attendee reports, Google Forms responses, pretix check-in lists, Zoom and Teams \
            attendance reports and Muster's own long attendance export; any other file with a header \
            is read by column names (or --map). CSV or TSV, UTF-8, UTF-16 or Windows-1252.

            A Zoom or Teams report credits every session the meeting overlaps, each by the minutes a \
            person spent inside it (rejoins added, overlaps counted once): present with at least \
            --min-percent of the session, late when they first arrived after the course's late \
            threshold, absent otherwise. --session restricts which sessions are credited. The \
            dry run shows each session's present, late and absent counts.

            People already in the library are matched by participant code, then e-mail, then name \
            among the course's roster; a different e-mail or code is always a different person. \
            Someone new with the name and country of a person already in the library is kept as \
            new and listed as a possible duplicate. People a Moodle, Indico, Eventbrite or pretix \
            file adds to a course that has a roster arrive as walk-ins awaiting review. The import is one transaction: if any row is \
            rejected nothing is written (unless --skip-rejected). Importing the same file again \
            changes nothing. Start with --dry-run to see what would happen.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code (see 'muster courses').", completion: ShellCompletion.courseCodes) var course: String
    @Argument(help: "The file to import.") var file: String
    @Option(help: "The file's layout; auto recognises every one of them from its header.")
    var format: RosterFormat = .auto
    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "A column and the field it holds, e.g. --map 'Nom de famille=family' (repeatable). Fields: "
                + RosterField.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "COLUMN=FIELD"))
    var mappings: [String] = []
    @Flag(help: "Show what the import would do; write nothing.") var dryRun = false
    @Flag(help: "Import the valid rows and list the rejected ones, instead of refusing the file.") var skipRejected = false
    @Option(
        help: ArgumentHelp(
            "Share of an online session's length someone must spend inside it to count as attending "
                + "(default: \(RosterImportOptions.defaultMinimumPercent): more in than out; a dropped connection or a late "
                + "start still counts, a look-in does not).", valueName: "PERCENT"))
    var minPercent = RosterImportOptions.defaultMinimumPercent
    @Option(help: "Minutes in an online session that count as attending, whatever its length (instead of --min-percent).")
    var minMinutes: Int?
    @Option(
        name: .customLong("session"),
        help: ArgumentHelp(
            "Credit only this session (repeatable); by default a meeting report credits every session it overlaps.", valueName: "ID"))
    var sessions: [String] = []
    @Option(help: "Time zone of times written without one (default: the course's).") var timeZone: String?
    @Option(help: "Refuse files larger than this many megabytes.") var maxMegabytes = 64
    @Flag(help: "List every new person (by default the first 50).") var verbose = false
    @Flag(help: "Create people who were erased at their request: only when they asked to be registered again.")
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
