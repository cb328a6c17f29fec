import ArgumentParser
import CourseKit
import Foundation
import MusterApp
import TerminalUI
import TerminalUICurses

struct TUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CommandWords.text("tui.abstract"),
        discussion: CommandWords.text("tui.discussion"))
    @OptionGroup var library: LibraryOptions
    @Option(help: CommandWords.help("tui.course"), completion: ShellCompletion.courseCodes) var course: String?
    @Flag(help: CommandWords.help("tui.noColor")) var noColor = false
    @Flag(help: CommandWords.help("tui.ascii")) var ascii = false
    @Flag(help: CommandWords.help("tui.noMouse")) var noMouse = false

    func run() throws {
        try reportingErrors {
            // First of all, so an unknown language is a plain error wherever muster runs.
            let language = try library.language()
            if let reason = TerminalCapabilities.refusalReasonForCurrentProcess() {
                throw MusterError.invalid(reason)
            }
            let store = try library.open()
            if let course { _ = try store.courses.course(code: course) }  // a typo fails here, not inside the screen
            CursesTerminal.installCrashGuard()
            DebugCrash.armIfRequested()
            let terminal: CursesTerminal
            do {
                terminal = try CursesTerminal(theme: .monochrome, options: .init(mouse: !noMouse))
            } catch {
                throw MusterError.invalid(CommandWords.format("tui.cannotStart", "\(error)"))
            }
            let environment = ProcessInfo.processInfo.environment
            let theme = Theme.resolve(
                environment: environment, noColor: noColor, ascii: ascii || !terminal.isUTF8,
                colorsAvailable: terminal.colorsAvailable, asciiText: !terminal.isUTF8)
            terminal.theme = theme
            let program = MusterProgram(store: store)
            let options = AppOptions(startCourse: course, mouse: !noMouse, language: language)
            let backend = Trace.wrap(terminal)
            let runner = Runner(
                program: program, state: program.initialState(options: options, size: terminal.size),
                backend: backend, theme: theme)
            runner.send(.start)
            // SIGINT/SIGTERM/SIGHUP surface as a pending signal: leave the loop, restore, exit 128+n.
            // Ctrl-C on a form with typing in it asks first, like Esc (`MusterProgram.interrupted`).
            while true {
                runner.run(until: { terminal.pendingSignal != nil })
                guard !runner.isFinished, terminal.pendingSignal == .interrupt, let action = program.interrupted(in: runner.state)
                else { break }
                _ = terminal.takePendingSignal()
                runner.send(action)
            }
            terminal.end()
            program.shutdown()
            if let signal = terminal.takePendingSignal() { throw ExitCode(signal.exitStatus) }
        }
    }
}

/// `MUSTER_TRACE=FILE`: per-key latency and the first frame's time, for `scripts/bench`.
enum Trace {
    /// As close to the process start as Swift code gets: set when `muster` first touches it.
    static let processStart = ContinuousClock.now

    /// `hidesText` for the kiosk: its trace says a letter was typed, never which.
    static func wrap(_ backend: any TerminalBackend, hidesText: Bool = false) -> any TerminalBackend {
        guard let path = ProcessInfo.processInfo.environment["MUSTER_TRACE"], !path.isEmpty,
            (try? PrivateFile.write(Data(), to: path)) != nil,
            let handle = FileHandle(forWritingAtPath: path)
        else { return backend }
        return TracingBackend(backend, started: processStart, hidesText: hidesText) { line in handle.write(Data((line + "\n").utf8)) }
    }
}

/// A crash on purpose, for the end-to-end test that checks the terminal is restored after one.
/// Only in debug builds: `MUSTER_DEBUG_CRASH_MS=300 muster` traps 300 ms after start.
enum DebugCrash {
    static func armIfRequested() {
        #if DEBUG
            guard let text = ProcessInfo.processInfo.environment["MUSTER_DEBUG_CRASH_MS"], let ms = Int(text) else { return }
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(ms)) {
                fatalError("crash requested by MUSTER_DEBUG_CRASH_MS")
            }
        #endif
    }
}
