import ArgumentParser
import CourseKit
import Foundation
import MusterApp
import SyncNet
import TerminalUI
import TerminalUICurses

struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: CommandWords.text("kioskCommand.abstract"),
        discussion: CommandWords.text("kioskCommand.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("kioskCommand.course"), completion: ShellCompletion.courseCodes) var course: String
    @Option(
        help: CommandWords.help("kioskCommand.session"), completion: ShellCompletion.sessionKeys)
    var session: String?
    @Flag(help: CommandWords.help("kioskCommand.walkIns")) var walkIns = false
    @Option(help: CommandWords.help("kioskCommand.idle")) var idle: Double = 60
    @Flag(help: CommandWords.help("kioskCommand.noColor")) var noColor = false
    @Option(
        name: .customLong("sync-with"),
        help: ArgumentHelp(
            CommandWords.text("kioskCommand.syncWith"),
            valueName: "URL"))
    var syncWith: String?
    @Option(help: ArgumentHelp(CommandWords.text("kioskCommand.pair"), valueName: "CODE"))
    var pair: String?
    @Option(help: ArgumentHelp(CommandWords.text("kioskCommand.every"), valueName: "SECONDS"))
    var every: Double?

    func run() throws {
        KioskProcess.reexecWithoutBacktracer()
        try reportingErrors {
            let store = try library.open()
            let c = try store.courses.course(code: course)
            let language = try library.language(course: c.language)
            guard let verifier = try store.kiosk.kioskPINVerifier(courseID: c.id!) else {
                throw MusterError.invalid(CommandWords.format("kiosk.noPIN", c.code))
            }
            let sessions = try store.courses.sessions(courseID: c.id!)
            guard let first = sessions.first else {
                throw MusterError.invalid("\(c.code) has no sessions to check in to; add them to its course file first")
            }
            let now = store.clock()  // the test-only MUSTER_NOW clock when set, see InjectedClock
            let timetable = KioskTimetable(sessions: sessions, opensMinutes: c.checkInOpensMinutes, zone: c.zone)
            let chosen = try session.map { try store.courses.session(course: c, key: $0) }
            // A session chosen by hand on another day is probably a mistake at the door: say so.
            let warning = chosen.flatMap { KioskProcess.notTodayWarning($0, now: now, zone: c.zone) }
            let exchanger = try KioskSync.exchanger(store: store, url: syncWith, pair: pair, every: every)
            // Setup mistakes first, then the terminal: a wrong course or a missing PIN is said plainly.
            if let reason = TerminalCapabilities.refusalReasonForCurrentProcess() { throw MusterError.invalid(reason) }
            if let warning { TerminalText.writeError("muster: \(warning)\n") }
            if walkIns, store.isGuest, let writer = CourseStore.writer(of: store.path) {
                // Registering a person is not attendance: only the library's writer may do it.
                TerminalText.writeError(
                    "muster: walk-ins cannot register while \(writer.command) (pid \(writer.pid)) has the library open for writing; they will be asked to see the facilitator until it closes\n"
                )
            }
            let s = chosen ?? first
            var context = KioskContext(
                courseID: c.id!, courseTitle: c.title, sessionID: s.id!, sessionTitle: s.title,
                when: timetable.when(s), walkInsAllowed: walkIns,
                zone: s.timeZone.flatMap(TimeZone.init(identifier:)) ?? c.zone)
            if chosen == nil {
                context.timetable = timetable
                context.checkInOpen = false  // until `followTimetable` finds the open session
                context.zone = c.zone
            }

            CursesTerminal.installCrashGuard()
            let terminal: CursesTerminal
            do {
                terminal = try CursesTerminal(theme: .monochrome, options: .init(raw: true, mouse: false))
            } catch {
                throw MusterError.invalid("cannot start the terminal: \(error)")
            }
            let theme = Theme.resolve(
                environment: ProcessInfo.processInfo.environment, noColor: noColor,
                ascii: !terminal.isUTF8, colorsAvailable: terminal.colorsAvailable, asciiText: !terminal.isUTF8)
            terminal.theme = theme
            var policy = KioskPolicy()
            policy.idleTimeout = max(5, idle)
            let pinFailures = PINFailureLog(library: store.path, courseID: c.id!)
            let program = KioskProgram(store: store, verifier: verifier, pinFailures: pinFailures, now: store.clock)
            var state = KioskState(context: context, policy: policy, now: now, size: terminal.size, language: language)
            state.restorePINFailures(pinFailures.read(), at: now)
            state.followTimetable(at: now)
            state.message = warning
            let runner = Runner(program: program, state: state, backend: Trace.wrap(terminal, hidesText: true), theme: theme)
            // Outcomes go nowhere on screen (the kiosk is locked down); staff see the last one
            // with 'muster sync peers', which the exchange itself records.
            exchanger?.start(every: every ?? KioskSync.defaultEvery) { _ in }
            runner.run(until: { terminal.pendingSignal != nil })
            exchanger?.stop()
            terminal.end()
            if let signal = terminal.takePendingSignal() { throw ExitCode(signal.exitStatus) }
        }
    }
}

enum KioskProcess {
    /// Swift's crash backtracer waits for a key on a terminal and can print memory: at an
    /// unattended kiosk that is a door to other people's data. Turn it off by re-executing this
    /// very binary with `SWIFT_BACKTRACE=enable=no` (it is read at process start, so setting it
    /// later would be too late).
    static func reexecWithoutBacktracer() {
        guard ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] != "enable=no" else { return }
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
        let args = CommandLine.arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", args)
        // exec failed (no /proc): carry on; the crash guard still restores the terminal.
    }

    /// "Session am is on 2024-05-07, not today (2024-05-09)", or nil when it is today.
    static func notTodayWarning(_ session: Session, now: Date, zone: TimeZone) -> String? {
        let day = LocalTime.day(session.start, in: zone), today = LocalTime.day(now, in: zone)
        guard day != today else { return nil }
        return "session \(session.key) is on \(day), not today (\(today)): check-ins go to that session"
    }
}

/// `muster kiosk --sync-with URL`: the kiosk, the library's writer, exchanging by itself with a
/// serving laptop so its check-ins reach the roll calls without anyone at the door doing anything.
enum KioskSync {
    static let defaultEvery: Double = 5

    /// The exchanger to run beside the kiosk, or nil without `--sync-with`. Every mistake is found
    /// here, before the terminal starts: options given without `--sync-with`, an interval out of
    /// range, a malformed URL or pairing code, and a kiosk that is only a guest of its library
    /// (its writer — a `muster sync serve` or `sync with` beside it — is the one to exchange).
    static func exchanger(store: CourseStore, url: String?, pair: String?, every: Double?) throws -> LiveExchanger? {
        guard let url else {
            if pair != nil || every != nil {
                throw MusterError.invalid("--pair and --every go with --sync-with URL (the device to exchange with)")
            }
            return nil
        }
        if let every, !(every >= 0.2 && every <= 86_400) { throw MusterError.invalid("--every is 0.2 to 86400 seconds") }
        let code = try pair.map { typed in
            guard let code = PairingCode(typed: typed) else {
                throw MusterError.invalid(
                    "--pair \(NameSanitizer.clean(typed)) is not a pairing code (12 letters and digits, like K7QF-M2XD-9PTA)")
            }
            return code
        }
        if store.isGuest {
            let writer =
                CourseStore.writer(of: store.path).map { "\($0.command) (pid \($0.pid))" } ?? CommandWords.text("kiosk.anotherProcess")
            throw MusterError.invalid(CommandWords.format("kiosk.syncWithGuest", writer))
        }
        return try LiveExchanger(store: store, url: url, pair: code)
    }
}

struct KioskPIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-pin",
        abstract: CommandWords.text("kioskPIN.abstract"),
        discussion: CommandWords.text("kioskPIN.discussion"))
    @OptionGroup var library: LibraryOptions
    @Argument(help: CommandWords.help("kioskPIN.course"), completion: ShellCompletion.courseCodes) var course: String

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let c = try store.courses.course(code: course)
            let pin: String
            if let env = ProcessInfo.processInfo.environment["MUSTER_KIOSK_PIN"], !env.isEmpty {
                pin = env
            } else {
                let first = try SecretPrompt.read(CommandWords.format("kioskPIN.new", c.code))
                let second = try SecretPrompt.read(CommandWords.text("kioskPIN.again"))
                guard first == second else { throw MusterError.invalid(CommandWords.text("kioskPIN.differ")) }
                pin = first
            }
            try store.kiosk.setKioskPIN(courseID: c.id!, pin: pin)
            print(CommandWords.format("kioskPIN.set", c.code))
        }
    }
}

/// Reads a line from the controlling terminal without echoing it.
enum SecretPrompt {
    static func read(_ prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR)
        guard fd >= 0 else { throw MusterError.invalid(CommandWords.text("kioskPIN.noTerminal")) }
        defer { close(fd) }
        var saved = termios()
        tcgetattr(fd, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(fd, TCSAFLUSH, &quiet)
        defer { tcsetattr(fd, TCSAFLUSH, &saved); _ = write(fd, "\n", 1) }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(fd, &byte, 1) == 1, byte != 10, byte != 13, bytes.count < 256 { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
