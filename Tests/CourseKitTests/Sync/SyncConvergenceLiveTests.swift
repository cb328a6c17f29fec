import CourseKit
import Foundation
import Synchronization
import SyncNet
import Testing
import TestSupport

/// Issue 16's rerun of the convergence proof (`SyncConvergenceTests`) with live exchanges over
/// HTTP on loopback in place of bundle files: every device serves (`SyncPeerService` behind
/// `SyncHTTPServer`), steps that exported or delivered a bundle now have one device call
/// another (one in five cut after a few requests), and at the end everyone calls a hub twice.
/// The digests must equal the oracle's, which took every device's final bundle in one process.
///
/// Replay a seed with `SYNC_SEED=0x… swift test --filter SyncConvergenceLiveTests`.
@Suite struct SyncConvergenceLiveTests {
    @Test(arguments: SyncConvergenceTests.seeds) func devicesConvergeOverHTTP(seed: UInt64) async throws {
        try await offPool { try Self.run(seed: seed) }
    }

    /// The run, on a plain thread: the courier and the servers block while FlyingFox works.
    static func run(seed: UInt64) throws {
        var run = try SyncRun(seed: seed)
        let mesh = try HTTPMesh(run.devices)
        defer { mesh.stop() }
        run.live = mesh
        print("SyncConvergenceLive: \(run.replay.replacingOccurrences(of: "SyncConvergenceTests", with: "SyncConvergenceLiveTests"))")
        do {
            try run.play(steps: SyncConvergenceTests.steps)
            try run.finish()
            #expect(run.counts["exchanges", default: 0] > 0, "\(run.counts)")
        } catch {
            Issue.record(error, Comment(rawValue: "\(run.replay)\n\(run.lastSteps)\nevery step: \((try? run.writeLog()) ?? "-")"))
        }
    }
}

/// Every device serving on 127.0.0.1 (an ephemeral port each), every pair trusting each other's key.
final class HTTPMesh: LiveLinks {
    let servers: [ObjectIdentifier: (server: SyncHTTPServer, url: String)]

    init(_ devices: [SyncDevice]) throws {
        var servers: [ObjectIdentifier: (SyncHTTPServer, String)] = [:]
        for device in devices {
            let service = try SyncPeerService(store: device.store, courses: nil, chunk: 50, log: { _ in }, announce: { _ in })
            let server = SyncHTTPServer(bind: "127.0.0.1", port: 0, limits: SyncNetLimits(), log: { _ in }, handler: service.handler)
            servers[ObjectIdentifier(device)] = (server, "http://127.0.0.1:\(try server.start())")
        }
        self.servers = servers
        for a in devices {
            for b in devices where a !== b { try a.store.syncTrust(peer: try b.store.syncPublicKey(), label: b.name) }
        }
    }

    func exchange(_ client: SyncDevice, with server: SyncDevice, cutAfter: Int?) throws -> SyncExchangeResult {
        let url = servers[ObjectIdentifier(server)]!.url
        let http = try SyncHTTPCourier(url: url, timeout: 30)
        if let cutAfter {
            return try client.store.syncExchange(courier: CutCourier(http, after: cutAfter), url: url, pair: nil, chunk: 40)
        }
        return try client.store.syncExchange(courier: http, url: url, pair: nil, chunk: 40)
    }

    func stop() { servers.values.forEach { $0.server.stop() } }
}

/// A courier whose connection drops after some requests: what a laptop walking out of Wi-Fi range does.
final class CutCourier: SyncCourier {
    let base: SyncHTTPCourier
    let after: Int
    let calls = CallCounter()

    init(_ base: SyncHTTPCourier, after: Int) {
        self.base = base
        self.after = after
    }

    func post(op: String, headers: [String: String], body: Data) throws -> SyncMessage {
        guard calls.next() <= after else { throw MusterError.invalid("cannot reach the peer: the network dropped") }
        return try base.post(op: op, headers: headers, body: body)
    }
}
