import CourseKit
import Foundation
import GRDB
import LibraryTestSupport
import Synchronization
import Testing
import TestSupport

/// The live exchange's protocol without a network (`SyncNetTests` carries it over HTTP): pairing,
/// refusals, chunking, tampering and a cut mid-exchange, between libraries seeded from `courses/`.
@Suite struct SyncPeerTests {
    let dir = TemporaryDirectory("sync-peer")
    let clock = TestClock(Date(timeIntervalSince1970: 1_715_126_400))

    func library(_ name: String) throws -> CourseStore {
        let store = try CourseStore(path: dir.file("\(name).sqlite"), actor: name, clock: clock.function)
        try store.courses.importCourse(CourseFileCodec.read(path: "\(Fixtures.coursesDirectory)/palau-mmc-2024.yaml"))
        try store.syncSetLabel(name)
        return store
    }

    /// A serving library and the codes it announced.
    func serve(_ store: CourseStore, chunk: Int = 2000) throws -> (SyncPeerService, Codes) {
        let codes = Codes()
        let service = try SyncPeerService(store: store, courses: nil, chunk: chunk, log: { codes.log($0) }, announce: { codes.add($0) })
        return (service, codes)
    }

    /// Marks `count` people of the Palau course's first session on `store`.
    @discardableResult
    func mark(_ store: CourseStore, _ count: Int, status: AttendanceStatus = .present, from: Int = 0) throws -> [String] {
        let course = try store.courses.course(code: "palau-mmc-2024")
        let session = try store.courses.sessions(courseID: course.id!)[0]
        let roster = try store.rosters.roster(courseID: course.id!)
        return try roster[from..<(from + count)].map {
            try store.attendance.mark(session: session, person: $0.person, status: status, source: .rollcall).event.id.uuidString
                .lowercased()
        }
    }

    func events(_ store: CourseStore) throws -> Set<String> {
        try Set(DatabaseQueue(path: store.path).read { db in try String.fetchAll(db, sql: "SELECT id FROM attendance_event") })
    }

    @Test func pairingOnceThenExchangingBothWaysConverges() throws {
        let a = try library("a"), b = try library("b")
        let (service, codes) = try serve(a)
        let atB = try mark(b, 3)
        let first = try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: codes.last)
        #expect(first.paired && first.sent > 0 && first.addedThere > 0, "\(first)")
        #expect(first.line.hasPrefix("paired with a"), "\(first.line)")
        #expect(try events(a).isSuperset(of: atB))
        #expect(codes.all.count == 2, "a used code is replaced at once: \(codes.all)")
        // Paired now: no code needed either way round, and A's marks reach B.
        let atA = try mark(a, 2, status: .late, from: 5)
        let second = try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: nil)
        #expect(!second.paired && second.received > 0 && second.added > 0, "\(second)")
        #expect(try events(b).isSuperset(of: atA))
        #expect(try a.syncDigest() == b.syncDigest())
        // Nothing new: nothing moves.
        let third = try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: nil)
        #expect(third.received == 0 && third.sent == 0 && third.line.contains("nothing to exchange"), "\(third)")
        #expect(try a.syncPeers().map(\.label) == ["b"] && b.syncPeers().map(\.label) == ["a"])
        #expect(try b.syncPeers().first?.lastResult?.contains("nothing to exchange") == true)
        // Kept as words: a reader in Spanish sees the same results in Spanish, on both sides.
        #expect(try b.syncPeers().first?.lastResult(in: .es)?.hasPrefix("nada que intercambiar en 0,") == true)
        let served = try a.syncPeers().first?.lastResult(in: .es) ?? ""
        #expect(served.hasPrefix("enviados ") || served.hasPrefix("recibidos "), "\(served)")
        #expect(served.hasSuffix(" registros") || served.hasSuffix(" registro"), "\(served)")
    }

    /// A failure part way through is noted with the error's words, said again in the reader's
    /// language; an error without words keeps its sentence.
    @Test func aFailureIsNotedInWordsAnyLanguageCanSay() {
        let cut = MusterError.net("refused", .text("http://192.168.1.20:8731"))
        let noted = SyncExchangeResult.noted(failure: cut)
        #expect(noted.text(in: .en) == "failed: \(cut.message(in: .en))")
        #expect(noted.text(in: .es) == "falló: \(cut.message(in: .es))")
        #expect(cut.message(in: .es) != cut.message(in: .en))
        #expect(ChangeSummary(json: noted.json) == noted)
        let other = SyncExchangeResult.noted(failure: CocoaError(.fileNoSuchFile))
        #expect(other.text(in: .es).hasPrefix("falló: ") && other.text(in: .es).dropFirst(7) == other.text(in: .en).dropFirst(8))
    }

    @Test func unpairedWrongCodeRevokedAndFakeServersAreRefused() throws {
        let a = try library("a"), b = try library("b")
        let (service, codes) = try serve(a)
        let unpaired = #expect(throws: MusterError.self) { try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: nil) }
        #expect("\(unpaired!)".contains("is not paired with a: pair it with --pair CODE"), "\(unpaired!)")
        let wrong = PairingCode.random()
        let refused = #expect(throws: MusterError.self) { try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: wrong) }
        #expect("\(refused!)".contains("wrong pairing code"), "\(refused!)")
        // Five wrong codes and the code changes; the old one no longer pairs.
        let before = codes.last!
        for _ in 0..<4 { _ = try? b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: wrong) }
        #expect(codes.last != before)
        #expect(throws: MusterError.self) { try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: before) }
        #expect(codes.lines.contains { $0.contains("five wrong pairing codes") })
        // The log is kept as words: a serving device set to Spanish says it in Spanish.
        #expect(codes.lines(in: .es).contains { $0.hasPrefix("cinco códigos de emparejamiento erróneos") })
        #expect(codes.lines(in: .es).contains { $0.hasSuffix(": código de emparejamiento erróneo") })
        // A server that does not know the code cannot pass for the one that showed it.
        let c = try library("c")
        let (impostor, _) = try serve(c)
        let fake = #expect(throws: MusterError.self) {
            try b.syncExchange(courier: LocalCourier(impostor), url: "http://a", pair: codes.last)
        }
        #expect("\(fake!)".contains("wrong pairing code") || "\(fake!)".contains("did not prove"), "\(fake!)")
        // Paired, then revoked: refused by name until trusted again.
        _ = try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: codes.last)
        try a.syncRevoke(peer: "b")
        let revoked = #expect(throws: MusterError.self) { try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: nil) }
        #expect("\(revoked!)".contains("b was revoked on a"), "\(revoked!)")
        // The serving device's reason comes with its words: the asking device says it in Spanish.
        #expect(
            revoked!.message(in: .es).contains("b fue revocado en a; vuelva a confiar en él allí primero"), "\(revoked!.message(in: .es))")
        try a.syncTrust(peer: "b")
        #expect(try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: nil).peer == "a")
        // Trust by key, no code: what a kiosk set up in advance uses.
        let d = try library("d")
        try a.syncTrust(peer: try d.syncPublicKey(), label: "kiosk")
        try d.syncTrust(peer: try a.syncPublicKey(), label: "a")
        #expect(try d.syncExchange(courier: LocalCourier(service), url: "http://a", pair: nil).sent >= 0)
        #expect(throws: MusterError.self) { try a.syncTrust(peer: try a.syncPublicKey()) }
        #expect(throws: MusterError.self) { try a.syncRevoke(peer: "nobody") }
    }

    @Test func smallChunksCarryEverythingInManyRequests() throws {
        let a = try library("a"), b = try library("b")
        let (service, codes) = try serve(a, chunk: 7)
        try mark(a, 20)
        try mark(b, 15, status: .absent, from: 1)
        let counter = LocalCourier(service)
        let result = try b.syncExchange(courier: counter, url: "http://a", pair: codes.last, chunk: 5)
        #expect(result.received >= 20 && result.sent >= 15, "\(result)")
        let calls = counter.calls.count
        #expect(calls > 8, "chunks of 7 and 5 take many requests: \(calls)")
        #expect(try a.syncDigest() == b.syncDigest())
    }

    @Test func aCutMidExchangeLeavesWholeChunksAndTheNextExchangeFinishes() throws {
        let a = try library("a"), b = try library("b")
        let (service, codes) = try serve(a, chunk: 4)
        try mark(a, 12)
        try mark(b, 12, status: .late, from: 3)
        _ = try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: codes.last, chunk: 4)
        try mark(a, 10, status: .excused)
        try mark(b, 10, status: .absent, from: 2)
        for cut in [2, 3, 5] {  // after the hello, mid-pull, mid-push
            #expect(throws: MusterError.self) {
                try b.syncExchange(courier: LocalCourier(service, failAfter: cut), url: "http://a", pair: nil, chunk: 4)
            }
            #expect(try Self.integrity(a.path) == "ok" && Self.integrity(b.path) == "ok")
        }
        _ = try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: nil, chunk: 4)
        #expect(try a.syncDigest() == b.syncDigest())
    }

    @Test func tamperedReplayedAndMalformedRequestsAreRefused() throws {
        let a = try library("a"), b = try library("b")
        let (service, codes) = try serve(a)
        _ = try b.syncExchange(courier: LocalCourier(service), url: "http://a", pair: codes.last)
        // Flip one byte of every sealed request: the server cannot open it and says so.
        let flipped = #expect(throws: MusterError.self) {
            try b.syncExchange(courier: LocalCourier(service, tamper: true), url: "http://a", pair: nil)
        }
        #expect("\(flipped!)".contains("does not open with the session's key"), "\(flipped!)")
        // Replay a recorded request: refused as out of order.
        let recorder = LocalCourier(service)
        _ = try b.syncExchange(courier: recorder, url: "http://a", pair: nil)
        let (op, headers, body) = try #require(recorder.sent.withLock { $0.last })
        #expect(service.handle(op: op, headers: headers, body: body, remote: "replay").status == 400)
        #expect(service.handle(op: "hello", headers: [:], body: Data("{not json".utf8), remote: "x").status == 400)
        #expect(service.handle(op: "drop", headers: [:], body: Data(), remote: "x").status == 404)
        let unknown = service.handle(op: "pull", headers: ["x-muster-session": "nope", "x-muster-seq": "1"], body: Data(), remote: "x")
        #expect(unknown.status == 401)
        #expect(codes.lines.contains { $0.hasPrefix("refused replay: request") })
    }

    @Test func pairingCodesReadAsTyped() throws {
        let code = try #require(PairingCode(typed: "k7qf-m2xd-9pta"))
        #expect(code.description == "K7QF-M2XD-9PTA")
        #expect(PairingCode(typed: "K7QF M2XD 9PTA") == code)
        #expect(PairingCode(typed: "OIL0-0000-0000")?.normalized == "011000000000")
        #expect(PairingCode(typed: "K7QF-M2XD") == nil && PairingCode(typed: "K7QF-M2XD-9PT!") == nil)
        #expect(PairingCode.random() != PairingCode.random())
    }

    static func integrity(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }
}

/// The codes and log lines a test's service announced.
final class Codes: Sendable {
    private let state = Mutex<(codes: [PairingCode], said: [ChangeSummary])>(([], []))
    func add(_ code: PairingCode) { state.withLock { $0.codes.append(code) } }
    func log(_ line: ChangeSummary) { state.withLock { $0.said.append(line) } }
    var all: [PairingCode] { state.withLock { $0.codes } }
    var last: PairingCode? { all.last }
    /// The log in English, as `muster sync serve` prints it by default.
    var lines: [String] { lines(in: .en) }
    func lines(in language: Language) -> [String] { state.withLock { $0.said.map { $0.text(in: language) } } }
}

/// Hands requests straight to a service; can cut the exchange after some calls or flip a byte.
final class LocalCourier: SyncCourier {
    let service: SyncPeerService
    let failAfter: Int?
    let tamper: Bool
    let calls = CallCounter()
    let sent = Mutex<[(String, [String: String], Data)]>([])

    init(_ service: SyncPeerService, failAfter: Int? = nil, tamper: Bool = false) {
        self.service = service
        self.failAfter = failAfter
        self.tamper = tamper
    }

    func post(op: String, headers: [String: String], body: Data) throws -> SyncMessage {
        let n = calls.next()
        if let failAfter, n > failAfter { throw MusterError.invalid("cannot reach http://a: connection reset") }
        var body = body
        if tamper && op != "hello" && !body.isEmpty { body[body.startIndex + body.count / 2] ^= 0x01 }
        sent.withLock { $0.append((op, headers, body)) }
        return service.handle(op: op, headers: headers, body: body, remote: "test")
    }
}

/// Counts a courier's requests, so a test can cut an exchange after some of them.
final class CallCounter: Sendable {
    private let value = Mutex(0)
    /// The number of this call, from 1.
    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
    var count: Int { value.withLock { $0 } }
}
