import ArgumentParser
import CourseKit
import Foundation
import HQKit
import ReportText

/// `muster-hq`: the head office's PostgreSQL holding every course of a region, fed by the same
/// sync bundles the laptops exchange.
@main
struct MusterHQ: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "muster-hq",
        abstract: "Every course of a region in PostgreSQL: ingest laptops' sync bundles, report across courses, pull libraries.",
        discussion: """
            The database comes from --url or MUSTER_HQ_URL (postgres://user[:password]@host[:port]/database\
            [?sslmode=disable|prefer|require]). Start with 'init'; then 'ingest' the bundles devices write \
            with 'muster sync export'. 'report' sums attendance and completion across courses on the server; \
            'pull' writes an ordinary Muster library for the TUI and every laptop command, whose edits come \
            back with 'muster sync export' and 'ingest'.
            """,
        subcommands: [InitCommand.self, IngestCommand.self, PullCommand.self, ReportCommand.self, StatusCommand.self])
}

/// Where the database is, and how long to wait for it.
struct ServerOptions: ParsableArguments {
    @Option(help: "The database URL (default: $MUSTER_HQ_URL).") var url: String?
    @Option(help: "Seconds to wait for the server to answer a connection.") var connectTimeout = 10
    @Option(help: "Seconds any one statement may run before the server cancels it (default: no limit).") var statementTimeout: Int?

    func connect() async throws -> HQDatabase {
        guard let text = url ?? ProcessInfo.processInfo.environment["MUSTER_HQ_URL"], !text.isEmpty else {
            throw HQError("no database: give --url postgres://user@host/database, or set MUSTER_HQ_URL")
        }
        guard connectTimeout > 0 else { throw HQError("--connect-timeout must be at least 1 second") }
        return try await HQDatabase.connect(try HQURL(text), connectTimeout: connectTimeout, statementTimeout: statementTimeout)
    }
}

/// Runs a command body with a connection, printing any failure as one line and exiting 1.
func withDatabase(_ server: ServerOptions, _ body: (HQDatabase) async throws -> Void) async throws {
    do {
        let db = try await server.connect()
        try await body(db)
        await db.close()
    } catch let error as HQError {
        fail(error.description)
    } catch let error as MusterError {
        fail(error.description)
    }
}

/// One line on stderr, shown safely (a bundle's or server's text cannot drive the terminal),
/// then exit 1.
func fail(_ line: String) -> Never {
    FileHandle.standardError.write(Data("muster-hq: \(VisibleText.make(line))\n".utf8))
    exit(1)
}

/// --from and --to, checked before any connection is made.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Courses ending on or after this date (YYYY-MM-DD).") var from: String?
    @Option(help: "Courses starting on or before this date (YYYY-MM-DD).") var to: String?

    func validate() throws {
        for (text, option) in [(from, "--from"), (to, "--to")] where text != nil && CalendarDate(iso: text!) == nil {
            throw ValidationError("\(option) '\(NameSanitizer.clean(text!))' is not a date (YYYY-MM-DD)")
        }
    }

    var fromDate: CalendarDate? { from.flatMap(CalendarDate.init(iso:)) }
    var toDate: CalendarDate? { to.flatMap(CalendarDate.init(iso:)) }
}

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the head office's tables, or bring them up to date (safe to run again).")
    @OptionGroup var server: ServerOptions

    func run() async throws {
        try await withDatabase(server) { db in
            let ran = try await HQSchema.migrate(db)
            if ran.isEmpty {
                print("\(db.url.shown): up to date (schema \(HQSchema.migrations.last!.version))")
            } else {
                for m in ran { print("\(db.url.shown): schema \(m.version): \(m.name)") }
            }
        }
    }
}

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Take in sync bundles from any device (each verified whole, then one transaction each).",
        discussion: "A bundle taken in before changes nothing; records already held are skipped, so any order gives the same database.")
    @OptionGroup var server: ServerOptions
    @Option(
        name: .customLong("passphrase-env"),
        help: ArgumentHelp("Decrypt with the passphrase in this environment variable.", valueName: "VAR"))
    var passphraseVariable: String?
    @Argument(help: "Bundle files (muster sync export).") var bundles: [String]

    func validate() throws {
        if bundles.isEmpty { throw ValidationError("name at least one bundle file") }
    }

    func run() async throws {
        var passphrase: String?
        if let passphraseVariable {
            guard let value = ProcessInfo.processInfo.environment[passphraseVariable], !value.isEmpty else {
                FileHandle.standardError.write(
                    Data("muster-hq: --passphrase-env \(NameSanitizer.clean(passphraseVariable)): that variable is not set or empty\n".utf8)
                )
                throw ExitCode(1)
            }
            passphrase = value
        }
        try await withDatabase(server) { db in
            try await HQSchema.check(db)
            for path in bundles {
                let began = Date()
                let s = try await ProgressMeter.around("Ingesting \((path as NSString).lastPathComponent)") { progress in
                    try await HQIngest.ingest(db, path: path, passphrase: passphrase, progress: progress)
                }
                let seconds = Date().timeIntervalSince(began)
                if s.alreadyIngested {
                    print("\(s.file): already ingested (from \(s.from)); nothing changed")
                    continue
                }
                let rate = seconds > 0 ? Int(Double(s.records) / seconds) : s.records
                print(
                    "\(s.file): from \(s.from): \(s.records) records, \(s.added) new, \(s.skipped) already here; "
                        + "\(s.courses) course\(s.courses == 1 ? "" : "s") updated (\(String(format: "%.1f", seconds)) s, \(rate) records/s)"
                )
                for line in s.refused { print("  refused: \(line)") }
            }
        }
    }
}

struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Write an ordinary Muster library of some courses (or all) for the TUI and laptop commands.",
        discussion: """
            Courses are whole: their sessions, nominations, people, agencies and attendance. --country \
            takes the courses held in those countries or with a person from them. Edits made in the \
            library come back with 'muster sync export --all -o FILE' and 'muster-hq ingest FILE'.
            """)
    @OptionGroup var server: ServerOptions
    @Option(parsing: .upToNextOption, help: "Course codes.") var course: [String] = []
    @Option(parsing: .upToNextOption, help: "ISO country codes (GT, PW…).") var country: [String] = []
    @OptionGroup var period: PeriodOptions
    @Option(name: .shortAndLong, help: "The new library file.") var output: String

    func run() async throws {
        try await withDatabase(server) { db in
            let scope = HQPullScope(
                courses: course, countries: country, from: period.fromDate, to: period.toDate)
            let s = try await HQPull.pull(db, scope: scope, to: output, actor: ProcessInfo.processInfo.environment["USER"] ?? "head office")
            let shown = s.courses.count <= 6 ? s.courses.joined(separator: ", ") : "\(s.courses.count) courses"
            print("\(NameSanitizer.clean(output)): \(shown); \(s.records) records (\(s.imported?.waiting ?? 0) waiting)")
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The cross-course report, summed on the server: the figures 'muster report --all' gives on a pulled library.")
    @OptionGroup var server: ServerOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "Breakdowns, comma-separated: sex, country, agency, agency-kind, role.") var by = "sex,country"
    @Option(help: "text, markdown, csv or html.") var format: ReportFormat = .text
    @Flag(help: "With csv: start with a byte-order mark (for Excel).") var bom = false
    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?

    func validate() throws {
        do { _ = try ReportDimension.parseList(by) } catch { throw ValidationError("--by: \(error)") }
    }

    func run() async throws {
        try await withDatabase(server) { db in
            let dimensions = try ReportDimension.parseList(by)
            let report = try await HQReport.build(db, from: period.fromDate, to: period.toDate, by: dimensions)
            let text = format.render(report, bom: bom)
            try OutputFile.write(text, to: output)
        }
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Courses, devices and the record numbers held from each (with gaps), last bundles.")
    @OptionGroup var server: ServerOptions

    func run() async throws {
        try await withDatabase(server) { db in
            print(HQStatusText.render(try await HQStatus.read(db)), terminator: "")
        }
    }
}
