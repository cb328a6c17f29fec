import Glibc
import TerminalUI
import Testing
@testable import TerminalUICurses

extension CursesSession {
    /// curses on a pseudo-terminal: a real TTY, so the modes, the alternate screen and the key
    /// decoding go through the same paths as in a user's terminal.
    @Suite struct RealTerminal {
        private func start(
            on terminal: PseudoTerminal, options: CursesTerminal.Options = .init()
        )
            throws -> (CursesTerminal, UnsafeMutablePointer<FILE>, UnsafeMutablePointer<FILE>)
        {
            setenv("LC_ALL", "C.UTF-8", 1)
            setenv("COLUMNS", "80", 1)
            setenv("LINES", "24", 1)
            let streams = try #require(PseudoTerminal.streams(path: terminal.path))
            let curses = try CursesTerminal(
                theme: .color, options: options, input: streams.input,
                output: streams.output, terminalType: "xterm-256color")
            return (curses, streams.input, streams.output)
        }

        @Test func startAndEndSwitchScreensAndModes() throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            #expect(pty.localModes() & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON))
            let (curses, input, output) = try start(on: pty)
            defer { fclose(input); fclose(output) }

            #expect(pty.output().contains("\u{1B}[?1049h"), "alternate screen")
            #expect(pty.localModes() & tcflag_t(ECHO | ICANON) == 0, "no echo, no line editing")
            #expect(pty.localModes() & tcflag_t(ISIG) != 0, "cbreak keeps Ctrl-C a signal")
            #expect(pty.inputModes() & tcflag_t(IXON) == 0, "Ctrl-S cannot freeze the screen")

            var buffer = ScreenBuffer(size: curses.size)
            buffer.put("José 李", at: Point(x: 0, y: 0))
            curses.draw(buffer)
            #expect(pty.output().contains("José 李"))

            curses.end()
            let restored = pty.output()
            #expect(restored.contains("\u{1B}[?1049l"), "left the alternate screen")
            #expect(pty.localModes() & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON))
            #expect(pty.inputModes() & tcflag_t(IXON) != 0)
        }

        @Test func rawModeTurnsOffSignalKeys() throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let (curses, input, output) = try start(on: pty, options: .init(raw: true))
            defer { curses.end(); fclose(input); fclose(output) }
            #expect(pty.localModes() & tcflag_t(ISIG) == 0)
            pty.type("\u{3}\u{1A}\u{1C}")
            #expect(curses.readKey(timeoutMilliseconds: 1000) == .ctrl("c"))
            #expect(curses.readKey(timeoutMilliseconds: 1000) == .ctrl("z"))
            #expect(curses.readKey(timeoutMilliseconds: 1000) == .unknown)
        }

        @Test(
            arguments: [
                ("j", [Key.char("j")]),
                ("é李", [.char("é"), .char("李")]),
                ("\r", [.enter]),
                ("\u{7F}", [.backspace]),
                ("\t", [.tab]),
                ("\u{13}\u{11}", [.ctrl("s"), .ctrl("q")]),
                ("\u{1B}OA\u{1B}[B", [.up, .down]),  // both cursor-key modes
                ("\u{1B}[1~\u{1B}[4~", [.home, .end]),  // rxvt/tmux style Home/End
                ("\u{1B}OH\u{1B}OF", [.home, .end]),
                ("\u{1B}[5~\u{1B}[6~", [.pageUp, .pageDown]),
                ("\u{1B}[3~\u{1B}[2~", [.delete, .insert]),
                ("\u{1B}[Z", [.backTab]),
                ("\u{1B}OP\u{1B}[15~", [.function(1), .function(5)]),
                ("\u{1B}[1;5Hx", [.unknown, .char("x")]),  // Ctrl-Home: no terminfo entry
                // xterm's SGR mouse encoding (what xterm-256color's terminfo asks for), 1-based.
                // Press and release in one read: curses keeps one event; it must be the press.
                ("\u{1B}[<0;5;3M\u{1B}[<0;5;3m", [.mouse(MouseEvent(kind: .press, at: Point(x: 4, y: 2)))]),
                (
                    "\u{1B}[<64;1;1M\u{1B}[<65;80;24M",
                    [
                        .mouse(MouseEvent(kind: .wheelUp, at: Point(x: 0, y: 0))),
                        .mouse(MouseEvent(kind: .wheelDown, at: Point(x: 79, y: 23))),
                    ]
                ),
            ] as [(String, [Key])])
        func typedKeysDecode(typed: String, expected: [Key]) throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let (curses, input, output) = try start(on: pty)
            defer { curses.end(); fclose(input); fclose(output) }
            pty.type(typed)
            var keys: [Key] = []
            while keys.count < expected.count, let key = curses.readKey(timeoutMilliseconds: 1000) {
                keys.append(key)
            }
            #expect(keys == expected)
            #expect(curses.readKey(timeoutMilliseconds: 50) == nil)
        }

        @Test func pressAndReleaseReadSeparatelyAreTwoEvents() throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let (curses, input, output) = try start(on: pty)
            defer { curses.end(); fclose(input); fclose(output) }
            #expect(curses.mouseEnabled)
            #expect(pty.output().contains("1000h"), "mouse reporting requested")
            pty.type("\u{1B}[<0;5;3M")
            #expect(curses.readKey(timeoutMilliseconds: 1000) == .mouse(MouseEvent(kind: .press, at: Point(x: 4, y: 2))))
            pty.type("\u{1B}[<0;6;3m")
            #expect(curses.readKey(timeoutMilliseconds: 1000) == .mouse(MouseEvent(kind: .release, at: Point(x: 5, y: 2))))
        }

        @Test func withoutMouseTheTerminalKeepsSelection() throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let (curses, input, output) = try start(on: pty, options: .init(mouse: false))
            defer { curses.end(); fclose(input); fclose(output) }
            #expect(!curses.mouseEnabled)
            curses.draw(ScreenBuffer(size: curses.size))
            _ = curses.readKey(timeoutMilliseconds: 0)
            #expect(!pty.output().contains("1000h"))
        }

        @Test func aLoneEscapeArrivesAfterTheEscapeDelay() throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let (curses, input, output) = try start(on: pty)
            defer { curses.end(); fclose(input); fclose(output) }
            let started = ContinuousClock.now
            pty.type("\u{1B}")
            #expect(curses.readKey(timeoutMilliseconds: 2000) == .escape)
            #expect(ContinuousClock.now - started < .milliseconds(500), "not curses' default of a second")
        }

        @Test func exitWithoutEndStillRestoresTheTerminal() async throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let path = pty.path
            await #expect(processExitsWith: .success) { [path = path as String] in
                setenv("LC_ALL", "C.UTF-8", 1)
                guard let streams = PseudoTerminal.streams(path: path) else { exit(3) }
                _ = try CursesTerminal(
                    theme: .color, options: .init(), input: streams.input,
                    output: streams.output, terminalType: "xterm-256color")
                exit(0)  // no end(): the exit hook has to do it
            }
            #expect(pty.localModes() & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON))
            #expect(pty.output().contains("\u{1B}[?1049l"))
        }

        @Test func aCrashInsideCursesRestoresTheTerminal() async throws {
            let pty = try PseudoTerminal()
            defer { pty.close() }
            let path = pty.path
            await #expect(processExitsWith: .signal(SIGILL)) { [path = path as String] in
                setenv("LC_ALL", "C.UTF-8", 1)
                guard let streams = PseudoTerminal.streams(path: path) else { exit(3) }
                let curses = try CursesTerminal(
                    theme: .color, options: .init(), input: streams.input,
                    output: streams.output, terminalType: "xterm-256color")
                precondition(curses.size.width == 0, "simulated crash")  // a Swift trap: SIGILL
            }
            #expect(pty.localModes() & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON))
            #expect(pty.output().contains("\u{1B}[?1049l"))
        }
    }
}
