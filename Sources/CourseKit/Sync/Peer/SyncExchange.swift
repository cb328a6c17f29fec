import Foundation
import GRDB

/// What one live exchange did, for the one-line result `muster sync with` prints.
public struct SyncExchangeResult: Sendable, Hashable {
    public var peer: String
    public var peerOrigin: String
    /// True when this exchange paired the two devices.
    public var paired: Bool
    /// Records received and how many of them were new here; records sent and new there.
    public var received: Int
    public var added: Int
    public var sent: Int
    public var addedThere: Int
    public var newConflicts: Int
    public var seconds: Double

    /// "laptop-b: received 12 (12 new), sent 3 (3 new) in 0.4 s".
    public var line: String { line(in: .en) }

    /// The same without the peer: "received 12 (12 new), sent 3 (3 new) in 0.4 s".
    public var summary: String { summary(in: .en) }

    public func line(in language: Language) -> String {
        let words = Words(language)
        let who = paired ? words.format("exchange.pairedWith", table: "Sync", peer) : peer
        return words.format("exchange.line", table: "Sync", who, summary(in: language))
    }

    public func summary(in language: Language) -> String { said.text(in: language) }

    /// The summary as words, as the peer list keeps it: read later, maybe in another language.
    public var said: ChangeSummary {
        let counts =
            received == 0 && sent == 0
            ? ChangeSummary.sync("exchange.nothing")
            : ChangeSummary.sync("exchange.counts", .number(received), .number(added), .number(sent), .number(addedThere))
        let what =
            newConflicts > 0
            ? ChangeSummary(
                in: "Sync", "exchange.withConflicts", .change(counts),
                .change(ChangeSummary.sync("exchange.conflicts", .number(newConflicts))))
            : counts
        return ChangeSummary.sync("exchange.took", .change(what), .decimal(seconds))
    }

    /// What the peer list keeps of this exchange: its summary, after "paired; " the first time.
    var noted: ChangeSummary { paired ? ChangeSummary.sync("exchange.pairedThen", .change(said)) : said }

    /// What the peer list keeps of an exchange that failed part way: the error's words where
    /// it has them ("failed: …"), else its English sentence.
    public static func noted(failure error: any Error) -> ChangeSummary {
        ChangeSummary.sync("exchange.failed", .error(error))
    }
}

extension CourseStore {
    /// One live exchange with the peer `courier` reaches: hello (pairing with `pair` the first
    /// time), then pull what this library lacks and push what the peer lacks, a bounded chunk
    /// per request, each taken in its own transaction. A failure part way leaves every chunk
    /// taken in so far whole, and the next exchange goes on from there.
    public func syncExchange(
        courier: some SyncCourier, url: String, pair: PairingCode?, chunk: Int = SyncPeerService.defaultChunk,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws -> SyncExchangeResult {
        try requireWriter()
        let started = Date()
        let local = try read { db in try SyncLocal.read(db) }
        guard let local else { throw MusterError.database("this library has no sync origin") }
        let key = try OriginKey(rawPrivateKey: local.privateKey)
        let handshake = PeerHandshake()
        let hello = try handshake.hello(key: key, label: NameSanitizer.clean(local.label), code: pair)
        let answer = try courier.post(op: "hello", headers: [:], body: JSONEncoder().encode(hello))
        guard answer.status == 200 else { throw Self.refusal(answer, url: url) }
        guard let welcome = try? JSONDecoder().decode(PeerWelcome.self, from: answer.body), welcome.version == 1,
            let peerKey = PeerHandshake.signer(
                publicKey: welcome.publicKey, signature: welcome.signature, transcript: welcome.transcript(hello: hello))
        else { throw MusterError.net("notMusterPeer", .text(url)) }
        let origin = OriginKey.origin(ofPublicKey: peerKey)
        let label = NameSanitizer.clean(String(welcome.label.prefix(80)))
        var paired = false
        switch try read({ db in try Self.peerStanding(db, origin: origin) }) {
        case .trusted: break
        case .revoked: throw MusterError.net("revoked", .text(url), .text(label))
        case .unknown:
            guard let pair else {
                throw MusterError.net("notPaired", .text(url), .text(label))
            }
            guard let proof = welcome.pairProof.flatMap({ Data(base64Encoded: $0) }),
                pair.verify(proof: proof, transcript: welcome.transcript(hello: hello))
            else { throw MusterError.net("codeNotProven", .text(url)) }
            try write { db in try SyncPeerWrites.trust(db, publicKey: peerKey, label: label, url: url, atMs: clock().ms) }
            paired = true
        }
        var link = PeerLink(
            courier: courier, channel: try handshake.channel(session: welcome.session, hello: hello, welcome: welcome, isClient: true),
            url: url)
        var result = SyncExchangeResult(
            peer: label, peerOrigin: origin, paired: paired, received: 0, added: 0, sent: 0, addedThere: 0, newConflicts: 0, seconds: 0)
        do {
            // Pull: what this library lacks, from where the last chunk stopped, until nothing is.
            let mine = try read { db in try SyncVector.holdings(db) }
            var after: PeerCursor?
            for _ in 0..<1_000_000 {
                let (meta, bundle) = try link.call("pull", PeerMeta(have: mine, max: chunk, after: after))
                let records = meta.records ?? 0
                if records > 0 {
                    let summary = try peerTake(bundle: bundle, from: origin, label: label)
                    result.received += records
                    result.added += summary.addedTotal
                    result.newConflicts += summary.newConflicts.count
                    progress?("received \(result.received) records from \(label)")
                }
                guard let next = meta.after, records > 0 else { break }
                // The cursor only moves forward, so a peer cannot keep an exchange going by
                // sending the same chunk again: the loop ends after at most every record once.
                if let after, (next.origin, next.seq) <= (after.origin, after.seq) {
                    throw MusterError.net("outOfOrder", .text(url))
                }
                after = next
            }
            // Push: what the peer lacks (marks guests here made count too).
            _ = try poll()
            let (theirs, _) = try link.call("have", PeerMeta())
            guard let have = SyncVector.checked(theirs.have) else { throw MusterError.net("badVector", .text(url)) }
            after = nil
            for _ in 0..<1_000_000 {
                let out = try peerBundle(courses: nil, lacking: have, after: after, max: chunk)
                guard let bundle = out.bundle else { break }
                let (meta, _) = try link.call("push", PeerMeta(after: out.next, records: out.records), bundle: bundle)
                result.sent += out.records
                result.addedThere += meta.added ?? 0
                progress?("sent \(result.sent) records to \(label)")
                guard let next = out.next else { break }
                after = next
            }
        } catch {
            try? note(origin: origin, label: label, url: url, result: SyncExchangeResult.noted(failure: error))
            throw error
        }
        result.seconds = Date().timeIntervalSince(started)
        try note(origin: origin, label: label, url: url, result: result.noted)
        return result
    }

    private func note(origin: String, label: String, url: String, result: ChangeSummary) throws {
        try write { db in try SyncPeerWrites.noteExchange(db, origin: origin, label: label, url: url, atMs: clock().ms, result: result) }
    }

    private static func refusal(_ answer: SyncMessage, url: String) -> MusterError {
        let reason = NameSanitizer.clean(String(decoding: answer.body.prefix(300), as: UTF8.self))
        let said = PeerRefusal.reason(answer).map { ChangeSummary.Part.change($0) } ?? .text(reason)
        switch answer.status {
        case 403: return .net("refusedDevice", .text(url), said)
        case 404: return .net("noSync", .text(url))
        default:
            return reason.isEmpty
                ? .net("status", .text(url), .number(answer.status))
                : .net("statusReason", .text(url), .number(answer.status), said)
        }
    }
}

/// The client's side of an exchange's sealed requests: numbers them and opens the answers.
struct PeerLink {
    let courier: any SyncCourier
    let channel: PeerChannel
    let url: String
    var seq: Int64 = 0

    mutating func call(_ op: String, _ meta: PeerMeta, bundle: Data = Data()) throws -> (PeerMeta, Data) {
        seq += 1
        let body = try channel.seal(PeerPayload.encode(meta, bundle: bundle), op: op, seq: seq, reply: false)
        let answer = try courier.post(op: op, headers: ["x-muster-session": channel.session, "x-muster-seq": String(seq)], body: body)
        guard answer.status == 200 else {
            let reason = NameSanitizer.clean(String(decoding: answer.body.prefix(300), as: UTF8.self))
            let said = PeerRefusal.reason(answer).map { ChangeSummary.Part.change($0) } ?? .text(reason)
            throw reason.isEmpty
                ? MusterError.net("stoppedStatus", .text(url), .number(answer.status))
                : MusterError.net("stopped", .text(url), said)
        }
        guard let plain = channel.open(answer.body, op: op, seq: seq, reply: true) else {
            throw MusterError.net("keyChanged", .text(url))
        }
        let (meta, data) = try PeerPayload.decode(plain)
        if let error = meta.error { throw MusterError.net("couldNot", .text(url), .text(op), .text(NameSanitizer.clean(error))) }
        return (meta, data)
    }
}
