import ArgumentParser
import TerminalUICurses

/// How wide a listing may be. On a terminal it fits the terminal's width: long titles, names and
/// details are cut with "…" (or, for courses, moved to a second line), and codes, dates and
/// counts never are. `--wide` shows everything. Output to a pipe or a file is never cut, as
/// `ls` and `git` do: `grep`, `less -S` and scripts get every character.
struct ListingOptions: ParsableArguments {
    @Flag(help: CommandWords.help("listingOptions.wide"))
    var wide = false

    var maxWidth: Int? {
        if wide { return nil }
        return TerminalCapabilities.columns(fd: 1).map { max(40, $0) }
    }
}
