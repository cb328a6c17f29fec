import MusterApp
import TerminalUI
import Testing

@Suite struct KeyMapInvariantTests {
    let map = MusterKeyMap.standard

    @Test func noTwoCommandsShareAKeyInAContext() {
        #expect(map.conflicts().isEmpty, "\(map.conflicts())")
    }

    @Test func everyCommandIsDescribed() {
        #expect(map.undescribed().isEmpty, "\(map.undescribed().map(\.id))")
    }

    @Test(arguments: [
        [KeyContext.courses], [KeyContext.overview], [KeyContext.rollCall], [KeyContext.roster],
        [KeyContext.matrix, KeyContext.roster], [KeyContext.person], [KeyContext.nominations],
    ])
    func footerFitsEightyColumnsWithoutWrapping(context: [String]) {
        let contexts = context + [KeyContext.list, KeyContext.global]
        let line = map.footerHints(for: contexts, width: 80)
        #expect(line.displayWidth <= 80)
        #expect(!line.plainText.contains("\n"))
        #expect(!map.footerHints(for: contexts).isEmpty)
    }

    /// The roll call's one-key marks, as docs/TUI-CONVENTIONS.md promises them.
    @Test func rollCallKeysFollowTheConventions() {
        let contexts = [KeyContext.rollCall, KeyContext.list, KeyContext.global]
        let expected: [(Key, CommandID)] = [
            (.char("p"), Command.present), (.char("x"), Command.absent), (.char("l"), Command.late),
            (.char("e"), Command.excused), (.char("0"), Command.clear), (.char("P"), Command.allPresent),
            (.char("u"), Command.undo), (.char("/"), Command.search), (.char("f"), Command.filter),
            (.char("?"), Command.help), (.char("q"), Command.back), (.char("Q"), Command.quit),
            (.char("j"), Command.down), (.down, Command.down), (.char("k"), Command.up),
        ]
        for (key, command) in expected {
            #expect(map.command(for: key, in: contexts) == command, "\(key)")
        }
    }

    /// "One" and "all" are never neighbours: `p` (one) and `P` (all) need Shift, and no
    /// neighbouring key on a QWERTY row marks everyone.
    @Test func allPresentIsNotNextToASingleMark() {
        let contexts = [KeyContext.rollCall, KeyContext.list, KeyContext.global]
        for neighbour in ["o", "[", "0", "l", ";"] {
            #expect(map.command(for: .char(Character(neighbour)), in: contexts) != Command.allPresent)
        }
    }

    @Test func helpListsEveryReachableCommandOfTheRollCall() {
        let sections = map.helpSections(for: [KeyContext.rollCall, KeyContext.list, KeyContext.global])
        let ids = Set(sections.flatMap(\.entries).map(\.command))
        for id in [
            Command.present, Command.absent, Command.late, Command.excused, Command.clear, Command.allPresent,
            Command.undo, Command.search, Command.filter, Command.help, Command.quit, Command.down,
        ] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    /// The roster's keys as docs/TUI-CONVENTIONS.md names them, and the matrix's sideways scroll
    /// taking h/l without losing the roster's other keys.
    @Test func rosterKeysFollowTheConventions() {
        let roster = [KeyContext.roster, KeyContext.list, KeyContext.global]
        let expected: [(Key, CommandID)] = [
            (.char("s"), Command.sort), (.char("S"), Command.reverse), (.char("f"), Command.filter),
            (.char("/"), Command.search), (.char("n"), Command.nextMatch), (.char("N"), Command.previousMatch),
            (.enter, Command.open), (.char("a"), Command.add), (.char("e"), Command.edit), (.char("d"), Command.delete),
            (.escape, Command.cancel), (.char("q"), Command.back),
        ]
        for (key, command) in expected { #expect(map.command(for: key, in: roster) == command, "\(key)") }
        let matrix = [KeyContext.matrix] + roster
        #expect(map.command(for: .char("l"), in: matrix) == Command.scrollRight)
        #expect(map.command(for: .left, in: matrix) == Command.scrollLeft)
        #expect(map.command(for: .enter, in: matrix) == Command.open)
        #expect(map.command(for: .backspace, in: matrix) == Command.leave)
        #expect(map.command(for: .char("/"), in: [KeyContext.courses, KeyContext.list, KeyContext.global]) == Command.findPerson)
    }
}
