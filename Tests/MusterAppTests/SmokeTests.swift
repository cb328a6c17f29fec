import CourseKit
import MusterApp
import TerminalUI
import Testing

/// Every key of the key table, on every screen, at 80×24 and at the minimum size: nothing traps,
/// every frame is well formed, and only `Q` (or `q` at the root) quits.
@Suite struct SmokeTests {
    static let allKeys: [Key] = {
        var keys = Set(MusterKeyMap.standard.bindings.flatMap(\.keys))
        keys.formUnion([
            .escape, .enter, .tab, .backTab, .unknown, .resize, .delete, .insert, .function(5), .ctrl("a"),
            .char("é"), .char("李"), .mouse(MouseEvent(kind: .press, at: Point(x: 3, y: 5))),
            .mouse(MouseEvent(kind: .wheelDown, at: Point(x: 3, y: 5))),
        ])
        return keys.sorted { "\($0)" < "\($1)" }
    }()

    /// Ways to reach each screen from a fresh app on the mini course.
    static let screens: [(String, [Key])] = [
        ("courses", []),
        ("overview", [.enter]),
        ("rollcall", [.enter, .enter]),
        ("rollcall-search", [.enter, .enter, .char("/")]),
        ("help", [.enter, .enter, .char("?")]),
        ("confirm", [.enter, .enter, .char("P")]),
        ("prompt", [.enter, .enter, .char("e")]),
        ("filter", [.enter, .enter, .char("f")]),
        ("sheet-entry", [.enter, .enter, .char("#")]),
        ("sheet-entry-typed", [.enter, .enter, .char("#"), .char("1")]),
    ]

    /// The coordinator's screens, modal ones included.
    static let coordinatorScreens: [(String, [Key])] = [
        ("sessions", [.char("s")]),
        ("sessions-rollcall", [.char("s"), .enter]),
        ("search-everywhere", [.char("/")]),
        ("search-results", [.char("/"), .char("j")]),
        ("course-form", [.char("e")]),
        ("roster", [.enter, .char("r")]),
        ("roster-search", [.enter, .char("r"), .char("/")]),
        ("roster-filter", [.enter, .char("r"), .char("f")]),
        ("roster-filter-values", [.enter, .char("r"), .char("f"), .char("c")]),
        ("roster-status", [.enter, .char("r"), .char("t")]),
        ("roster-substitute", [.enter, .char("r"), .char("t"), .char("s")]),
        ("roster-enrolment-form", [.enter, .char("r"), .char("e")]),
        ("roster-remove", [.enter, .char("r"), .char("d")]),
        ("matrix", [.enter, .char("m")]),
        ("person", [.enter, .char("r"), .enter]),
        ("person-trail", [.enter, .char("r"), .enter, .char("t")]),
        ("nominations", [.enter, .char("n")]),
        ("session-form", [.enter, .char("e")]),
        ("session-delete", [.enter, .char("d")]),
        ("import", [.enter, .char("i")]),
        ("import-failed", [.enter, .char("i"), .char("x"), .enter]),
        ("import-from-roster", [.enter, .char("r"), .char("i")]),
    ]

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16)])
    func everyKeyOnEveryCoordinatorScreen(size: Size) throws {
        try pressEveryKey(on: Self.coordinatorScreens, size: size)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16)])
    func everyKeyOnEveryScreen(size: Size) throws {
        try pressEveryKey(on: Self.screens, size: size)
    }

    func pressEveryKey(on screens: [(String, [Key])], size: Size) throws {
        for (name, path) in screens {
            for key in Self.allKeys {
                let d = try AppDriver(size: size)
                for step in path { d.press(step) }
                d.press(key)
                for theme in [Theme.color, .monochrome, Theme.color.asciiVariant()] {
                    #expect(d.frame(theme: theme).isWellFormed, "\(name) \(key)")
                }
                if d.quit {
                    let quitKeys: Set<Key> = [.char("Q"), .char("q")]
                    #expect(quitKeys.contains(key) || (name == "help" && key == .char("Q")), "\(name): \(key) quit")
                    if key == .char("q") { #expect(name == "courses", "q quits only at the root") }
                }
            }
        }
    }
}
