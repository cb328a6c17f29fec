import CourseKit
import Foundation
import Synchronization
import Testing
import TestSupport

@testable import SyncNet

/// The courier's failures, each a one-line `MusterError` a person at a venue can act on.
@Suite struct SyncHTTPCourierTests {
    @Test func refusedConnectionSaysToStartTheServer() async throws {
        // A port that was just ours and is closed again.
        let server = SyncHTTPServer(
            bind: "127.0.0.1", port: 0, limits: SyncNetLimits(), log: { _ in }, handler: { _, _, _, _ in SyncMessage(status: 200) })
        let port = try await offPool { try server.start() }
        await offPool { server.stop() }
        let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)", timeout: 5)
        let message = await musterMessage { _ = try courier.post(op: "push", headers: [:], body: Data()) }
        #expect(message == "cannot reach http://127.0.0.1:\(port): connection refused — is `muster sync serve` running there?")
    }

    @Test(arguments: [
        ("https://10.0.0.5:8731", "https://10.0.0.5:8731: use http://: the exchange is encrypted end to end with the paired key"),
        ("10.0.0.5:8731", "10.0.0.5:8731 is not a peer URL: use http://HOST:PORT, e.g. http://192.168.1.20:8731"),
        ("ftp://10.0.0.5", "ftp://10.0.0.5 is not a peer URL: use http://HOST:PORT, e.g. http://192.168.1.20:8731"),
        ("http://", "http:// is not a peer URL (no path, user or query): use http://HOST:PORT, e.g. http://192.168.1.20:8731"),
        (
            "http://10.0.0.5:8731/sync",
            "http://10.0.0.5:8731/sync is not a peer URL (no path, user or query): use http://HOST:PORT, e.g. http://192.168.1.20:8731"
        ),
        ("http://10.0.0.5:99999", "http://10.0.0.5:99999: the port must be a number from 1 to 65535"),
        ("http://10.0.0.5:", "http://10.0.0.5:: the port must be a number from 1 to 65535"),
        ("http://:8731", "http://:8731 names no host: use http://HOST:PORT, e.g. http://192.168.1.20:8731"),
        ("http://fe80::1:8731", "http://fe80::1:8731: write an IPv6 address in brackets, e.g. http://[fe80::1]:8731"),
        (
            "http://[fe80::1:8731",
            "http://[fe80::1:8731: an IPv6 address needs its closing ]: use http://HOST:PORT, e.g. http://192.168.1.20:8731"
        ),
    ])
    func badURLsAreRefusedWithTheForm(url: String, message: String) async {
        let got = await musterMessage { _ = try SyncHTTPCourier(url: url) }
        #expect(got?.hasPrefix(message) == true, "\(got ?? "no error")")
    }

    /// A name is looked up at each request, not when the courier is made: a kiosk started before
    /// the venue's network is up still starts, and its first exchanges say the name is not found.
    @Test func aNameThatDoesNotResolveFailsTheRequestNotTheCourier() async throws {
        let courier = try SyncHTTPCourier(url: "http://no-such-host.invalid:8731")
        let got = await musterMessage { _ = try courier.post(op: "hello", headers: [:], body: Data()) }
        #expect(
            got?.hasPrefix("cannot find no-such-host.invalid (from http://no-such-host.invalid:8731): ") == true, "\(got ?? "no error")")
    }

    @Test func urlFormsAndTheDefaultPort() throws {
        let plain = try SyncPeerAddress(url: "http://127.0.0.1")
        #expect(plain.port == SyncNet.defaultPort && SyncNet.defaultPort == 8731)
        #expect(plain.hostHeader == "127.0.0.1:8731")
        let v6 = try SyncPeerAddress(url: "http://[::1]:9000/")
        #expect(v6.host == "::1" && v6.port == 9000 && v6.hostHeader == "[::1]:9000")
        let named = try SyncPeerAddress(url: "HTTP://localhost:9001")
        #expect(named.host == "localhost" && named.port == 9001)
    }

    @Test func slowPeerTimesOut() async throws {
        let release = DispatchSemaphore(value: 0)
        try await withServer(handler: { _, _, _, _ in
            // Held until the test has seen the courier give up (bounded, should it never).
            _ = release.wait(timeout: .now() + 10)
            return SyncMessage(status: 200)
        }) { port in
            let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)", timeout: 0.5)
            let started = Date()
            let message = await musterMessage { _ = try courier.post(op: "push", headers: [:], body: Data()) }
            let waited = Date().timeIntervalSince(started)
            release.signal()
            #expect(message == "no answer from http://127.0.0.1:\(port) in 0.5 s")
            #expect(waited >= 0.45 && waited < 5, "gave up after \(waited) s")
        }
    }

    @Test func oversizedAnswerIsRefused() async throws {
        try await withServer(handler: { _, _, _, _ in SyncMessage(status: 200, body: Data(count: 100_000)) }) { port in
            let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(port)", maxBody: 10_000)
            let message = await musterMessage { _ = try courier.post(op: "push", headers: [:], body: Data()) }
            #expect(message == "http://127.0.0.1:\(port) answered with 100000 bytes, over the limit of 10000: refused")
            let tooBig = await musterMessage { _ = try courier.post(op: "push", headers: [:], body: Data(count: 10_001)) }
            #expect(tooBig == "not sent to http://127.0.0.1:\(port): 10001 bytes is over the limit of 10000")
        }
    }

    @Test(arguments: [
        (
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>",
            "is not a Muster sync peer: it answered HTTP 200 (text/html)"
        ),
        ("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", "is not a Muster sync peer: it answered HTTP 404"),
        ("SSH-2.0-OpenSSH_9.6\r\n", "answered with something that is not a Muster sync message"),
        ("", "closed the connection before answering"),
    ])
    func otherServersAnswersAreClearErrors(reply: String, message: String) async throws {
        let peer = try FakePeer(reply: Data(reply.utf8))
        let courier = try SyncHTTPCourier(url: "http://127.0.0.1:\(peer.port)", timeout: 5)
        let got = await musterMessage { _ = try courier.post(op: "push", headers: [:], body: Data("hello".utf8)) }
        #expect(got?.contains(message) == true, "\(got ?? "no error")")
        #expect(got?.hasPrefix("http://127.0.0.1:\(peer.port)") == true, "\(got ?? "no error")")
    }

    @Test func badOperationsAndHeadersAreNotSent() async throws {
        let courier = try SyncHTTPCourier(url: "http://127.0.0.1:9")
        #expect(
            await musterMessage { _ = try courier.post(op: "Push", headers: [:], body: Data()) }
                == "'Push' is not a sync operation: 1 to 20 letters a to z")
        let injected = await musterMessage { _ = try courier.post(op: "push", headers: ["x-muster-a": "1\r\nHost: evil"], body: Data()) }
        #expect(injected?.hasPrefix("header ") == true, "\(injected ?? "no error")")
    }
}
