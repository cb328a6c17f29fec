import Testing
import TestSupport
import TerminalUI

/// A toy program: a counter driven by keys, with every kind of effect.
struct Counter: Program {
    struct State: Equatable {
        var count = 0
        var ticks = 0
        var message = ""
        var size = Size(width: 0, height: 0)
    }

    enum Action: Sendable, Equatable {
        case increment, decrement, quit, startTimer, timerFired, load, loaded(Int), tick
        case resized(Size), suspend, redraw, bell
        /// A load in steps, each queueing the next (a query, then the pages it needs).
        case step(Int)
    }

    var ticking = false

    func update(_ state: inout State, _ action: Action) -> [Effect<Action>] {
        switch action {
        case .increment: state.count += 1
        case .decrement: state.count -= 1
        case .quit: return [.quit]
        case .startTimer:
            state.message = "waiting"
            return [.after(milliseconds: 500, .timerFired)]
        case .timerFired: state.message = "fired"
        case .load:
            state.message = "Loading…"
            return [.run { .loaded(42) }]
        case .loaded(let value):
            state.count = value
            state.message = "loaded"
        case .step(let left):
            state.count += 1
            state.message = left == 0 ? "stepped" : "stepping"
            return left == 0 ? [] : [.run { .step(left - 1) }]
        case .tick: state.ticks += 1
        case .resized(let size): state.size = size
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        case .bell: return [.bell]
        }
        return []
    }

    func render(_ state: State, size: Size, theme: Theme) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        HeaderLine(breadcrumbs: ["Counter"], trailing: "\(state.ticks) ticks").render(into: &buffer, rect: Rect(size: size), theme: theme)
        buffer.put("Count: \(state.count)", at: Point(x: 2, y: 2))
        StatusLine(message: state.message, hints: [FooterHint(keys: "+/-", label: "count"), FooterHint(keys: "q", label: "quit")])
            .render(into: &buffer, rect: Rect(size: size).bottom(1), theme: theme)
        return buffer
    }

    func action(for key: Key, in state: State) -> Action? {
        switch key {
        case .char("+"): .increment
        case .char("-"): .decrement
        case .char("q"), .char("Q"): .quit
        case .char("t"): .startTimer
        case .char("l"): .load
        case .char("s"): .step(3)
        case .ctrl("z"): .suspend
        case .ctrl("l"): .redraw
        default: .bell
        }
    }

    var tickInterval: Int? { ticking ? 250 : nil }
    func tick(_ state: State) -> Action? { .tick }
    func resized(to size: Size, in state: State) -> Action? { .resized(size) }
}

@Suite("Runner with the in-memory terminal")
struct RunnerTests {
    @Test("Keys in, frames out, quit ends the loop")
    func keysAndQuit() {
        let terminal = InMemoryTerminal()
        terminal.type("++-+q+")
        let runner = Runner(program: Counter(), state: .init(), backend: terminal)
        let final = runner.run()
        #expect(final.count == 2)
        #expect(runner.isFinished)
        #expect(terminal.pending == [.key(.char("+"))])  // nothing read after quit
        #expect(terminal.frames.count == 5)  // first frame + one per counting key
        #expect(terminal.lines[2] == "  Count: 2" + String(repeating: " ", count: 70))
        #expect(final.size == Size(width: 80, height: 24))
    }

    @Test("Keys that arrived together are handled before the next frame, a frame at least every 30 ms")
    func waitingKeysShareAFrame() {
        let terminal = InMemoryTerminal()
        terminal.keysArriveTogether = true
        terminal.type(String(repeating: "+", count: 500))
        terminal.pause(milliseconds: 40)
        terminal.type("++")
        let runner = Runner(program: Counter(), state: .init(), backend: terminal)
        #expect(runner.run(until: terminal.isScriptFinished).count == 502)
        #expect(terminal.frames.count == 3)  // first, after the paste, after the two
        #expect(terminal.screenContains("Count: 502"))
    }

    @Test("Waiting keys never hold a frame back longer than the coalescing limit")
    func coalescingIsCapped() {
        /// A slow machine: every look at the clock finds 4 ms gone.
        final class SlowClock: MonotonicClock {
            var now = 0
            var milliseconds: Int { now += 4; return now }
        }
        let terminal = InMemoryTerminal()
        terminal.keysArriveTogether = true
        terminal.type(String(repeating: "+", count: 200))
        let runner = Runner(program: Counter(), state: .init(), backend: terminal, clock: SlowClock())
        #expect(runner.run(until: terminal.isScriptFinished).count == 200)
        #expect(terminal.frames.count > 5, "a long paste still shows progress")
        #expect(terminal.frames.count < 100, "but not one frame per key")
        #expect(terminal.screenContains("Count: 200"))
    }

    @Test("The script ending stops a test run after the final frame")
    func idleStop() {
        let terminal = InMemoryTerminal(size: Size(width: 60, height: 16))
        terminal.type("+++")
        let runner = Runner(program: Counter(), state: .init(), backend: terminal)
        #expect(runner.run(until: terminal.isScriptFinished).count == 3)
        #expect(!runner.isFinished)
        #expect(terminal.screenContains("Count: 3"))
        assertSnapshot(terminal.snapshot, named: "runner-counter-60x16")
    }

    @Test("Below the minimum size the too-small screen shows and keys wait")
    func tooSmall() {
        let terminal = InMemoryTerminal()
        terminal.type("+")
        terminal.resize(to: Size(width: 40, height: 10))
        terminal.type("+++")
        let runner = Runner(program: Counter(), state: .init(), backend: terminal)
        var state = runner.run(until: terminal.isScriptFinished)
        #expect(state.count == 1)
        #expect(state.size == Size(width: 40, height: 10))
        #expect(terminal.screenContains("Terminal too small:"))
        #expect(terminal.screenContains("need 60×16, have 40×10"))
        #expect(terminal.invalidateCount == 1)

        terminal.resize(to: Size(width: 60, height: 16))
        terminal.type("+")
        state = runner.run(until: terminal.isScriptFinished)
        #expect(state.count == 2)
        #expect(terminal.screenContains("Count: 2"))

        terminal.resize(to: Size(width: 0, height: 0))
        terminal.send(.char("Q"))
        runner.run()
        #expect(runner.isFinished)
        #expect(terminal.frames.last?.size == Size(width: 0, height: 0))
    }

    @Test("Timers fire in virtual time; work runs after the frame announcing it")
    func timersAndWork() {
        let terminal = InMemoryTerminal()
        terminal.type("t")
        terminal.pause(milliseconds: 400)
        let runner = Runner(program: Counter(), state: .init(), backend: terminal)
        var state = runner.run(until: terminal.isScriptFinished)
        #expect(state.message == "waiting")
        terminal.pause(milliseconds: 100)
        state = runner.run(until: terminal.isScriptFinished)
        #expect(state.message == "fired")
        #expect(terminal.milliseconds == 500)

        terminal.type("l")
        state = runner.run(until: terminal.isScriptFinished)
        #expect(state.count == 42 && state.message == "loaded")
        let loading = terminal.frames.contains { $0.text(row: $0.size.height - 1).contains("Loading…") }
        #expect(loading)
        #expect(terminal.lastFrame?.text(row: 2).hasPrefix("  Count: 42") == true)
    }

    /// Work that queues more work within a frame's time shows once, when it is done: the key's
    /// own frame, then the last; not a frame per step for rows about to change again.
    @Test("Chained work draws the key's frame and the last, not one per step")
    func chainedWorkCoalesces() {
        let terminal = InMemoryTerminal()
        terminal.type("s")
        let runner = Runner(program: Counter(), state: .init(), backend: terminal)
        let before = terminal.frames.count
        let state = runner.run(until: terminal.isScriptFinished)
        #expect(state.count == 4 && state.message == "stepped")
        let drawn = terminal.frames.dropFirst(before)
        #expect(drawn.count == 3, "the first frame, the key's, the last: \(drawn.count)")
        #expect(drawn.filter { $0.text(row: $0.size.height - 1).contains("stepping") }.count == 1)
        #expect(terminal.lastFrame?.text(row: 2).hasPrefix("  Count: 4") == true)
    }

    @Test("Ticks arrive at the program's interval")
    func ticks() {
        let terminal = InMemoryTerminal()
        terminal.pause(milliseconds: 1_000)
        let runner = Runner(program: Counter(ticking: true), state: .init(), backend: terminal)
        let state = runner.run(until: terminal.isScriptFinished)
        #expect(terminal.milliseconds == 1_000)
        #expect(state.ticks == 4)
        #expect(terminal.screenContains("4 ticks"))
    }

    @Test("A size change without a resize event is caught on the next tick")
    func missedResizeIsCaught() {
        let terminal = InMemoryTerminal()
        terminal.resizeSilently(to: Size(width: 100, height: 30))  // as if the SIGWINCH was lost
        terminal.pause(milliseconds: 300)
        let runner = Runner(program: Counter(ticking: true), state: .init(), backend: terminal)
        let state = runner.run(until: terminal.isScriptFinished)
        #expect(state.size == Size(width: 100, height: 30))
        #expect(terminal.lastFrame?.size == Size(width: 100, height: 30))
        #expect(terminal.invalidateCount >= 1)
    }

    @Test("Suspend, redraw and bell reach the backend")
    func backendEffects() {
        let terminal = InMemoryTerminal()
        terminal.send(.ctrl("z"), .ctrl("l"), .char("?"), .char("q"))
        Runner(program: Counter(), state: .init(), backend: terminal).run()
        #expect(terminal.suspendCount == 1)
        #expect(terminal.invalidateCount == 2)
        #expect(terminal.bellCount == 1)
    }
}

@Suite("Screen stack")
struct ScreenStackTests {
    enum Screen: Equatable { case sessions, rollCall, confirm(Dialog) }

    @Test("Push, pop, never below the root")
    func stack() {
        var stack = ScreenStack(root: Screen.sessions)
        #expect(stack.isAtRoot && stack.pop() == nil && stack.count == 1)
        stack.push(.rollCall)
        stack.push(.confirm(DialogTests.confirm))
        #expect(stack.count == 3 && stack.belowTop == .rollCall)
        #expect(stack.pop() == .confirm(DialogTests.confirm))
        #expect(stack.top == .rollCall)
        stack.replaceTop(with: .sessions)
        stack.push(.rollCall)
        stack.popToRoot()
        #expect(stack.isAtRoot && stack.top == .sessions && stack.root == .sessions)
    }
}

@Suite("Tracing backend")
struct TracingBackendTests {
    @Test("Writes the first frame and one latency line per key")
    func tracesKeys() {
        let terminal = InMemoryTerminal()
        terminal.send(.char("j"), .pageDown)
        var lines: [String] = []
        let traced = TracingBackend(terminal, started: .now) { lines.append($0) }
        Runner(program: Counter(), state: .init(), backend: traced).run(until: terminal.isScriptFinished)
        #expect(lines.first?.hasPrefix("first-frame ") == true)
        #expect(lines.filter { $0.hasPrefix("key ") }.map { $0.split(separator: " ")[1] } == ["j", "PgDn"])
        #expect(lines.allSatisfy { Double($0.split(separator: " ").last ?? "") != nil })
    }

    @Test("A kiosk's trace says a letter was typed, never which, nor what was pasted")
    func hidesText() {
        let terminal = InMemoryTerminal()
        terminal.send(.char("a"), .paste("1234"), .enter)
        var lines: [String] = []
        let traced = TracingBackend(terminal, started: .now, hidesText: true) { lines.append($0) }
        Runner(program: Counter(), state: .init(), backend: traced).run(until: terminal.isScriptFinished)
        #expect(lines.filter { $0.hasPrefix("key ") }.map { $0.split(separator: " ")[1] } == ["char", "paste", "Enter"])
        #expect(!lines.joined().contains("1234"))
    }
}
