import ArgumentParser
import CourseKit

/// `muster`: the terminal front end (no subcommand) and the scriptable commands.
@main
struct Muster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "muster",
        abstract: "Training courses, sessions, nominations and attendance, offline, in a terminal.",
        discussion: """
            With no subcommand Muster opens its terminal interface. The library is one SQLite file: \
            --db PATH, else $MUSTER_DB, else $XDG_DATA_HOME/muster/muster.sqlite. An empty library is \
            seeded from the course files in courses/ (or --courses DIR).
            """,
        subcommands: [TUI.self, Courses.self, Sessions.self, RosterCommand.self, Mark.self, Undo.self,
                      ImportCommand.self, ExportCommand.self],
        defaultSubcommand: TUI.self
    )
}
