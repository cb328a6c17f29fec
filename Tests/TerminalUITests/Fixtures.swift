import TerminalUI

/// Names from the brief and docs/BAD-INPUTS.md that every text path must handle.
enum Names {
    static let josePrecomposed = "Jos\u{E9} \u{D1}\u{FA}\u{F1}ez"
    static let joseDecomposed = "Jose\u{301} N\u{303}u\u{301}n\u{303}ez"
    static let bruceLee = "李小龍"
    static let nguyen = "Nguy\u{1EC5}n V\u{103}n A"
    static let nguyenDecomposed = "Nguye\u{302}\u{303}n Va\u{306}n A"
    static let oneil = "O'Neil-Smith"
}

/// A key table shaped like Muster's: global commands, a roster screen and a roll call that
/// deliberately takes `l` and `q`.
enum SampleKeys {
    static let map = KeyMap(
        [
            Binding("help", keys: [.char("?"), .function(1)], description: "Show help for this screen", label: "help", showInFooter: true),
            Binding("quit", keys: [.char("q")], description: "Close this screen; quit at the top", label: "quit", showInFooter: true),
            Binding("quitNow", keys: [.char("Q")], description: "Quit now", label: "quit now"),
            Binding("redraw", keys: [.ctrl("l")], description: "Redraw the screen", label: "redraw"),
            Binding("suspend", keys: [.ctrl("z")], description: "Suspend (fg resumes)", label: "suspend"),
            Binding("cancel", keys: [.escape], description: "Cancel, clear the filter, leave a field", label: "cancel"),

            Binding("down", keys: [.char("j"), .down], description: "Next row", label: "down", context: "list"),
            Binding("up", keys: [.char("k"), .up], description: "Previous row", label: "up", context: "list"),
            Binding("pageDown", keys: [.pageDown, .char(" ")], description: "Next page", label: "page", context: "list"),
            Binding("pageUp", keys: [.pageUp, .char("b")], description: "Previous page", label: "page up", context: "list"),
            Binding("halfDown", keys: [.ctrl("d")], description: "Half a page down", label: "½ down", context: "list"),
            Binding("halfUp", keys: [.ctrl("u")], description: "Half a page up", label: "½ up", context: "list"),
            Binding("first", keys: [.char("g"), .home], description: "First row", label: "first", context: "list"),
            Binding("last", keys: [.char("G"), .end], description: "Last row", label: "last", context: "list"),
            Binding("search", keys: [.char("/")], description: "Search as you type", label: "search", context: "list", showInFooter: true),

            Binding(
                "present", keys: [.char("p")], description: "Mark present, move to the next person", label: "present", context: "rollcall",
                showInFooter: true),
            Binding(
                "absent", keys: [.char("x")], description: "Mark absent, move to the next person", label: "absent", context: "rollcall",
                showInFooter: true),
            Binding(
                "late", keys: [.char("l")], description: "Mark late (arrival time recorded)", label: "late", context: "rollcall",
                showInFooter: true),
            Binding(
                "excused", keys: [.char("e")], description: "Mark excused, with an optional reason", label: "excused", context: "rollcall",
                showInFooter: true),
            Binding("clear", keys: [.char("0")], description: "Clear the mark", label: "clear", context: "rollcall"),
            Binding(
                "allPresent", keys: [.char("P")], description: "Mark every unmarked person present", label: "all present",
                context: "rollcall"),
            Binding("undo", keys: [.char("u")], description: "Undo the last mark", label: "undo", context: "rollcall", showInFooter: true),
            Binding(
                "back", keys: [.char("q")], description: "Back to the session list", label: "back", context: "rollcall", showInFooter: true,
                overridesGlobal: true),
        ], contextTitles: ["rollcall": "Roll call", "list": "Lists"])

    static let rollCallContexts = ["rollcall", "list", KeyMap.global]
}
