import TerminalUI

/// Every command of the app, by stable id. Screens dispatch on these; the key table below
/// gives them keys, so a config file can rebind any of them without touching a screen.
public enum Command {
    // Global
    public static let help: CommandID = "app.help"
    public static let back: CommandID = "app.back"
    public static let quit: CommandID = "app.quit"
    public static let redraw: CommandID = "app.redraw"
    public static let suspend: CommandID = "app.suspend"
    public static let cancel: CommandID = "app.cancel"

    // Lists
    public static let down: CommandID = "list.down"
    public static let up: CommandID = "list.up"
    public static let pageDown: CommandID = "list.pageDown"
    public static let pageUp: CommandID = "list.pageUp"
    public static let halfDown: CommandID = "list.halfPageDown"
    public static let halfUp: CommandID = "list.halfPageUp"
    public static let first: CommandID = "list.first"
    public static let last: CommandID = "list.last"
    public static let open: CommandID = "list.open"
    public static let leave: CommandID = "list.leave"

    // Roll call
    public static let present: CommandID = "rollcall.present"
    public static let absent: CommandID = "rollcall.absent"
    public static let late: CommandID = "rollcall.late"
    public static let excused: CommandID = "rollcall.excused"
    public static let clear: CommandID = "rollcall.clear"
    public static let allPresent: CommandID = "rollcall.allPresent"
    public static let undo: CommandID = "rollcall.undo"
    public static let search: CommandID = "rollcall.search"
    public static let nextMatch: CommandID = "rollcall.nextMatch"
    public static let previousMatch: CommandID = "rollcall.previousMatch"
    public static let filter: CommandID = "rollcall.filter"
}

/// The contexts of the key table: one per screen, beneath them `global` and `list`.
public enum KeyContext {
    public static let global = KeyMap.global
    public static let list = "list"
    public static let courses = "courses"
    public static let overview = "overview"
    public static let rollCall = "rollcall"
}
