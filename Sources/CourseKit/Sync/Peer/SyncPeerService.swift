import Foundation
import GRDB

/// The serving side of a live exchange (`muster sync serve`, or the sync screen's "serve"): answers
/// `hello`, `have`, `pull` and `push` for paired devices (docs/SYNC.md §4).
///
/// It holds no state about a peer between exchanges but its pinned key (`sync_peer`); within an
/// exchange only the session's keys and request number. Every answer is bounded (`chunk` records
/// a pull, one bundle a push, each in its own transaction), so a slow or vanished peer leaves
/// nothing half-written and never holds the library. Anything malformed is refused with a
/// one-line reason to the peer and to `log`.
public final class SyncPeerService: @unchecked Sendable {
    /// What happened with one peer in this run, for the screen and the log.
    public struct Activity: Sendable, Hashable {
        public var label: String
        public var origin: String
        public var remote: String
        public var at: Date
        /// Records taken in from it in this run, and sent to it.
        public var received: Int
        public var sent: Int
        /// How its last exchange ended, as words; nil until one has.
        public var last: ChangeSummary?
    }

    let store: CourseStore
    let courses: [String]?
    let chunk: Int
    /// One line per event worth a person's attention, as words: the server's log and the sync
    /// screen say it in their own language.
    let log: @Sendable (ChangeSummary) -> Void
    let announce: @Sendable (PairingCode) -> Void
    private let lock = NSLock()
    private var code: PairingCode
    private var wrongCodes = 0
    private var sessions: [String: Session] = [:]
    private var activities: [String: Activity] = [:]

    struct Session {
        var channel: PeerChannel
        var origin: String
        var label: String
        var remote: String
        var seq: Int64 = 0
        var lastUsed: Date
        /// This exchange's totals so far, said once when its pull or its push ends: one log line
        /// and one `sync_peer` write per exchange, not one per chunk.
        var sent = 0
        var offered = 0
        var received = 0
    }

    /// Records per chunk, each taken in by one transaction: about half a second on an old laptop
    /// (taking a record in costs about 1 ms), which is the longest a mark made meanwhile on the
    /// same library waits. 2,000 made a kiosk check-in wait 2 s during a big first exchange.
    public static let defaultChunk = 500

    /// Sessions idle longer than this are forgotten (the client says hello again).
    static let sessionIdle: TimeInterval = 600
    static let maxSessions = 64

    /// `announce` is called with the first pairing code now, and with each new one after a code
    /// is used or guessed at too often.
    public init(
        store: CourseStore, courses: [String]?, chunk: Int = SyncPeerService.defaultChunk, log: @escaping @Sendable (ChangeSummary) -> Void,
        announce: @escaping @Sendable (PairingCode) -> Void
    ) throws {
        try store.requireWriter()
        if let courses { _ = try store.read { db in try store.checkCourses(db, courses) } }
        self.store = store
        self.courses = courses
        self.chunk = max(1, chunk)
        self.log = log
        self.announce = announce
        code = PairingCode.random()
        announce(code)
    }

    /// The code that pairs the next device.
    public var pairingCode: PairingCode { lock.withLock { code } }

    /// Peers seen in this run, most recent first.
    public var activity: [Activity] { lock.withLock { activities.values.sorted { $0.at > $1.at } } }

    /// The handler the transport calls, one request at a time.
    public var handler: SyncHandler { { [self] op, headers, body, remote in handle(op: op, headers: headers, body: body, remote: remote) } }

    public func handle(op: String, headers: [String: String], body: Data, remote: String) -> SyncMessage {
        if op == "hello" { return hello(body, remote: remote) }
        guard ["have", "pull", "push"].contains(op) else {
            return refuse(404, ChangeSummary.sync("refusal.noOperation", .text(String(op.prefix(20)))), remote: remote)
        }
        guard let id = headers["x-muster-session"], let seq = headers["x-muster-seq"].flatMap({ Int64($0) }) else {
            return refuse(400, ChangeSummary.sync("refusal.noSession"), remote: remote)
        }
        let found: Session? = lock.withLock {
            sessions = sessions.filter { Date().timeIntervalSince($0.value.lastUsed) < Self.sessionIdle }
            return sessions[id]
        }
        guard var session = found else { return refuse(401, ChangeSummary.sync("refusal.sessionExpired"), remote: remote) }
        guard seq == session.seq + 1 else {
            return refuse(400, ChangeSummary.sync("refusal.outOfOrder", .text(String(seq)), .text(String(session.seq + 1))), remote: remote)
        }
        guard let plain = session.channel.open(body, op: op, seq: seq, reply: false) else {
            return refuse(400, ChangeSummary.sync("refusal.wrongKey"), remote: remote)
        }
        session.seq = seq
        session.lastUsed = Date()
        lock.withLock { sessions[id] = session }
        let reply: PeerMeta
        var bundle = Data()
        do {
            guard (try store.read { db in try CourseStore.peerStanding(db, origin: session.origin) }) == .trusted else {
                lock.withLock { _ = sessions.removeValue(forKey: id) }
                return refuse(403, ChangeSummary.sync("refusal.revokedHere", .text(session.label)), remote: remote)
            }
            let (meta, data) = try PeerPayload.decode(plain)
            (reply, bundle) = try answer(op: op, meta: meta, bundle: data, session: session, id: id)
        } catch {
            reply = PeerMeta(error: "\(error)")
            log(ChangeSummary.sync("serveLog.opFailed", .text(session.label), .text(remote), .text(op), .error(error)))
        }
        do {
            return SyncMessage(
                status: 200, body: try session.channel.seal(PeerPayload.encode(reply, bundle: bundle), op: op, seq: seq, reply: true))
        } catch {
            return refuse(500, ChangeSummary.sync("refusal.cannotSeal"), remote: remote)
        }
    }

    private func answer(op: String, meta: PeerMeta, bundle: Data, session: Session, id: String) throws -> (PeerMeta, Data) {
        switch op {
        case "have":
            _ = try store.poll()  // marks guests on this laptop made are part of what it has
            return (PeerMeta(have: try store.read { db in try SyncVector.holdings(db) }), Data())
        case "pull":
            guard let have = SyncVector.checked(meta.have) else { throw MusterError.invalid("the pull's vector is malformed") }
            let max = Swift.min(Swift.max(meta.max ?? chunk, 1), chunk)
            let out = try store.peerBundle(courses: courses, lacking: have, after: meta.after, max: max)
            let total = tally(id, session) { $0.sent += out.records }
            let done = out.next == nil && total.sent > 0
            note(
                session, sent: out.records, received: 0,
                line: done ? ChangeSummary.sync("served.sent", .change(Self.records(total.sent))) : nil)
            return (PeerMeta(after: out.next, records: out.records), out.bundle ?? Data())
        default:  // push; `after` nil on the last chunk
            guard !bundle.isEmpty else { throw MusterError.invalid("a push without records") }
            let summary = try store.peerTake(bundle: bundle, from: session.origin, label: session.label)
            let total = tally(id, session) {
                $0.offered += meta.records ?? 0
                $0.received += summary.addedTotal
            }
            let line =
                meta.after == nil
                ? ChangeSummary.sync("served.received", .number(total.received), .change(Self.records(total.offered))) : nil
            note(session, sent: 0, received: summary.addedTotal, line: line)
            return (PeerMeta(added: summary.addedTotal, conflicts: summary.newConflicts.count), Data())
        }
    }

    /// Adds to a session's totals (`session` as this request opened it, if it was dropped since); returns them.
    private func tally(_ id: String, _ session: Session, _ change: (inout Session) -> Void) -> Session {
        lock.withLock {
            var current = sessions[id] ?? session
            change(&current)
            if sessions[id] != nil { sessions[id] = current }
            return current
        }
    }

    /// "1 record", "12 records".
    static func records(_ n: Int) -> ChangeSummary {
        ChangeSummary.sync(n == 1 ? "count.records.one" : "count.records", .number(n))
    }

    private func note(_ session: Session, sent: Int, received: Int, line: ChangeSummary?) {
        let now = Date()
        lock.withLock {
            var a =
                activities[session.origin]
                ?? Activity(
                    label: session.label, origin: session.origin, remote: session.remote, at: now, received: 0, sent: 0, last: nil)
            a.at = now
            a.remote = session.remote
            a.received += received
            a.sent += sent
            if let line { a.last = line }
            activities[session.origin] = a
        }
        guard let line else { return }
        log(ChangeSummary.sync("serveLog.peer", .text(session.label), .text(session.remote), .change(line)))
        try? store.write { db in
            try SyncPeerWrites.noteExchange(db, origin: session.origin, label: session.label, url: nil, atMs: now.ms, result: line)
        }
    }

    private func hello(_ body: Data, remote: String) -> SyncMessage {
        guard body.count <= 16 << 10, let hello = try? JSONDecoder().decode(PeerHello.self, from: body), hello.version == 1 else {
            return refuse(400, ChangeSummary.sync("refusal.badHello"), remote: remote)
        }
        guard let publicKey = PeerHandshake.signer(publicKey: hello.publicKey, signature: hello.signature, transcript: hello.transcript)
        else { return refuse(403, ChangeSummary.sync("refusal.badSignature"), remote: remote) }
        let origin = OriginKey.origin(ofPublicKey: publicKey)
        let label = NameSanitizer.clean(String(hello.label.prefix(80)))
        do {
            let (local, standing) = try store.read { db in
                (try SyncLocal.read(db), try CourseStore.peerStanding(db, origin: origin))
            }
            guard let local else { return refuse(500, ChangeSummary.sync("refusal.noOrigin"), remote: remote) }
            guard origin != local.origin else { return refuse(403, ChangeSummary.sync("refusal.itself"), remote: remote) }
            var pairedNow: PairingCode?
            switch standing {
            case .trusted: break
            case .revoked:
                return refuse(
                    403, ChangeSummary.sync("refusal.revoked", .text(label), .text(NameSanitizer.clean(local.label))), remote: remote)
            case .unknown:
                guard let proof = hello.pairProof.flatMap({ Data(base64Encoded: $0) }) else {
                    return refuse(
                        403, ChangeSummary.sync("refusal.notPaired", .text(label), .text(NameSanitizer.clean(local.label))), remote: remote)
                }
                let current = pairingCode
                guard current.verify(proof: proof, transcript: hello.transcript) else {
                    wrongCode(remote: remote)
                    return refuse(403, ChangeSummary.sync("refusal.wrongCode"), remote: remote)
                }
                try store.write { db in try SyncPeerWrites.trust(db, publicKey: publicKey, label: label, url: nil, atMs: Date().ms) }
                pairedNow = current
                log(ChangeSummary.sync("serveLog.paired", .text(label), .text(String(origin.prefix(8))), .text(remote)))
                replaceCode()
            }
            let handshake = PeerHandshake()
            let id = lowerHex((0..<16).map { _ in UInt8.random(in: 0...255) })
            let key = try OriginKey(rawPrivateKey: local.privateKey)
            let welcome = try handshake.welcome(to: hello, key: key, label: NameSanitizer.clean(local.label), session: id, code: pairedNow)
            let channel = try handshake.channel(session: id, hello: hello, welcome: welcome, isClient: false)
            lock.withLock {
                if sessions.count >= Self.maxSessions, let oldest = sessions.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
                    sessions.removeValue(forKey: oldest.key)
                }
                sessions[id] = Session(channel: channel, origin: origin, label: label, remote: remote, lastUsed: Date())
            }
            note(Session(channel: channel, origin: origin, label: label, remote: remote, lastUsed: Date()), sent: 0, received: 0, line: nil)
            return SyncMessage(status: 200, body: try JSONEncoder().encode(welcome))
        } catch {
            log(ChangeSummary.sync("serveLog.helloFailed", .text(remote), .error(error)))
            return SyncMessage(status: 500, body: Data("the serving device could not answer: \(error)".utf8))
        }
    }

    /// Five wrong codes in a row and the code is replaced: guessing stays online and hopeless.
    private func wrongCode(remote: String) {
        let replace = lock.withLock {
            wrongCodes += 1
            return wrongCodes >= 5
        }
        if replace {
            log(ChangeSummary.sync("serveLog.codeReplaced", .text(remote)))
            replaceCode()
        }
    }

    private func replaceCode() {
        let new = lock.withLock {
            code = PairingCode.random()
            wrongCodes = 0
            return code
        }
        announce(new)
    }

    /// A refusal: logged here in words, and sent to the asking device as its English sentence
    /// (the protocol's body is text, which devices of every version read) with its words in a
    /// header (`PeerRefusal`), which this version's devices say in their reader's language.
    private func refuse(_ status: Int, _ reason: ChangeSummary, remote: String) -> SyncMessage {
        log(ChangeSummary.sync("serveLog.refused", .text(remote), .change(reason)))
        return SyncMessage(status: status, headers: PeerRefusal.headers(reason), body: Data(reason.text(in: .en).utf8))
    }

}
