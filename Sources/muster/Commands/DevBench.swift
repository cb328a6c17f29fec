import ReportText
import ArgumentParser
import CourseKit
import Foundation
import MusterApp
import TerminalUI

/// Times the roster browser key by key on a real library, the way the app runs: the runner,
/// the program and an in-memory 80×24 terminal, so each figure is key → update → database
/// effects → every frame drawn. Build in release for figures that mean something:
///
///     swift build -c release --product muster
///     .build/release/muster dev generate --db /tmp/big.sqlite --no-seed --people 100000
///     .build/release/muster dev bench --db /tmp/big.sqlite --course synthetic-100k
struct DevBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: CommandWords.text("devBench.abstract"))
    @OptionGroup var library: LibraryOptions
    @Option(help: CommandWords.help("devBench.course")) var course = "synthetic-100k"
    @Option(help: CommandWords.help("devBench.find")) var find = "nguyen"

    func run() throws {
        try reportingErrors {
            let store = try CourseStore(path: library.checkedDatabasePath())
            _ = try store.courses.course(code: course)
            let bench = KeyBench(store: store)
            try bench.open(course: course)
            bench.measure(KeyBench.say("moveDown"), Array(repeating: .char("j"), count: 30))
            bench.measure(KeyBench.say("pageDown"), Array(repeating: .pageDown, count: 30))
            bench.measure(KeyBench.say("lastRow"), [.char("G")])
            bench.measure(KeyBench.say("pageUp"), Array(repeating: .pageUp, count: 10))
            bench.measure(KeyBench.say("firstRow"), [.char("g")])
            bench.measure(KeyBench.say("nextSort"), Array(repeating: .char("s"), count: RosterSortColumn.allCases.count))
            bench.measure(KeyBench.say("reverse"), [.char("S"), .char("S")])
            bench.measure(KeyBench.say("filterMenu"), [.char("f")])
            bench.measure(KeyBench.say("countries"), [.char("c")])
            bench.measure(KeyBench.say("byCountry"), [.down, .enter])
            bench.measure(KeyBench.say("addSex"), [.char("f"), .char("s")], timed: false)
            bench.measure(KeyBench.say("bySex"), [.down, .enter])
            bench.measure(KeyBench.say("pageDownFiltered"), Array(repeating: .pageDown, count: 10))
            bench.measure(KeyBench.say("clearFilters"), [.escape])
            bench.measure(KeyBench.say("startSearch"), [.char("/")])
            bench.measure(KeyBench.say("searchKey"), find.map { Key.char($0) })
            bench.measure(KeyBench.say("keepMatch"), [.enter])
            bench.measure(KeyBench.say("nextMatch"), Array(repeating: .char("n"), count: 10))
            bench.measure(KeyBench.say("matrix"), [.char("m")])
            bench.measure(KeyBench.say("matrixDown"), Array(repeating: .char("j"), count: 20))
            bench.measure(KeyBench.say("matrixPageDown"), Array(repeating: .pageDown, count: 10))
            bench.measure(KeyBench.say("matrixLater"), [.char("l"), .char("l")])
            print(bench.report())
        }
    }
}

/// Drives the real program through the runner and records how long each key takes to settle.
final class KeyBench {
    let program: MusterProgram
    let terminal = InMemoryTerminal(size: Size(width: 80, height: 24))
    let runner: Runner<MusterProgram>
    var rows: [(label: String, times: [Double])] = []

    init(store: CourseStore) {
        program = MusterProgram(store: store)
        runner = Runner(
            program: program, state: program.initialState(options: AppOptions(mouse: false), size: terminal.size),
            backend: terminal, theme: .color)
    }

    /// From start-up to the roster of `course` on screen, timed per step.
    func open(course: String) throws {
        timed(Self.say("start")) { runner.send(.start) }
        guard case .courses(let list) = runner.state.screens.root,
            let index = list.courses.firstIndex(where: { $0.course.code == course })
        else {
            throw MusterError.unknownCourse(course)
        }
        measure(Self.say("selectCourse"), Array(repeating: .char("j"), count: index), timed: false)
        measure(Self.say("overview"), [.enter])
        measure(Self.say("roster"), [.char("r")])
    }

    /// A step's or a column's name, from `devBench.*` in Commands.
    static func say(_ key: String) -> String { CommandWords.text("devBench.\(key)") }

    func measure(_ label: String, _ keys: [Key], timed: Bool = true) {
        var times: [Double] = []
        for key in keys {
            let t = elapsed {
                terminal.send(key)
                runner.run(until: terminal.isScriptFinished)
            }
            times.append(t)
        }
        if timed { rows.append((label, times)) }
    }

    private func timed(_ label: String, _ body: () -> Void) {
        let t = elapsed {
            body()
            runner.run(until: terminal.isScriptFinished)
        }
        rows.append((label, [t]))
    }

    private func elapsed(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        body()
        let d = clock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    func report() -> String {
        let lines = rows.map { row -> [String] in
            let sorted = row.times.sorted()
            let median = sorted[sorted.count / 2]
            let ms = { (x: Double) in String(format: "%.1f", locale: CommandWords.language.numberLocale, x) }
            return [row.label, String(row.times.count), ms(median), ms(sorted.last ?? 0)]
        }
        let screen = terminal.lines.prefix(2).joined(separator: "\n")
        let header = ["action", "keys", "median", "max"].map { Self.say("column.\($0)") }
        return TextTable.render(header: header, rows: lines, rightAligned: [1, 2, 3]) + "\n" + Self.say("lastFrame") + "\n" + screen + "\n"
    }
}
