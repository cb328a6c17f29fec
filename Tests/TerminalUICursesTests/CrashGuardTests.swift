import Glibc
import Testing
@testable import TerminalUICurses

/// The crash paths, each in a child process (Swift Testing exit tests): the child breaks its
/// terminal the way curses does, then dies; the parent checks what the handler left behind.
@Suite struct CrashGuardTests {
    @Test func aSwiftTrapRestoresModesAndScreenAndStillDiesOfSIGILL() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        #expect(terminal.localModes() & tcflag_t(ECHO) != 0)
        let path = terminal.path
        await #expect(processExitsWith: .signal(SIGILL)) { [path = path as String] in
            let fd = open(path, O_RDWR | O_NOCTTY)
            CrashGuard.install()
            CrashGuard.saveTerminalModes(of: fd)
            // What curses does to the terminal: no echo, no line editing.
            var modes = termios()
            tcgetattr(fd, &modes)
            modes.c_lflag &= ~tcflag_t(ECHO | ICANON)
            tcsetattr(fd, TCSANOW, &modes)
            CrashGuard.markActive(outputFD: fd)
            fatalError("simulated crash")  // a Swift trap: SIGILL
        }
        #expect(terminal.localModes() & tcflag_t(ECHO) != 0, "echo is back")
        #expect(terminal.localModes() & tcflag_t(ICANON) != 0, "line editing is back")
        let output = terminal.output()
        #expect(output.contains("\u{1B}[?1049l"), "left the alternate screen")
        #expect(output.contains("\u{1B}[?25h"), "cursor shown")
        #expect(output.contains("\u{1B}[?1000l"), "mouse reporting off")
        #expect(output.contains("\u{1B}[0m"), "attributes reset")
    }

    @Test func aSegmentationFaultIsRestoredTooAndKeepsItsSignal() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let path = terminal.path
        await #expect(processExitsWith: .signal(SIGSEGV)) { [path = path as String] in
            let fd = open(path, O_RDWR | O_NOCTTY)
            CrashGuard.install()
            CrashGuard.markActive(outputFD: fd)
            kill(getpid(), SIGSEGV)
            sleep(10)
        }
        #expect(terminal.output().contains("\u{1B}[?1049l"))
    }

    @Test func withCursesInactiveTheHandlerWritesNothing() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let path = terminal.path
        await #expect(processExitsWith: .signal(SIGABRT)) { [path = path as String] in
            let fd = open(path, O_RDWR | O_NOCTTY)
            CrashGuard.install()
            CrashGuard.markActive(outputFD: fd)
            CrashGuard.markInactive()  // after end(): a redirected output must not get escape codes
            abort()
        }
        #expect(terminal.output().isEmpty)
    }

    /// A hung program, or a loop that never calls `takePendingSignal()`, still stops on the
    /// third Ctrl-C: with the terminal restored and the usual "killed by SIGINT" status.
    @Test func theThirdUnansweredInterruptEndsTheProgram() async throws {
        await #expect(processExitsWith: .signal(SIGINT)) {
            try SignalRelay.openPipe()
            _ = SignalRelay.install()
            for _ in 0..<3 {
                kill(getpid(), SIGINT)
                usleep(20_000)
            }
            sleep(10)
        }
    }

    @Test func answeredInterruptsDoNotAddUp() async throws {
        await #expect(processExitsWith: .success) {
            try SignalRelay.openPipe()
            _ = SignalRelay.install()
            for _ in 0..<5 {
                kill(getpid(), SIGINT)
                usleep(20_000)
                _ = SignalRelay.drain()
                SignalRelay.acknowledgeStopRequests()
            }
            exit(0)
        }
    }
}
