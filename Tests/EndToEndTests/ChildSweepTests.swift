import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// What a test starts is stopped even when nothing stops it: tmux servers and background
/// `muster` processes are known to `ChildSweep`, which stops those left at the test process's exit.
@Suite(.skipUnlessTmuxOrCI, .tmux) struct ChildSweepTests {
    @Test func aTmuxServerLeftRunningIsStoppedByTheSweep() throws {
        let tmux = Tmux()
        try tmux.start("sleep 120", environment: [:])
        let pane = try #require(Int32(try tmux.format("#{pane_pid}")))
        #expect(ChildSweep.tracks(socket: tmux.socket))
        ChildSweep.stop([], [tmux.socket])
        // The server and the program in its pane are gone (polled: the kill is asynchronous).
        let deadline = Date().addingTimeInterval(10)
        while kill(pane, 0) == 0 && Date() < deadline { usleep(20_000) }
        #expect(kill(pane, 0) != 0, "the pane's program is still running")
        #expect(try tmux.run(["list-sessions"]).status != 0, "the tmux server still answers")
    }

    @Test func aBackgroundMusterIsKnownUntilItGoes() throws {
        let dir = TemporaryDirectory("child-sweep")
        var background: BackgroundMuster? = try BackgroundMuster(
            ["sync", "serve", "--bind", "127.0.0.1", "--port", "0", "--db", dir.file("lib.sqlite"), "--no-seed"], home: dir.path,
            output: dir.file("serve.out"))
        let pid = try #require(background?.pid)
        #expect(ChildSweep.tracks(pid: pid))
        background = nil
        #expect(!ChildSweep.tracks(pid: pid))
        #expect(kill(pid, 0) != 0, "dropped, the process was killed")
    }
}
