import Foundation
import Glibc
import TerminalUI
import Testing
@testable import TerminalUICurses

extension CursesSession {
    /// The self-pipe path: a signal sent to this very process must wake `readKey`, surface as
    /// `.unknown` + `pendingSignal`, and must not kill the test runner (the handler only writes a
    /// byte). Never more than two unanswered requests here: the third ends the process on purpose.
    @Suite struct Signals {
        @Test func hangupWakesReadKey() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            kill(getpid(), SIGHUP)
            #expect(curses.terminal.readKey(timeoutMilliseconds: 1000) == .unknown)
            #expect(curses.terminal.pendingSignal == .hangup)
            #expect(curses.terminal.takePendingSignal() == .hangup)
            #expect(curses.terminal.takePendingSignal() == nil)
        }

        @Test func terminateFromAnotherThreadWakesABlockedReadKey() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            let started = ContinuousClock.now
            // kill() lets the kernel pick any thread; the pipe wakes poll() whichever it is. A plain
            // thread, not a Task: with two cores the concurrency pool may be busy with other tests
            // blocking in synchronous waits, and a Task would not run before the read times out.
            let sender = Thread {
                usleep(50_000)
                kill(getpid(), SIGTERM)
            }
            sender.start()
            #expect(curses.terminal.readKey(timeoutMilliseconds: 5000) == .unknown)
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(curses.terminal.takePendingSignal() == .terminate)
        }

        @Test func theMostFinalRequestWins() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            kill(getpid(), SIGINT)
            kill(getpid(), SIGTERM)
            // One `.unknown` per signal, whenever the kernel gets round to delivering each.
            #expect(curses.terminal.readKey(timeoutMilliseconds: 2000) == .unknown)
            #expect(curses.terminal.readKey(timeoutMilliseconds: 2000) == .unknown)
            #expect(curses.terminal.readKey(timeoutMilliseconds: 0) == nil)
            #expect(curses.terminal.takePendingSignal() == .terminate)
        }

        @Test func interruptIsReportedAsInterrupt() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            kill(getpid(), SIGINT)
            #expect(curses.terminal.readKey(timeoutMilliseconds: 100) == .unknown)
            #expect(curses.terminal.takePendingSignal() == .interrupt)
            #expect(TerminalSignal.interrupt.exitStatus == 130)
        }

        @Test func aWindowChangeOnANonTerminalIsHarmless() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            kill(getpid(), SIGWINCH)
            #expect(curses.terminal.readKey(timeoutMilliseconds: 0) == nil)
            #expect(curses.terminal.size == Size(width: 80, height: 24))
        }

        @Test func endRestoresThePreviousHandlers() throws {
            var before = sigaction()
            sigaction(SIGHUP, nil, &before)
            let curses = try HeadlessCurses()
            var during = sigaction()
            sigaction(SIGHUP, nil, &during)
            #expect(handler(of: during) != handler(of: before))
            curses.close()
            var after = sigaction()
            sigaction(SIGHUP, nil, &after)
            #expect(handler(of: after) == handler(of: before))
        }

        @Test func readKeyHonoursItsTimeout() throws {
            let curses = try HeadlessCurses()
            defer { curses.close() }
            let started = ContinuousClock.now
            #expect(curses.terminal.readKey(timeoutMilliseconds: 60) == nil)
            let elapsed = ContinuousClock.now - started
            #expect(elapsed >= .milliseconds(55))
            #expect(elapsed < .seconds(2))
        }

        private func handler(of action: sigaction) -> Int {
            unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
        }
    }
}
