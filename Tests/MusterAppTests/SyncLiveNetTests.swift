import CourseKit
import Foundation
import LibraryTestSupport
import MusterApp
import SyncNet
import Synchronization
import TerminalUI
import Testing
import TestSupport

/// The sync screen serving and exchanging for real, on 127.0.0.1 (ports the system picks): `s`
/// serves and shows the pairing code, a port in use is one line, another library pairs with
/// the code and its mark reaches the roll call on the next tick while a mark made there
/// reaches it, and `w` exchanges with a library that serves. Blocking calls (a server's start
/// and stop, an exchange) run off the cooperative pool; this suite runs in the network process
/// (`scripts/test`).
@Suite struct SyncLiveNetTests {
    typealias T = SyncLiveScreenTests

    func open(live: SyncLive, options: AppOptions = AppOptions()) throws -> AppDriver {
        let d = try AppDriver(options: options, live: live)
        d.press(.char("y"))
        return d
    }

    /// Another library: empty, or with the test course.
    func library(_ name: String, courses: Bool) throws -> (CourseStore, TemporaryDirectory) {
        let dir = TemporaryDirectory(name)
        let store = try CourseStore(path: dir.file("lib.sqlite"), actor: name, clock: TestClock().function)
        if courses { try store.courses.importCourse(CourseFileCodec.decode(Data(Fixtures.miniCourseYAML.utf8), path: "t.yaml")) }
        try store.syncSetLabel(name)
        return (store, dir)
    }

    func server(_ d: AppDriver) -> SyncLiveStatus.Server? {
        if case .on(let server) = T.sync(d)?.live.serving { return server }
        return nil
    }

    @Test func serveShowsTheAddressAndCodeThenStops() async throws {
        let live = SyncLive(bind: "127.0.0.1", port: 0)
        let d = try open(live: live)
        d.press(.char("s"))
        // Starting, or already on when the server was quicker than the key's own status read.
        #expect(T.sync(d)?.live.serving.isActive == true)
        #expect(await T.tick(d) { server(d) != nil })
        let on = try #require(server(d))
        #expect(on.urls.count == 1 && on.urls[0].hasPrefix("http://127.0.0.1:"))
        #expect(PairingCode(typed: on.code) != nil)
        #expect(d.screenText.contains("Pairing code  \(on.code) "))
        #expect(d.state.message?.text == "Serving on \(on.urls[0]) · pairing code \(on.code)")
        d.press(.char("s"))
        #expect(d.state.message?.text == "Stopped serving")
        #expect(await T.tick(d) { T.sync(d)?.live.serving == .off })
        await offPool { live.stopAll() }
    }

    @Test func aPortInUseIsOneLineAndKeysGoOn() async throws {
        let (other, dir) = try library("kiosk-door", courses: false)
        defer { _ = dir }
        let holder = try LiveServer(store: other, bind: "127.0.0.1", port: 0, log: { _ in }, announce: { _ in })
        let port = try await offPool { try holder.start() }
        let live = SyncLive(bind: "127.0.0.1", port: port)
        let d = try open(live: live)
        d.press(.char("s"))
        let failed = await T.tick(d) {
            if case .failed = T.sync(d)?.live.serving { return true }
            return false
        }
        #expect(failed)
        let reason = "port \(port) is in use (another Muster serving here?)"
        guard case .failed(let said)? = T.sync(d)?.live.serving else { Issue.record("serving failed"); return }
        #expect(said.text(in: .en) == reason)
        #expect(said.text(in: .es) == "el puerto \(port) está en uso (¿otro Muster sirve aquí?)")
        #expect(d.state.message == StatusMessage("Cannot serve: \(reason)", isError: true))
        #expect(d.screenText.contains("Serving      not serving: \(reason)"))
        d.press(.char("j"))
        #expect(d.state.message == nil)
        await offPool { holder.stop() }
        await offPool { live.stopAll() }
    }

    /// The facilitator serves from the sync screen, then takes the roll call: a laptop pairs with
    /// the code, takes the library, marks someone, and the roll call shows it on the next tick;
    /// a mark made on the roll call reaches the laptop at its next exchange.
    @Test func servingOutlivesTheScreenAndMarksFlowBothWays() async throws {
        let live = SyncLive(bind: "127.0.0.1", port: 0)
        let d = try open(live: live)
        d.press(.char("s"))
        #expect(await T.tick(d) { server(d) != nil })
        let on = try #require(server(d))
        d.press(.char("q"))  // back to the course list: the server goes on
        d.press(.enter)  // the course's overview
        d.press(.enter)  // the roll call of its session
        let rollCall = try #require(d.rollCall?.data)
        let key = rollCall.session.key

        let (laptop, dir) = try library("Laptop José Ñúñez", courses: false)
        defer { _ = dir }
        let exchanger = try LiveExchanger(store: laptop, url: on.urls[0], pair: PairingCode(typed: on.code), timeout: 10)
        let first = await offPool { exchanger.exchange() }
        guard case .done(let result, _) = first else { Issue.record("the first exchange: \(first.line())"); return }
        #expect(result.paired)
        let course = try laptop.courses.course(code: "mini-2024")
        try laptop.attendance.mark(
            session: laptop.courses.session(course: course, key: key), person: laptop.people.person(code: "T-002"),
            status: .present, source: .rollcall)
        let second = await offPool { exchanger.exchange() }
        guard case .done(let pushed, _) = second else { Issue.record("the second exchange: \(second.line())"); return }
        #expect(pushed.addedThere == 1)
        let t002 = try d.store.people.person(code: "T-002").id!
        #expect(await T.tick(d) { d.rollCall?.mark(of: t002)?.status == .present })
        #expect(live.status().exchange == .off)
        if case .on(let now) = live.status().serving {
            #expect(now.activity.first?.label == "Laptop José Ñúñez")
            #expect(now.activity.first?.received == 1)
        } else {
            Issue.record("still serving")
        }

        // A mark made here while serving reaches the laptop.
        for _ in 0..<5 where d.rollCall?.selectedPerson?.person.code != "T-003" { d.press(.char("j")) }
        d.press(.char("p"))
        let third = await offPool { exchanger.exchange() }
        guard case .done(let pulled, _) = third else { Issue.record("the third exchange: \(third.line())"); return }
        #expect(pulled.added == 1)
        let session = try laptop.courses.session(course: course, key: key)
        #expect(try laptop.attendance.marks(sessionID: session.id!)[laptop.people.person(code: "T-003").id!]?.status == .present)
        // What the app does as it ends: the live server stops with it.
        nonisolated(unsafe) let program = d.program
        await offPool { program.shutdown() }
        #expect(live.status().serving == .off)
    }

    /// `w` with the address and code another library shows: exchanges every few seconds, the
    /// last outcome on screen and the device among the paired; `w` again stops.
    @Test func exchangeWithALibraryThatServes() async throws {
        let (kiosk, dir) = try library("kiosk-door", courses: true)
        defer { _ = dir }
        let code = Mutex("")
        let server = try LiveServer(
            store: kiosk, bind: "127.0.0.1", port: 0, log: { _ in }, announce: { c in code.withLock { $0 = c.description } })
        let port = try await offPool { try server.start() }
        let live = SyncLive(bind: "127.0.0.1", port: 0, every: 0.5)
        let d = try open(live: live)
        d.press(.char("w"))
        d.type("127.0.0.1:\(port) \(code.withLock { $0 }.lowercased())")
        d.press(.enter)
        let url = "http://127.0.0.1:\(port)"
        let done = await T.tick(d) {
            if case .running(_, _, .done?) = T.sync(d)?.live.exchange { return true }
            return false
        }
        #expect(done)
        #expect(d.screenText.contains("Exchanging   with \(url) every 0.5 s"))
        #expect(d.screenText.contains("kiosk-door"))
        #expect(T.sync(d)?.peers.first?.label == "kiosk-door")
        d.press(.char("w"))
        #expect(d.state.message?.text == "Stopped exchanging with \(url)")
        #expect(T.sync(d)?.live.exchange == .off)
        await offPool { live.stopAll() }
        await offPool { server.stop() }
    }
}
