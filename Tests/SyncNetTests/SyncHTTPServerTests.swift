import CourseKit
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import SyncNet

/// The server as the venue's network meets it: good requests, wrong paths, bodies over the
/// limit, garbage and clients that stop half-way. Everything on 127.0.0.1, an ephemeral port.
@Suite struct SyncHTTPServerTests {
    @Test(.seeded) func roundTripCarriesOperationHeadersAndBody() async throws {
        var rng = SeededRandom()
        print(rng.replayText)
        // Over 4 KiB, so the body is read by the handler, not with the headers.
        let body = Data((0..<Int.random(in: 5_000...300_000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let token = String(UInt64.random(in: 0...UInt64.max, using: &rng), radix: 16)
        let seen = Mutex<(op: String, headers: [String: String], remote: String)?>(nil)
        try await withServer(handler: { op, headers, body, remote in
            seen.withLock { $0 = (op, headers, remote) }
            return SyncMessage(status: 201, headers: ["X-Muster-Answer": "yes"], body: Data(body.reversed()))
        }) { port in
            let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)")
            let answer = try await offPool {
                try courier.post(op: "push", headers: ["X-Muster-Token": token, "x-other": "dropped"], body: body)
            }
            #expect(answer == SyncMessage(status: 201, headers: ["x-muster-answer": "yes"], body: Data(body.reversed())), rng.replay)
            let call = seen.withLock { $0 }
            #expect(call?.op == "push")
            #expect(call?.headers == ["x-muster-token": token], rng.replay)
            #expect(call?.remote == "127.0.0.1")
        }
    }

    @Test func emptyBodiesTravelToo() async throws {
        try await withServer(handler: { op, _, body, _ in SyncMessage(status: body.isEmpty ? 204 : 400, body: Data()) }) { port in
            let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)/")
            let answer = try await offPool { try courier.post(op: "ranges", headers: [:], body: Data()) }
            #expect(answer == SyncMessage(status: 204))
        }
    }

    @Test(arguments: [
        "GET /muster/sync/v1/push HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /muster/sync/v1/ HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /muster/sync/v1/Push HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /muster/sync/v1/push/more HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /muster/sync/v1/abcdefghijklmnopqrstu HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
        "POST /muster/sync/v2/push HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
    ])
    func otherPathsAreNotFound(request: String) async throws {
        let calls = Mutex(0)
        try await withServer(handler: { _, _, _, _ in
            calls.withLock { $0 += 1 }
            return SyncMessage(status: 200)
        }) { port in
            let client = try RawClient(port: port)
            client.send(request)
            let (text, closed) = await client.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 404"), "\(text)")
            #expect(text.contains("POST /muster/sync/v1/<op>"))
            #expect(closed)
            #expect(calls.withLock { $0 } == 0)
        }
    }

    @Test func oversizedBodyIsRefusedUnreadAndLogged() async throws {
        let calls = Mutex(0)
        let log = LogLines()
        let limits = SyncNetLimits(maxBody: 64 << 10, timeout: 5)
        try await withServer(
            limits: limits, log: log,
            handler: { _, _, _, _ in
                calls.withLock { $0 += 1 }
                return SyncMessage(status: 200)
            }
        ) { port in
            // The headers alone: the server must answer without waiting for a body it refuses.
            let client = try RawClient(port: port)
            client.send("POST /muster/sync/v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n")
            let (text, closed) = await client.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 413"), "\(text)")
            #expect(text.lowercased().contains("connection: close"))
            #expect(closed)
            let line = await log.waitFor("127.0.0.1", "10000000", "over the limit of 65536")
            #expect(line != nil, "\(log.all)")
            // Kept as words: a server run in Spanish logs it in Spanish.
            #expect(
                log.all(in: .es).contains { $0.contains("un cuerpo de 10000000 bytes supera el límite de 65536") }, "\(log.all(in: .es))")
            // The courier is refused the same way, before the handler sees anything. It sees
            // the 413, or, when the server's close of the unread body resets the connection
            // before the answer is read, that the server closed it.
            let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)")
            let outcome: String
            do {
                outcome = "status \(try await offPool { try courier.post(op: "push", headers: [:], body: Data(count: 65 << 10)) }.status)"
            } catch {
                outcome = "\(error)"
            }
            print("the courier's oversized post: \(outcome)")
            #expect(
                [
                    "status 413",
                    "http://127.0.0.1:\(port) closed the connection before answering; the log of its `muster sync serve` says why",
                ].contains(outcome), "\(outcome)")
            #expect(calls.withLock { $0 } == 0)
            // A body at the limit is served.
            let fits = try await offPool { try courier.post(op: "push", headers: [:], body: Data(count: 64 << 10)) }
            #expect(fits.status == 200)
            #expect(calls.withLock { $0 } == 1)
        }
    }

    @Test func postWithoutLengthIsRefused() async throws {
        let log = LogLines()
        try await withServer(log: log, handler: { _, _, _, _ in SyncMessage(status: 200) }) { port in
            let client = try RawClient(port: port)
            client.send("POST /muster/sync/v1/push HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            let (text, closed) = await client.readUntilClosed()
            #expect(text.hasPrefix("HTTP/1.1 411"), "\(text)")
            #expect(closed)
            #expect(await log.waitFor("127.0.0.1", "Content-Length") != nil, "\(log.all)")
        }
    }

    @Test(.seeded) func garbageIsCutOffAndTheNextRequestServed() async throws {
        var rng = SeededRandom()
        print(rng.replayText)
        let log = LogLines()
        try await withServer(log: log, handler: { _, _, body, _ in SyncMessage(status: 200, body: body) }) { port in
            for round in 0..<3 {
                let garbage = Data((0..<Int.random(in: 1...2_000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
                let client = try RawClient(port: port)
                client.send(garbage + Data("\r\n\r\n".utf8))
                let (text, closed) = await client.readUntilClosed()
                #expect(closed, "round \(round): \(rng.replayText)")
                #expect(!text.hasPrefix("HTTP/1.1 2"), "round \(round): \(rng.replayText)")
                let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)")
                let answer = try await offPool { try courier.post(op: "push", headers: [:], body: Data("after \(round)".utf8)) }
                #expect(answer == SyncMessage(status: 200, body: Data("after \(round)".utf8)), rng.replay)
            }
            print(log.all.joined(separator: "\n"))
        }
    }

    @Test(arguments: [
        "",
        "POST /muster/sync/v1/push HTTP/1.1\r\nContent-Le",
        "POST /muster/sync/v1/push HTTP/1.1\r\nContent-Length: 100000\r\n\r\nonly this much",
    ])
    func stalledClientIsDroppedAfterTheTimeoutWhileOthersAreServed(halfRequest: String) async throws {
        let log = LogLines()
        let limits = SyncNetLimits(maxBody: 1 << 20, timeout: 1)
        try await withServer(limits: limits, log: log, handler: { _, _, body, _ in SyncMessage(status: 200, body: body) }) { port in
            let started = Date()
            let staller = try RawClient(port: port)
            staller.send(halfRequest)
            // Served while the staller holds its connection.
            let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)")
            let during = try await offPool { try courier.post(op: "push", headers: [:], body: Data("during".utf8)) }
            #expect(during.body == Data("during".utf8))
            let (_, closed) = await staller.readUntilClosed(seconds: 10)
            let waited = Date().timeIntervalSince(started)
            #expect(closed)
            #expect(waited >= 0.9 && waited < 8, "dropped after \(waited) s")
            #expect(await log.waitFor("127.0.0.1", "1 s") != nil, "\(log.all)")
            let after = try await offPool { try courier.post(op: "push", headers: [:], body: Data("after".utf8)) }
            #expect(after.body == Data("after".utf8))
            print(log.all.joined(separator: "\n"))
        }
    }

    @Test func handlerRunsOneCallAtATime() async throws {
        let inside = Mutex((now: 0, most: 0, calls: 0))
        try await withServer(handler: { _, _, body, _ in
            inside.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
                $0.calls += 1
            }
            // Work that takes a while, as a real exchange's SQLite writes do.
            Thread.sleep(forTimeInterval: 0.1)
            inside.withLock { $0.now -= 1 }
            return SyncMessage(status: 200, body: body)
        }) { port in
            let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        let answer = try await offPool { try courier.post(op: "push", headers: [:], body: Data("\(index)".utf8)) }
                        #expect(answer.body == Data("\(index)".utf8))
                    }
                }
                try await group.waitForAll()
            }
            let counts = inside.withLock { $0 }
            #expect(counts.calls == 4)
            #expect(counts.most == 1)
        }
    }

    @Test func startRefusesAPortInUseAndAnAddressNotOurs() async throws {
        try await withServer(handler: { _, _, _, _ in SyncMessage(status: 200) }) { port in
            let second = SyncHTTPServer(
                bind: "127.0.0.1", port: port, limits: SyncNetLimits(), log: { _ in }, handler: { _, _, _, _ in SyncMessage(status: 200) })
            let message = await musterMessage { _ = try second.start() }
            #expect(message == "port \(port) on 127.0.0.1 is in use: pick another with --port")
        }
        let bad = SyncHTTPServer(
            bind: "localhost", port: 0, limits: SyncNetLimits(), log: { _ in }, handler: { _, _, _, _ in SyncMessage(status: 200) })
        #expect(
            await musterMessage { _ = try bad.start() }
                == "bind address 'localhost' is not a numeric IPv4 or IPv6 address (e.g. 0.0.0.0, or :: for every interface)")
        // TEST-NET-3: never an address of this machine.
        let foreign = SyncHTTPServer(
            bind: "203.0.113.9", port: 0, limits: SyncNetLimits(), log: { _ in }, handler: { _, _, _, _ in SyncMessage(status: 200) })
        #expect(
            await musterMessage { _ = try foreign.start() }
                == "203.0.113.9 is not an address of this machine: pick one of its own with --bind, or 0.0.0.0")
    }

    @Test func stoppedServerFreesItsPort() async throws {
        let server = SyncHTTPServer(
            bind: "127.0.0.1", port: 0, limits: SyncNetLimits(), log: { _ in }, handler: { _, _, _, _ in SyncMessage(status: 200) })
        let port = try await offPool { try server.start() }
        await offPool { server.stop() }
        let again = SyncHTTPServer(
            bind: "127.0.0.1", port: port, limits: SyncNetLimits(), log: { _ in }, handler: { _, _, _, _ in SyncMessage(status: 200) })
        #expect(try await offPool { try again.start() } == port)
        await offPool { again.stop() }
    }
}

/// Sizes and addresses beyond the small cases: a body near the default limit both ways, IPv6.
@Suite struct SyncHTTPTransportTests {
    @Test func largeBodyTravelsBothWays() async throws {
        var pattern = Data(count: 32 << 20)
        pattern.withUnsafeMutableBytes { bytes in
            for index in stride(from: 0, to: bytes.count, by: 4096) { bytes[index] = UInt8(truncatingIfNeeded: index >> 12) }
        }
        let body = pattern
        try await withServer(handler: { _, _, body, _ in SyncMessage(status: 200, body: body) }) { port in
            let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)")
            let started = Date()
            let answer = try await offPool { try courier.post(op: "push", headers: [:], body: body) }
            let seconds = Date().timeIntervalSince(started)
            #expect(answer.body == body)
            print("32 MiB there and back in \(String(format: "%.2f", seconds)) s")
        }
    }

    @Test func ipv6LoopbackWorks() async throws {
        let server = SyncHTTPServer(
            bind: "::1", port: 0, limits: SyncNetLimits(), log: { _ in },
            handler: { op, _, _, remote in
                SyncMessage(status: 200, body: Data("\(op) from \(remote)".utf8))
            })
        let port = try await offPool { try server.start() }
        let courier = try SyncHTTPCourier(url: "http://[::1]:\(port)")
        let answer = try await offPool { try courier.post(op: "hello", headers: [:], body: Data()) }
        await offPool { server.stop() }
        #expect(String(decoding: answer.body, as: UTF8.self) == "hello from ::1")
    }
}
