import ArgumentParser
import CourseKit
import Foundation

/// `muster`: the terminal front end (no subcommand) and the scriptable commands.
@main
struct Muster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "muster",
        abstract: CommandWords.text("muster.abstract"),
        discussion: CommandWords.text("muster.discussion"),
        version: MusterVersion.text,
        subcommands: [
            TUI.self, Courses.self, Sessions.self, RosterCommand.self, Mark.self, Undo.self,
            ImportCommand.self, ExportCommand.self, ReportCommand.self, Sheet.self, CertificatesCommand.self,
            KioskCommand.self, KioskPIN.self, PersonCommand.self, CourseCommand.self, SyncCommand.self, Purge.self,
            Audit.self, Dev.self, Doctor.self, SoakWriter.self, BenchCommit.self,
        ],
        defaultSubcommand: TUI.self
    )

    /// Like ArgumentParser's `main()`, but a mistake on the command line is one line on stderr,
    /// as every other error is; `--help` still prints the full help.
    static func main() {
        _ = Trace.processStart
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(CommandWords.translatedHelp(fullMessage(for: error)))
            } else if !(error is ExitCode) {
                let text = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
                let trimmed = text.hasPrefix("Error: ") ? String(text.dropFirst(7)) : text
                TerminalText.writeError("muster: \(CommandWords.commandLineError(trimmed))\n")
            }
            Foundation.exit(code.rawValue)
        }
    }
}
