import TerminalUI

/// Muster's default key table, following TUI-CONVENTIONS.md: htop/mutt/vi habits for moving,
/// one key per mark on the roll call, and "one" and "all" never on neighbouring keys
/// (`p` marks one person present, `P` — with a confirmation — everyone unmarked).
public enum MusterKeyMap {
    public static let standard = KeyMap([
        // Global
        Binding(Command.help, keys: [.char("?"), .function(1)], description: "Show the keys of this screen", label: "help",
                showInFooter: true),
        Binding(Command.back, keys: [.char("q")], description: "Close this screen (quit at the course list)", label: "back",
                showInFooter: true),
        Binding(Command.quit, keys: [.char("Q")], description: "Quit Muster now", label: "quit"),
        Binding(Command.cancel, keys: [.escape], description: "Cancel a dialog, clear a filter or search", label: "cancel"),
        Binding(Command.redraw, keys: [.ctrl("l")], description: "Redraw the screen", label: "redraw"),
        Binding(Command.suspend, keys: [.ctrl("z")], description: "Suspend to the shell (fg resumes)", label: "suspend"),

        // Lists, shared by every table screen
        Binding(Command.down, keys: [.char("j"), .down], description: "Next row", label: "down", context: KeyContext.list),
        Binding(Command.up, keys: [.char("k"), .up], description: "Previous row", label: "up", context: KeyContext.list),
        Binding(Command.pageDown, keys: [.pageDown, .char(" ")], description: "Next page", label: "page", context: KeyContext.list),
        Binding(Command.pageUp, keys: [.pageUp, .char("b")], description: "Previous page", label: "page up", context: KeyContext.list),
        Binding(Command.halfDown, keys: [.ctrl("d")], description: "Half a page down", label: "½ down", context: KeyContext.list),
        Binding(Command.halfUp, keys: [.ctrl("u")], description: "Half a page up", label: "½ up", context: KeyContext.list),
        Binding(Command.first, keys: [.char("g"), .home], description: "First row", label: "first", context: KeyContext.list),
        Binding(Command.last, keys: [.char("G"), .end], description: "Last row", label: "last", context: KeyContext.list),
        Binding(Command.leave, keys: [.char("h"), .left, .backspace], description: "Back to the previous screen",
                label: "back", context: KeyContext.list),

        // Course list
        Binding(Command.open, keys: [.enter, .right, .char("l")], description: "Open the course", label: "open",
                context: KeyContext.courses, showInFooter: true),

        // Course overview
        Binding(Command.open, keys: [.enter, .right, .char("l")], description: "Take the roll call of the session", label: "roll call",
                context: KeyContext.overview, showInFooter: true),

        // Roll call
        Binding(Command.present, keys: [.char("p")], description: "Present, then the next person", label: "present",
                context: KeyContext.rollCall, showInFooter: true),
        Binding(Command.absent, keys: [.char("x")], description: "Absent, then the next person", label: "absent",
                context: KeyContext.rollCall, showInFooter: true),
        Binding(Command.late, keys: [.char("l")], description: "Late (records the arrival time), then the next person",
                label: "late", context: KeyContext.rollCall, showInFooter: true),
        Binding(Command.excused, keys: [.char("e")], description: "Excused (asks for a reason, may be left empty), then the next",
                label: "excused", context: KeyContext.rollCall, showInFooter: true),
        Binding(Command.clear, keys: [.char("0")], description: "Clear the mark", label: "clear", context: KeyContext.rollCall),
        Binding(Command.allPresent, keys: [.char("P")], description: "Mark everyone still unmarked present (asks first)",
                label: "all present", context: KeyContext.rollCall),
        Binding(Command.undo, keys: [.char("u")], description: "Undo the last mark made here", label: "undo",
                context: KeyContext.rollCall, showInFooter: true),
        Binding(Command.search, keys: [.char("/")], description: "Find a person by part of their name", label: "find",
                context: KeyContext.rollCall, showInFooter: true),
        Binding(Command.nextMatch, keys: [.char("n")], description: "Next match of the last search", label: "next match",
                context: KeyContext.rollCall),
        Binding(Command.previousMatch, keys: [.char("N")], description: "Previous match of the last search",
                label: "previous match", context: KeyContext.rollCall),
        Binding(Command.filter, keys: [.char("f")], description: "Show only unmarked, present, absent, late or excused",
                label: "filter", context: KeyContext.rollCall, showInFooter: true),
    ], contextTitles: [KeyContext.global: "Everywhere", KeyContext.list: "Moving in lists",
                       KeyContext.courses: "Course list", KeyContext.overview: "Course overview",
                       KeyContext.rollCall: "Roll call"])
}
