import ArgumentParser
import CourseKit
import Foundation
import MusterApp

/// `muster sync …`: bundles between libraries (a kiosk, a facilitator's laptop, the
/// coordinator's), their conflicts, and what this library holds. The wording is `SyncText`'s,
/// shared with the TUI's sync screen, so a preview reads the same in both.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Carry courses, rosters and marks between libraries: bundle files, or live over the venue network.",
        discussion: """
            Each library signs the records it makes. 'export' writes a bundle, 'import' merges one (records \
            already held are skipped, so importing twice or in any order is safe), 'conflicts' lists fields \
            edited on two devices at once and 'resolve' chooses. 'status' says what this library holds from \
            which device and what is missing. 'serve' and 'with' exchange the same records live between paired \
            devices; 'peers', 'trust', 'revoke' and 'label' manage them.
            """,
        subcommands: [
            SyncStatusCommand.self, SyncExportCommand.self, SyncImportCommand.self, SyncConflictsCommand.self,
            SyncResolveCommand.self, SyncServeCommand.self, SyncWithCommand.self, SyncPeersCommand.self, SyncTrustCommand.self,
            SyncRevokeCommand.self, SyncLabelCommand.self,
        ])
}

/// Reads a passphrase from the environment variable `--passphrase-env` names, so it never sits
/// in the shell's history or the process list. A named variable that is unset or empty is a
/// mistake (a bundle silently written unencrypted), never "no passphrase".
struct PassphraseOption: ParsableArguments {
    @Option(
        name: .customLong("passphrase-env"),
        help: ArgumentHelp("Encrypt (or decrypt) with the passphrase in this environment variable.", valueName: "VAR"))
    var variable: String?

    func passphrase(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        guard let variable else { return nil }
        guard let value = environment[variable], !value.isEmpty else {
            throw MusterError.invalid("--passphrase-env \(NameSanitizer.clean(variable)): that variable is not set or empty")
        }
        return value
    }
}

struct SyncStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "This library's origin, what it holds from each device (and what is missing), transfers, conflicts.",
        discussion: """
            A gap ("missing 41–57: ask kiosk-door") means records that device made have not arrived here: \
            import a newer bundle from it. Also prints the SQLite version, with a warning when it has the \
            WAL-reset bug.
            """)
    @OptionGroup var library: LibraryOptions

    func run() throws {
        try reportingErrors {
            let status = try library.open().syncStatus()
            print(SyncText.statusLines(status, zone: .current).joined(separator: "\n"))
        }
    }
}

struct SyncExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a bundle of one or more courses (or --all) for another library to import.",
        discussion: """
            The bundle holds the courses' sessions, rosters, people and attendance events, signed by this \
            library. --since-last NAME carries only what the last export named NAME did not (name each \
            destination, e.g. --since-last coordinator); the first one carries everything. The file is \
            written with mode 0600: it holds personal data.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "Course codes (see 'muster courses').") var course: [String] = []
    @Flag(help: "Every course in the library.") var all = false
    @Option(help: ArgumentHelp("Only what the last export with this name did not carry.", valueName: "NAME"))
    var sinceLast: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("The bundle file to write.", valueName: "FILE")) var output: String
    @OptionGroup var passphrase: PassphraseOption

    func validate() throws {
        if course.isEmpty && !all { throw ValidationError("name a COURSE or --all: muster sync export COURSE… -o FILE") }
        if !course.isEmpty && all { throw ValidationError("name COURSEs or --all, not both") }
    }

    func run() throws {
        try reportingErrors {
            let secret = try passphrase.passphrase()
            let store = try library.open()
            let summary = try TerminalText.withProgress("Exporting") { progress in
                try store.syncExport(to: output, courses: course, all: all, sinceLast: sinceLast, passphrase: secret, progress: progress)
            }
            print(SyncText.exportLine(summary))
        }
    }
}

struct SyncImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge bundles from other libraries: prints what each adds, skips and refuses, and the conflicts it found.",
        discussion: """
            Each bundle is checked whole (signature, checksum, count) and imported in one transaction, or \
            refused whole with the reason. Records already here are skipped, so a bundle imported twice \
            changes nothing. The exit status is 1 when a bundle was refused, 0 otherwise.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: ArgumentHelp("Bundle files.", valueName: "FILE")) var files: [String]
    @Flag(help: "Show what would be added; write nothing.") var dryRun = false
    @OptionGroup var passphrase: PassphraseOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("name a bundle: muster sync import FILE…") }
    }

    func run() throws {
        var refused = false
        try reportingErrors {
            let secret = try passphrase.passphrase()
            let store = try library.open()
            // One bundle at a time, so a refused one is said and the others still go in.
            for file in files {
                do {
                    let summaries = try TerminalText.withProgress("Importing \((file as NSString).lastPathComponent)") { progress in
                        try store.syncImport(paths: [file], dryRun: dryRun, passphrase: secret, progress: progress)
                    }
                    for summary in summaries {
                        print(SyncText.importLines(summary).joined(separator: "\n"))
                    }
                } catch let error as MusterError {
                    refused = true
                    let reason = NameSanitizer.clean(error.description)
                    let name = NameSanitizer.clean(file)
                    let line = reason.hasPrefix(name) ? reason : "\(name): \(reason)"
                    TerminalText.writeError("muster: \(line)\n")
                }
            }
        }
        if refused { throw ExitCode(1) }
    }
}

struct SyncConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Fields edited on two devices at once: every value, which one shows now, and how to choose.",
        discussion: """
            Until resolved, every library shows the same value (the latest edit, by the devices' clocks) \
            and keeps the others. 'muster sync resolve ID --keep VALUE' (or --keep with a device's label) \
            chooses; the choice travels in the next bundle.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "Only this course's conflicts (people on it included).", completion: ShellCompletion.courseCodes) var course: String?

    func run() throws {
        try reportingErrors {
            let conflicts = try library.open().syncConflicts(course: course)
            if conflicts.isEmpty {
                print("no open conflicts")
                return
            }
            print(conflicts.map { SyncText.conflictBlock($0, zone: .current).joined(separator: "\n") }.joined(separator: "\n\n"))
        }
    }
}

struct SyncResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a conflict by keeping one value.",
        discussion: """
            --keep takes the value as shown by 'muster sync conflicts', or the label (or id prefix) of the \
            device whose value to keep. The choice is a new edit: it travels in the next bundle and ends \
            the conflict on every library that imports it.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The conflict's id (see 'muster sync conflicts').") var conflict: String
    @Option(help: ArgumentHelp("The value to keep, or the device whose value to keep.", valueName: "VALUE|ORIGIN"))
    var keep: String

    func run() throws {
        try reportingErrors {
            let resolved = try library.open().syncResolve(conflict: conflict, keep: keep)
            print(SyncText.resolvedLine(resolved))
        }
    }
}
