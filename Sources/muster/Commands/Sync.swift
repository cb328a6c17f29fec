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
        abstract: CommandWords.text("syncCommand.abstract"),
        discussion: CommandWords.text("syncCommand.discussion"),
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
        help: ArgumentHelp(CommandWords.text("passphraseOption.variable"), valueName: "VAR"))
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
        abstract: CommandWords.text("syncStatusCommand.abstract"),
        discussion: CommandWords.text("syncStatusCommand.discussion"))
    @OptionGroup var library: LibraryOptions

    func run() throws {
        try reportingErrors {
            let status = try library.open().syncStatus()
            print(SyncText.statusLines(status, zone: .current, CommandWords.language).joined(separator: "\n"))
        }
    }
}

struct SyncExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: CommandWords.text("syncExportCommand.abstract"),
        discussion: CommandWords.text("syncExportCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("syncExportCommand.course")) var course: [String] = []
    @Flag(help: CommandWords.help("syncExportCommand.all")) var all = false
    @Option(help: ArgumentHelp(CommandWords.text("syncExportCommand.sinceLast"), valueName: "NAME"))
    var sinceLast: String?
    @Option(name: .shortAndLong, help: ArgumentHelp(CommandWords.text("syncExportCommand.output"), valueName: "FILE")) var output: String
    @OptionGroup var passphrase: PassphraseOption

    func validate() throws {
        if course.isEmpty && !all { throw ValidationError(CommandWords.text("syncExport.nameACourse")) }
        if !course.isEmpty && all { throw ValidationError("name COURSEs or --all, not both") }
    }

    func run() throws {
        try reportingErrors {
            let secret = try passphrase.passphrase()
            let store = try library.open()
            let summary = try TerminalText.withProgress(CommandWords.text("progress.exportingBundle")) { progress in
                try store.syncExport(to: output, courses: course, all: all, sinceLast: sinceLast, passphrase: secret, progress: progress)
            }
            print(SyncText.exportLine(summary, CommandWords.language))
        }
    }
}

struct SyncImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: CommandWords.text("syncImportCommand.abstract"),
        discussion: CommandWords.text("syncImportCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: ArgumentHelp(CommandWords.text("syncImportCommand.files"), valueName: "FILE")) var files: [String]
    @Flag(help: CommandWords.help("syncImportCommand.dryRun")) var dryRun = false
    @OptionGroup var passphrase: PassphraseOption

    func validate() throws {
        if files.isEmpty { throw ValidationError(CommandWords.text("syncImport.nameABundle")) }
    }

    func run() throws {
        var refused = false
        try reportingErrors {
            let secret = try passphrase.passphrase()
            let store = try library.open()
            // One bundle at a time, so a refused one is said and the others still go in.
            for file in files {
                do {
                    let summaries = try TerminalText.withProgress(
                        CommandWords.format("progress.importing", (file as NSString).lastPathComponent)
                    ) { progress in
                        try store.syncImport(paths: [file], dryRun: dryRun, passphrase: secret, progress: progress)
                    }
                    for summary in summaries {
                        print(SyncText.importLines(summary, CommandWords.language).joined(separator: "\n"))
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
        abstract: CommandWords.text("syncConflictsCommand.abstract"),
        discussion: CommandWords.text("syncConflictsCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("syncConflictsCommand.course"), completion: ShellCompletion.courseCodes) var course: String?

    func run() throws {
        try reportingErrors {
            let conflicts = try library.open().syncConflicts(course: course)
            if conflicts.isEmpty {
                print(CommandWords.text("sync.noConflicts"))
                return
            }
            print(
                conflicts.map { SyncText.conflictBlock($0, zone: .current, CommandWords.language).joined(separator: "\n") }.joined(
                    separator: "\n\n"))
        }
    }
}

struct SyncResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: CommandWords.text("syncResolveCommand.abstract"),
        discussion: CommandWords.text("syncResolveCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("syncResolveCommand.conflict")) var conflict: String
    @Option(help: ArgumentHelp(CommandWords.text("syncResolveCommand.keep"), valueName: "VALUE|ORIGIN"))
    var keep: String

    func run() throws {
        try reportingErrors {
            let resolved = try library.open().syncResolve(conflict: conflict, keep: keep)
            print(SyncText.resolvedLine(resolved, CommandWords.language))
        }
    }
}
