import Testing
import TerminalUI

@Suite("Key map")
struct KeyMapTests {
    let map = SampleKeys.map

    @Test("The sample table is sound: no conflicts, everything described")
    func invariants() {
        #expect(map.conflicts().isEmpty, "\(map.conflicts())")
        #expect(map.undescribed().isEmpty)
    }

    @Test("Two commands on one key in one context are reported")
    func sameContextConflict() {
        var broken = map.bindings
        broken.append(Binding("sort", keys: [.char("s"), .char("j")], description: "Sort", label: "sort", context: "list"))
        let conflicts = KeyMap(broken).conflicts()
        #expect(conflicts == [KeyConflict(context: "list", key: .char("j"), commands: ["down", "sort"])])
    }

    @Test("A screen may take a global key only when marked")
    func shadowing() {
        var bindings = map.bindings
        bindings.append(Binding("lock", keys: [.char("Q")], description: "Lock the kiosk", label: "lock", context: "kiosk"))
        #expect(KeyMap(bindings).conflicts() == [KeyConflict(context: "kiosk", key: .char("Q"), commands: ["lock", "quitNow"])])
        bindings[bindings.count - 1].overridesGlobal = true
        #expect(KeyMap(bindings).conflicts().isEmpty)
    }

    @Test("Bindings without keys, description or footer label are reported")
    func undescribed() {
        let bad = KeyMap([
            Binding("a", keys: [], description: "No keys"),
            Binding("b", keys: [.char("b")], description: "  "),
            Binding("c", keys: [.char("c")], description: "Shown without label", showInFooter: true),
            Binding("d", keys: [.char("d")], description: "Fine", label: "d"),
        ])
        #expect(bad.undescribed().map(\.id) == ["a", "b", "c"])
    }

    @Test("The first context that binds a key wins")
    func lookup() {
        #expect(map.command(for: .char("q"), in: SampleKeys.rollCallContexts) == "back")
        #expect(map.command(for: .char("q"), in: ["list", KeyMap.global]) == "quit")
        #expect(map.command(for: .down, in: SampleKeys.rollCallContexts) == "down")
        #expect(map.command(for: .function(1), in: SampleKeys.rollCallContexts) == "help")
        #expect(map.command(for: .char("z"), in: SampleKeys.rollCallContexts) == nil)
        #expect(map.command(for: .char("p"), in: [KeyMap.global]) == nil)
    }

    @Test("Rebinding changes lookups, footer and help together")
    func rebind() {
        var custom = map
        let found = custom.rebind("present", in: "rollcall", to: [.char("y")])
        let missing = custom.rebind("nonexistent", to: [.char("z")])
        #expect(found && !missing)
        #expect(custom.command(for: .char("y"), in: SampleKeys.rollCallContexts) == "present")
        #expect(custom.command(for: .char("p"), in: SampleKeys.rollCallContexts) == nil)
        #expect(custom.footerHints(for: SampleKeys.rollCallContexts).contains(FooterHint(keys: "y", label: "present")))
    }

    @Test("Footer hints list the screen first and drop shadowed keys")
    func hints() {
        let hints = map.footerHints(for: SampleKeys.rollCallContexts)
        #expect(hints.map(\.label) == ["present", "absent", "late", "excused", "undo", "back", "search", "help"])
        #expect(hints.first == FooterHint(keys: "p", label: "present"))
        #expect(!hints.contains { $0.label == "quit" })  // its only key is taken by "back"
    }

    @Test("Footer hints fit 80 columns, cut whole with …, never wrapped")
    func hintsFit() {
        for width in [0, 1, 5, 12, 20, 40, 80, 200] {
            let line = map.footerHints(for: SampleKeys.rollCallContexts, width: width)
            #expect(line.displayWidth <= width)
            #expect(!line.plainText.contains("\n"))
        }
        let eighty = map.footerHints(for: SampleKeys.rollCallContexts, width: 80).plainText
        #expect(eighty == "p present  x absent  l late  e excused  u undo  q back  / search  ?/F1 help")
        let forty = map.footerHints(for: SampleKeys.rollCallContexts, width: 40).plainText
        #expect(forty == "p present  x absent  l late  e excused …")
        let ascii = map.footerHints(for: SampleKeys.rollCallContexts, width: 40, glyphs: .ascii).plainText
        #expect(ascii.hasSuffix(" ~"))
        #expect(map.footerHints(for: SampleKeys.rollCallContexts, width: 7).plainText == "p pres…")
    }

    @Test("Footer keys are styled apart from labels")
    func hintRoles() {
        let line = FooterHint.line([FooterHint(keys: "j/↓", label: "down")], width: 80)
        #expect(line.runs.first == StyledText.Run("j/↓", role: .footerKey))
    }

    @Test("Help sections group by context and show only keys that work")
    func help() {
        let sections = map.helpSections(for: SampleKeys.rollCallContexts)
        #expect(sections.map(\.title) == ["Roll call", "Lists", "Global"])
        let global = sections[2].entries.map(\.command)
        #expect(!global.contains("quit"))
        #expect(global.contains("help"))
        let down = sections[1].entries.first { $0.command == "down" }
        #expect(down?.keys == "j/↓")
        #expect(map.helpSections(for: SampleKeys.rollCallContexts, ascii: true)[1].entries.first?.keys == "j/Down")
        #expect(map.helpSections(for: []).isEmpty)
    }
}

@Suite("Key names")
struct KeyNameTests {
    static let keys: [Key] = {
        var keys: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape,
            .backspace, .delete, .insert, .tab, .backTab, .char(" "),
        ]
        keys += "aAzZ09?/!~-+=.,;:'\"[]{}#é李".map(Key.char)
        keys += "abcdefghijklmnopqrstuvwxyz\\]".map(Key.ctrl)
        keys += (1...24).map(Key.function)
        return keys
    }()

    @Test("Display names are the conventional short forms")
    func displayNames() {
        #expect(Key.pageDown.displayName == "PgDn")
        #expect(Key.ctrl("l").displayName == "Ctrl-L")
        #expect(Key.function(1).displayName == "F1")
        #expect(Key.escape.displayName == "Esc")
        #expect(Key.enter.displayName == "Enter")
        #expect(Key.char(" ").displayName == "Space")
        #expect(Key.down.displayName == "↓")
        #expect(Key.down.displayName(ascii: true) == "Down")
        #expect(KeyMap.keyText([.char("j"), .down]) == "j/↓")
        #expect(Key.char("\u{1B}").displayName == "\u{FFFD}")
    }

    @Test("Every key's display name parses back to the key", arguments: keys)
    func roundTrip(_ key: Key) {
        #expect(Key(name: key.displayName) == key)
        #expect(Key(name: key.displayName(ascii: true)) == key)
    }

    @Test("Common spellings parse")
    func spellings() {
        #expect(Key(name: "Ctrl-L") == .ctrl("l"))
        #expect(Key(name: "C-l") == .ctrl("l"))
        #expect(Key(name: "^L") == .ctrl("l"))
        #expect(Key(name: "ctrl+x") == .ctrl("x"))
        #expect(Key(name: "F10") == .function(10))
        #expect(Key(name: "f1") == .function(1))
        #expect(Key(name: "PgDn") == .pageDown)
        #expect(Key(name: "PageDown") == .pageDown)
        #expect(Key(name: "RETURN") == .enter)
        #expect(Key(name: "Escape") == .escape)
        #expect(Key(name: "Shift-Tab") == .backTab)
        #expect(Key(name: "a") == .char("a"))
        #expect(Key(name: "A") == .char("A"))
        #expect(Key(name: "↓") == .down)
    }

    @Test("Unknown or malformed names are rejected", arguments: ["", "F0", "F25", "Ctrl-", "Ctrl-ab", "Hyper-x", "\u{1B}", "ab", "Ctrl- "])
    func rejects(_ name: String) {
        #expect(Key(name: name) == nil)
    }
}
