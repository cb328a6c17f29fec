import ArgumentParser
import CourseKit
import Foundation
import MusterApp
import TerminalUI
import TerminalUICurses

struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Run the self check-in kiosk for a course's session (exit: F10, then the kiosk PIN).",
        discussion: """
            Participants type at least three letters of their name, pick themselves from at most five \
            matches and confirm. The terminal runs in raw mode: Ctrl-C, Ctrl-Z and Ctrl-\\ do nothing. \
            Set the PIN first with 'muster kiosk-pin COURSE'.
            """)
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.") var course: String
    @Option(help: "The session's short id (default: the one running now, else the next today).") var session: String?
    @Flag(help: "Let people not on the list register as walk-ins awaiting review.") var walkIns = false
    @Option(help: "Seconds without a key before the kiosk returns to its welcome screen.") var idle: Double = 60
    @Flag(help: "No colours.") var noColor = false

    func run() throws {
        KioskProcess.reexecWithoutBacktracer()
        try reportingErrors {
            let store = try library.open()
            let c = try store.courses.course(code: course)
            guard let verifier = try store.kiosk.kioskPINVerifier(courseID: c.id!) else {
                throw MusterError.invalid("no kiosk PIN is set for \(c.code): set one first with 'muster kiosk-pin \(c.code)'")
            }
            let s = try KioskProcess.session(store: store, course: c, key: session)
            // Setup mistakes first, then the terminal: a wrong course or a missing PIN is said plainly.
            if let reason = TerminalCapabilities.refusalReasonForCurrentProcess() { throw MusterError.invalid(reason) }
            let sessions = try store.courses.sessions(courseID: c.id!)
            let zone = s.timeZone.flatMap(TimeZone.init(identifier:)) ?? c.zone
            let day = sessions.map { LocalTime.day($0.start, in: c.zone) }
            let dayNumber = (Array(Set(day)).sorted().firstIndex(of: LocalTime.day(s.start, in: c.zone)) ?? 0) + 1
            let context = KioskContext(
                courseID: c.id!, courseTitle: c.title, sessionID: s.id!, sessionTitle: s.title,
                when: "Day \(dayNumber) · \(LocalTime.clock(s.start, in: zone))–\(LocalTime.clock(s.end, in: zone))",
                walkInsAllowed: walkIns, zone: zone)

            CursesTerminal.installCrashGuard()
            let terminal: CursesTerminal
            do {
                terminal = try CursesTerminal(theme: .monochrome, options: .init(raw: true, mouse: false))
            } catch {
                throw MusterError.invalid("cannot start the terminal: \(error)")
            }
            let theme = Theme.resolve(
                environment: ProcessInfo.processInfo.environment, noColor: noColor,
                ascii: !terminal.isUTF8, colorsAvailable: terminal.colorsAvailable)
            terminal.theme = theme
            var policy = KioskPolicy()
            policy.idleTimeout = max(5, idle)
            let program = KioskProgram(store: store, verifier: verifier)
            let state = KioskState(context: context, policy: policy, now: Date(), size: terminal.size)
            let runner = Runner(program: program, state: state, backend: terminal, theme: theme)
            runner.run(until: { terminal.pendingSignal != nil })
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

    /// The session asked for, else the one running now, else the next one today.
    static func session(store: CourseStore, course: Course, key: String?) throws -> Session {
        if let key { return try store.courses.session(course: course, key: key) }
        let now = Date()
        let today = LocalTime.day(now, in: course.zone)
        let candidates = try store.courses.sessions(courseID: course.id!).filter { LocalTime.day($0.start, in: course.zone) == today }
        if let session = candidates.first(where: { $0.end > now }) { return session }
        throw MusterError.invalid(
            "\(course.code) has no session running or still to come today; choose one with --session (see 'muster sessions \(course.code)')"
        )
    }
}

struct KioskPIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-pin",
        abstract: "Set the PIN that lets staff leave a course's kiosk (asked twice, stored salted and hashed).",
        discussion: "For automation, MUSTER_KIOSK_PIN supplies the PIN instead of the terminal.")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "The course code.") var course: String

    func run() throws {
        try reportingErrors {
            let store = try library.open()
            let c = try store.courses.course(code: course)
            let pin: String
            if let env = ProcessInfo.processInfo.environment["MUSTER_KIOSK_PIN"], !env.isEmpty {
                pin = env
            } else {
                let first = try SecretPrompt.read("New kiosk PIN for \(c.code): ")
                let second = try SecretPrompt.read("Again: ")
                guard first == second else { throw MusterError.invalid("the two PINs differ; nothing was changed") }
                pin = first
            }
            try store.kiosk.setKioskPIN(courseID: c.id!, pin: pin)
            print("kiosk PIN set for \(c.code)")
        }
    }
}

/// Reads a line from the controlling terminal without echoing it.
enum SecretPrompt {
    static func read(_ prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR)
        guard fd >= 0 else { throw MusterError.invalid("no terminal to ask for the PIN; set MUSTER_KIOSK_PIN instead") }
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
