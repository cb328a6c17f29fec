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
            bench.measure("move down (j)", Array(repeating: .char("j"), count: 30))
            bench.measure("page down (PgDn)", Array(repeating: .pageDown, count: 30))
            bench.measure("last row (G)", [.char("G")])
            bench.measure("page up (PgUp)", Array(repeating: .pageUp, count: 10))
            bench.measure("first row (g)", [.char("g")])
            bench.measure("next sort column (s)", Array(repeating: .char("s"), count: RosterSortColumn.allCases.count))
            bench.measure("reverse (S)", [.char("S"), .char("S")])
            bench.measure("open filter menu (f)", [.char("f")])
            bench.measure("list countries (c)", [.char("c")])
            bench.measure("filter by a country", [.down, .enter])
            bench.measure("add a filter: sex", [.char("f"), .char("s")], timed: false)
            bench.measure("filter by a sex too", [.down, .enter])
            bench.measure("page down, filtered", Array(repeating: .pageDown, count: 10))
            bench.measure("clear filters (Esc)", [.escape])
            bench.measure("start search (/)", [.char("/")])
            bench.measure("search, per typed key", find.map { Key.char($0) })
            bench.measure("keep the match (Enter)", [.enter])
            bench.measure("next match (n)", Array(repeating: .char("n"), count: 10))
            bench.measure("switch to matrix (m)", [.char("m")])
            bench.measure("matrix: move down (j)", Array(repeating: .char("j"), count: 20))
            bench.measure("matrix: page down", Array(repeating: .pageDown, count: 10))
            bench.measure("matrix: later sessions (l)", [.char("l"), .char("l")])
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
        timed("start, course list") { runner.send(.start) }
        guard case .courses(let list) = runner.state.screens.root,
            let index = list.courses.firstIndex(where: { $0.course.code == course })
        else {
            throw MusterError.unknownCourse(course)
        }
        measure("select the course", Array(repeating: .char("j"), count: index), timed: false)
        measure("open the overview (Enter)", [.enter])
        measure("open the roster (r)", [.char("r")])
    }

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
            return [row.label, String(row.times.count), String(format: "%.1f", median), String(format: "%.1f", sorted.last ?? 0)]
        }
        let screen = terminal.lines.prefix(2).joined(separator: "\n")
        return TextTable.render(header: ["ACTION", "KEYS", "MEDIAN MS", "MAX MS"], rows: lines, rightAligned: [1, 2, 3])
            + "\nLast frame's first lines:\n" + screen + "\n"
    }
}
