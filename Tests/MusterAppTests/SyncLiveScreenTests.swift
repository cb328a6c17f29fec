@testable import CourseKit
import Foundation
import MusterApp
import SyncNet
import TerminalUI
import Testing
import TestSupport

/// The sync screen's live part without a network: its keys, the one-line prompt for a serving
/// device (a wrong code keeps it open), an address the exchange refuses (said on one line, the
/// screen still answering keys), renaming this device, and how live sync reads on screen.
/// Serving and exchanging over loopback are `SyncLiveNetTests`'.
@Suite struct SyncLiveScreenTests {
    static let contexts = [KeyContext.sync, KeyContext.list, KeyContext.global]

    func openSync(live: SyncLive = SyncLive()) throws -> AppDriver {
        let d = try AppDriver(live: live)
        d.press(.char("y"))
        return d
    }

    static func sync(_ d: AppDriver) -> SyncState? {
        for screen in d.state.screens.screens.reversed() { if case .sync(let s) = screen { return s } }
        return nil
    }

    /// Ticks the app until `done` holds, for at most `seconds` and 1,000 ticks: the live work runs
    /// on its own queue. A last tick after the deadline: a test that was not scheduled for a while
    /// (a busy pool) still sees what happened meanwhile.
    static func tick(_ d: AppDriver, seconds: Double = 10, until done: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        for _ in 0..<1000 where Date() < deadline {
            d.send(.tick)
            if done() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        d.send(.tick)
        return done()
    }

    @Test func liveKeysAreTheSyncScreensAndInItsFooter() throws {
        let map = MusterKeyMap.standard
        #expect(map.command(for: .char("s"), in: Self.contexts) == Command.syncServe)
        #expect(map.command(for: .char("w"), in: Self.contexts) == Command.syncWith)
        #expect(map.command(for: .char("r"), in: Self.contexts) == Command.syncRename)
        let d = try openSync()
        let footer = d.frame().lines.last ?? ""
        #expect(footer.contains("s serve") && footer.contains("w exchange"))
        #expect(d.screenText.contains("Serving      off · s serves this library to paired devices"))
        #expect(d.screenText.contains("Exchanging   off · w exchanges with a device that serves"))
    }

    @Test func exchangeAsksOneLineAndAWrongCodeKeepsThePromptOpen() throws {
        let d = try openSync()
        d.press(.char("w"))
        guard case .prompt(let p) = d.state.top else { Issue.record("the address prompt"); return }
        #expect(p.onSubmit == .sync(.exchangeWith))
        #expect(p.field.text.isEmpty)
        d.type("192.168.1.10:8731 K7QF-M2XD")
        d.press(.enter)
        guard case .prompt(let again) = d.state.top else { Issue.record("the prompt again"); return }
        #expect(again.field.text == "192.168.1.10:8731 K7QF-M2XD")
        #expect(again.problem == "Not a pairing code (like K7QF-M2XD-9PTA)")
        #expect(d.effects.last == "bell")
        d.press(.escape)
        #expect(Self.sync(d)?.live.exchange == .off)
    }

    @Test func anEmptyAddressOrAnotherSchemeIsRefusedInThePrompt() throws {
        let d = try openSync()
        for (typed, problem) in [
            ("", "Type the address the serving device shows"), ("https://10.0.0.1", "Use http:// (the exchange is encrypted anyway)"),
        ] {
            d.press(.char("w"))
            d.type(typed)
            d.press(.enter)
            guard case .prompt(let p) = d.state.top else { Issue.record("prompt for \(typed)"); return }
            #expect(p.problem == problem)
            d.press(.escape)
        }
    }

    /// A URL with a path: refused when the exchange starts (off the screen's thread), said once
    /// in the status line and kept on the Exchanging line; the keys go on working.
    @Test func aBadAddressIsOneLineAndNeverBlocksKeys() async throws {
        let d = try openSync()
        d.press(.char("w"))
        d.type("http://10.0.0.1:8731/muster K7QF M2XD 9PTA")
        d.press(.enter)
        #expect(Self.sync(d)?.live.exchange != .off)  // running, or already refused: the queue is quick
        let failed = await Self.tick(d) {
            if case .failed = Self.sync(d)?.live.exchange { return true }
            return false
        }
        #expect(failed)
        let reason = "http://10.0.0.1:8731/muster is not a peer URL (no path, user or query)"
        #expect(d.state.message?.isError == true)
        #expect(d.state.message?.text.hasPrefix("Cannot exchange: \(reason)") == true)
        #expect(d.screenText.contains("Exchanging   http://10.0.0.1:8731/muster is not a peer URL (no path, user or…"))
        d.press(.char("j"))
        #expect(d.state.message == nil)
        // `w` again asks again (nothing is running to stop).
        d.press(.char("w"))
        guard case .prompt = d.state.top else { Issue.record("w asks again"); return }
    }

    /// A server that started, or failed, before the serve key's own status was read arrives as
    /// "off" straight to "on" or "failed": the status line still says so once, not "Starting…".
    @Test func aServerQuickerThanTheKeyIsStillSaidOnce() throws {
        let d = try openSync()
        let on = SyncLiveStatus.Server(urls: ["http://127.0.0.1:7070"], code: "P587-NRWJ-XJCB")
        d.send(.sync(.live(SyncLiveStatus(serving: .on(on)), peers: [])))
        #expect(d.state.message?.text == "Serving on http://127.0.0.1:7070 · pairing code P587-NRWJ-XJCB")
        d.send(.sync(.live(SyncLiveStatus(serving: .off), peers: [])))
        d.send(.sync(.live(SyncLiveStatus(serving: .failed("port 7070 is in use")), peers: [])))
        #expect(d.state.message == StatusMessage("Cannot serve: port 7070 is in use", isError: true))
    }

    @Test func renameTakesANewNameInAnyScript() throws {
        let d = try openSync()
        d.press(.char("r"))
        guard case .prompt(let p) = d.state.top else { Issue.record("the name prompt"); return }
        #expect(p.onSubmit == .sync(.rename))
        d.type("李小龍的電腦")
        d.press(.enter)
        #expect(d.state.message?.text == "This device is now called 李小龍的電腦")
        #expect(Self.sync(d)?.status?.label == "李小龍的電腦")
        #expect(try d.store.syncStatus().label == "李小龍的電腦")
        d.press(.char("r"))
        d.press(.ctrl("u"))
        d.press(.enter)
        #expect(d.state.message?.isError == true)
        #expect(d.state.message?.text == "Type a name for this device; it is still 李小龍的電腦")
    }

    @Test func theLivePartKeepsWhatMattersWhenRowsAreShort() throws {
        let d = try AppDriver(size: Size(width: 60, height: 16))
        d.press(.char("y"))
        d.send(SyncLiveSnapshotTests.loaded(label: "Laptop José Ñúñez"))
        d.send(.sync(.live(SyncLiveSnapshotTests.busy, peers: SyncLiveSnapshotTests.peers)))
        let text = d.screenText
        #expect(text.contains("K7QF-M2XD-9PTA"))
        #expect(text.contains("Serving      on http://192.168.1.10:8731"))
        #expect(text.contains("Exchanging   with http://192.168.1.20:8731 every 5 s"))
        #expect(text.contains("CONFLICT"))
    }
}

/// The live part drawn: serving with its code, a device's exchanges and the last log line,
/// exchanging with another device, the paired devices; and both failing. At 80×24 and the
/// minimum 60×16, colour checked against monochrome and ASCII, device names in two scripts.
@Suite struct SyncLiveSnapshotTests {
    static let at = Date(timeIntervalSince1970: 1_715_076_000)  // 2024-05-07 10:00 UTC

    static func loaded(label: String) -> AppAction {
        var status = SyncTextTests.status
        status.label = label
        return .sync(
            .loaded(SyncLoad(status: status, conflicts: [SyncTextTests.conflict()], zone: SyncTextTests.utc, today: "2024-05-07")))
    }

    static let peers = [
        SyncPeer(
            origin: "3f2a9c1e00000000000000000000aaaa", label: "kiosk-door", url: nil, paired: at.addingTimeInterval(-7200),
            revoked: nil, lastExchange: at.addingTimeInterval(-60), lastResult: "received 3 new of 3 records"),
        SyncPeer(
            origin: "77ab12cd00000000000000000000bbbb", label: "李小龍的電腦", url: "http://192.168.1.20:8731",
            paired: at.addingTimeInterval(-3600), revoked: nil, lastExchange: at.addingTimeInterval(-5),
            lastResult: "李小龍的電腦: received 2 (2 new), sent 3 (3 new) in 0.1 s"),
    ]

    static let busy = SyncLiveStatus(
        serving: .on(
            .init(
                urls: ["http://192.168.1.10:8731", "http://127.0.0.1:8731"], code: "K7QF-M2XD-9PTA",
                activity: [
                    SyncPeerService.Activity(
                        label: "kiosk-door", origin: "3f2a9c1e00000000000000000000aaaa", remote: "192.168.1.30",
                        at: at.addingTimeInterval(-60), received: 12, sent: 40,
                        last: ChangeSummary(
                            in: "Sync", "served.received", .number(3), .change(ChangeSummary(in: "Sync", "count.records", .number(3)))))
                ])),
        exchange: .running(
            url: "http://192.168.1.20:8731", every: 5,
            last: .done(
                SyncExchangeResult(
                    peer: "李小龍的電腦", peerOrigin: "77ab12cd00000000000000000000bbbb", paired: false, received: 2, added: 2, sent: 3,
                    addedThere: 3, newConflicts: 0, seconds: 0.1), at: at.addingTimeInterval(-5))),
        lastLog: .init(
            ChangeSummary(in: "Sync", "serveLog.refused", .text("192.168.1.44"), .change(ChangeSummary(in: "Sync", "refusal.wrongCode"))),
            at: at.addingTimeInterval(-30)))

    static let failing = SyncLiveStatus(
        serving: .failed("port 8731 is in use (another Muster serving here?)"),
        exchange: .running(
            url: "http://192.168.1.20:8731", every: 5,
            last: .failed("cannot reach http://192.168.1.20:8731: connection refused", at: at)))

    @Test(arguments: SyncSnapshotTests.sizes)
    func servingAndExchanging(name: String, size: Size) throws {
        let d = try AppDriver(size: size)
        d.press(.char("y"))
        d.send(Self.loaded(label: "Laptop José Ñúñez"))
        d.send(.sync(.live(Self.busy, peers: Self.peers)))
        d.checkSnapshot("sync-live-\(name)", asciiFree: ["│", "─", "✓", "✗"])
    }

    @Test(arguments: SyncSnapshotTests.sizes)
    func bothFailing(name: String, size: Size) throws {
        let d = try AppDriver(size: size)
        d.press(.char("y"))
        d.send(Self.loaded(label: "李小龍的電腦"))
        d.send(.sync(.live(Self.failing, peers: [])))
        d.checkSnapshot("sync-live-failing-\(name)", asciiFree: ["│", "─", "✓", "✗"])
    }
}
