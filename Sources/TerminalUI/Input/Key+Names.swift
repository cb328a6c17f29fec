/// Names of keys, for hints, help and configuration files.
///
/// Display names are short and conventional ("PgDn", "Ctrl-L", "F1", "Esc", "Space"), and
/// ``Key/init(name:)`` reads them back, plus common spellings ("PageDown", "C-l", "^L",
/// "Return"), so a config file can rebind any command by writing what the help screen shows.
extension Key {
    /// The name shown in hints and help, with arrows as symbols ("↓").
    public var displayName: String { displayName(ascii: false) }

    /// The name shown in hints and help; `ascii` spells arrows as words ("Down").
    public func displayName(ascii: Bool) -> String {
        let glyphs: Glyphs = ascii ? .ascii : .unicode
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c).sanitizedForDisplay
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return glyphs.arrowUp
        case .down: return glyphs.arrowDown
        case .left: return glyphs.arrowLeft
        case .right: return glyphs.arrowRight
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .function(let n): return "F\(n)"
        case .mouse: return "Mouse"
        case .resize: return "Resize"
        case .paste: return "Paste"
        case .unknown: return "Unknown"
        }
    }

    /// A key from its name, as written in a key table or config file; nil when unknown.
    /// Named keys are case-insensitive; a single character is that character ("a", "A", "?").
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            if let arrow = Key.arrows[String(c)] { self = arrow; return }
            guard !DisplaySanitizer.needsSanitizing(name) else { return nil }
            self = .char(c)
            return
        }
        let folded = name.lowercased()
        if let named = Key.named[folded] { self = named; return }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where folded.hasPrefix(prefix) {
            let rest = folded.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, !c.isWhitespace else { return nil }
            self = .ctrl(c)
            return
        }
        if folded.hasPrefix("f"), let n = Int(folded.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    private static let arrows: [String: Key] = ["↑": .up, "↓": .down, "←": .left, "→": .right]

    private static let named: [String: Key] = [
        "space": .char(" "), "spc": .char(" "),
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "prior": .pageUp,
        "pgdn": .pageDown, "pgdown": .pageDown, "pagedown": .pageDown, "next": .pageDown,
        "home": .home, "end": .end,
        "enter": .enter, "return": .enter, "ret": .enter,
        "esc": .escape, "escape": .escape,
        "backspace": .backspace, "bksp": .backspace, "bs": .backspace,
        "del": .delete, "delete": .delete, "ins": .insert, "insert": .insert,
        "tab": .tab, "shift-tab": .backTab, "s-tab": .backTab, "backtab": .backTab,
    ]
}
